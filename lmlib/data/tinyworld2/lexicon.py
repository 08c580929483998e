"""The words of tinyworld 2, as data: word lists by category, common words first.

Each list is ordered from common to rare: generators draw from them with Zipf weights. Only base
forms are listed; plurals, tenses, comparatives and adverbs come from :mod:`.inflect`. A verb
phrase starts with its verb ("bake bread"), so that it can be put in any tense.
"""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|"))


# profession: (workplace, things the profession does (verb phrases), what it makes or gives)
PROFESSIONS = {
    "baker": ("bakery", phrases("bake bread|knead the dough|ice a cake|sell warm rolls|light the oven"), "loaf of bread"),
    "farmer": ("farm", phrases("milk the cows|plough the field|feed the hens|mend the fence|gather the hay"), "basket of eggs"),
    "teacher": ("school", phrases("mark the essays|teach a lesson|read a story aloud|ring the bell|clean the blackboard"), "book of poems"),
    "fisher": ("harbour", phrases("mend the nets|row out to sea|sell fresh fish|clean the boat|check the lines"), "smoked fish"),
    "weaver": ("workshop", phrases("weave a rug|spin the wool|dye the thread|repair the loom|fold the cloth"), "woollen blanket"),
    "potter": ("pottery", phrases("shape a bowl|fire the kiln|glaze a jug|wedge the clay|paint a vase"), "blue jug"),
    "carpenter": ("workshop", phrases("saw the planks|build a table|plane a door|carve a chair|sand the shelves"), "wooden stool"),
    "miller": ("mill", phrases("grind the corn|sweep the floor|oil the wheel|carry the sacks|sift the flour"), "sack of flour"),
    "smith": ("forge", phrases("shoe a horse|hammer a blade|light the forge|bend an iron bar|sharpen the tools"), "iron hook"),
    "tailor": ("shop", phrases("sew a coat|measure a customer|cut the cloth|press the trousers|stitch a collar"), "silk scarf"),
    "doctor": ("surgery", phrases("visit the sick|write a prescription|bandage a knee|listen to a heartbeat|mix a tonic"), "jar of ointment"),
    "painter": ("studio", phrases("mix the colours|stretch a canvas|sketch the hills|clean the brushes|prime a board"), "small painting"),
    "shepherd": ("hills", phrases("count the sheep|shear the lambs|walk the fells|train the dogs|mend a gate"), "wool hat"),
    "gardener": ("garden", phrases("plant the seeds|water the roses|dig a bed|prune the trees|pull the weeds"), "bunch of flowers"),
    "builder": ("building site", phrases("lay the bricks|mix the mortar|raise a wall|fix the roof|carry the stones"), "brass hook"),
    "cook": ("kitchen", phrases("stir the soup|roast a chicken|chop the onions|boil the potatoes|bake a pie"), "meat pie"),
    "singer": ("theatre", phrases("practise the scales|sing in the square|tune the piano|warm up the voice|write a tune"), "song sheet"),
    "sailor": ("ship", phrases("scrub the deck|tie the ropes|raise the sail|climb the mast|watch the waves"), "sea shell"),
    "merchant": ("market", phrases("count the coins|sell spices|weigh the tea|check the ledger|haggle over prices"), "box of spices"),
    "hunter": ("forest", phrases("set the traps|follow the tracks|clean the bow|skin a rabbit|watch the deer"), "fox fur"),
    "brewer": ("brewery", phrases("brew the ale|roll the barrels|taste the beer|clean the vats|boil the hops"), "jug of cider"),
    "cobbler": ("shop", phrases("mend the boots|stitch a sole|polish the shoes|cut the leather|fit new heels"), "pair of slippers"),
    "mason": ("quarry", phrases("cut the stone|mix the lime|sharpen the chisels|split a block|chisel a name"), "stone bird"),
    "clockmaker": ("shop", phrases("wind the clocks|oil the gears|fix a watch|set the hands|polish a case"), "pocket watch"),
    "bookbinder": ("bindery", phrases("bind a book|fold the pages|glue the spine|stamp a cover|trim the paper"), "notebook"),
    "locksmith": ("shop", phrases("file the blanks|cut a key|sort the keys|oil the hinges|repair a latch"), "brass key"),
    "beekeeper": ("orchard", phrases("check the hives|collect the honey|calm the bees|melt the wax|plant the clover"), "pot of honey"),
    "nurse": ("hospital", phrases("dress a wound|roll the bandages|make the beds|count the pills|take a temperature"), "bottle of tonic"),
    "librarian": ("library", phrases("sort the books|stamp the cards|dust the shelves|find an old map|repair a page"), "old map"),
    "postman": ("post office", phrases("deliver the letters|sort the parcels|empty the box|read the addresses|stamp the mail"), "postcard"),
    "innkeeper": ("inn", phrases("pour the drinks|make the beds|cook a stew|greet the guests|light the fire"), "bowl of stew"),
    "musician": ("concert hall", phrases("tune the fiddle|rosin the bow|write a song|practise the scales|clean the flute"), "wooden flute"),
    "butcher": ("shop", phrases("cut the meat|make sausages|sharpen the knives|hang the hams|weigh the mince"), "string of sausages"),
    "grocer": ("shop", phrases("stack the apples|weigh the potatoes|sweep the step|sell the cheese|count the eggs"), "bag of apples"),
    "jeweller": ("shop", phrases("set a stone|polish a ring|mend a chain|weigh the silver|engrave a locket"), "silver ring"),
    "woodcutter": ("forest", phrases("fell a tree|split the logs|stack the wood|sharpen the axe|clear the path"), "bundle of firewood"),
    "lamplighter": ("streets", phrases("light the lamps|trim the wicks|fill the oil|climb the ladder|clean the glass"), "lantern"),
    "astronomer": ("observatory", phrases("watch the stars|polish the lens|clean the telescope|map the moon|record the planets"), "star chart"),
    "chemist": ("laboratory", phrases("grind the salts|heat a flask|label the jars|weigh the salts|test a liquid"), "bottle of perfume"),
    "judge": ("court", phrases("read the papers|read the law|sign a paper|question a witness|give a verdict"), "fountain pen"),
    "soldier": ("barracks", phrases("march in line|pack the kit|stand guard|polish the boots|drill the recruits"), "brass button"),
    "printer": ("print shop", phrases("set the type|ink the press|mix the ink|fold the newspapers|cut the paper"), "printed poster"),
    "carter": ("stable", phrases("load the cart|harness the horse|grease the wheels|drive to market|unload the barrels"), "horseshoe"),
    "dancer": ("theatre", phrases("practise a step|stretch the legs|learn a dance|sew the costume|bow to the crowd"), "ribbon"),
    "pharmacist": ("pharmacy", phrases("count the tablets|sweep the shop|read a prescription|label a bottle|grind the herbs"), "tin of lozenges"),
}

# hobby: (what it is called, verb phrase, where it is done)
HOBBIES = (
    ("fishing", "fish for trout", "by the river"), ("painting", "paint the sunset", "on the hill"),
    ("gardening", "grow tomatoes", "in the garden"), ("knitting", "knit a jumper", "by the fire"),
    ("chess", "play chess", "at the inn"), ("singing", "sing in the choir", "at the church"),
    ("reading", "read novels", "in the library"), ("walking", "walk in the hills", "on the moor"),
    ("cycling", "ride a bicycle", "along the lanes"), ("baking", "bake biscuits", "in the kitchen"),
    ("dancing", "dance the polka", "at the hall"), ("sailing", "sail a dinghy", "on the lake"),
    ("birdwatching", "watch the birds", "in the marsh"), ("swimming", "swim", "in the lake"),
    ("woodwork", "carve little animals", "in the shed"), ("poetry", "write poems", "at the desk"),
    ("music", "play the piano", "in the parlour"), ("riding", "ride a pony", "across the fields"),
    ("stargazing", "watch the stars", "on the roof"), ("cooking", "cook curries", "in the kitchen"),
    ("climbing", "climb the rocks", "on the cliffs"), ("pottery", "make little pots", "at the studio"),
    ("embroidery", "embroider cushions", "by the window"), ("photography", "take photographs", "around the town"),
    ("rowing", "row a boat", "on the river"), ("juggling", "juggle oranges", "in the square"),
)

PETS = words("cat dog rabbit goat parrot horse owl tortoise goose hedgehog ferret donkey canary "
             "pony hamster duck pig lamb mouse goldfish lizard frog magpie raven puppy kitten")

COLOURS = words("red blue green yellow purple orange grey white black brown pink silver golden "
                "crimson amber violet scarlet turquoise")

TRAITS = words("kind brave clever patient cheerful honest gentle careful generous shy proud stubborn "
               "lazy curious calm quiet busy bold clumsy wise polite grumpy lively modest")

# adjectives for things: size, age, look (all take -er/-est or more/most)
LOOKS = words("old small big new little heavy light tiny large shiny rusty dusty broken pretty ugly "
              "strange plain fine rare precious worn dirty clean bright dull smooth rough delicate "
              "sturdy fancy ancient curious lovely handsome odd elegant battered faded polished "
              "cracked muddy grand narrow wide simple splendid tarnished chipped dented scratched "
              "painted carved gilded enamelled striped spotted checked patched mended folded "
              "crumpled gleaming glittering sparkling spotless greasy sticky damp soggy frayed "
              "threadbare lopsided crooked wobbly squeaky creaky noisy silent dainty hefty bulky "
              "slender stout quaint costly cheap humble shabby glossy gaudy sleek flimsy solid hollow bent chunky antique homemade handmade secondhand brand-new old-fashioned newfangled tidy grubby scruffy priceless valuable worthless peculiar ordinary favourite spare borrowed inherited lucky unlucky enormous miniature gigantic weathered warped tattered glistening dazzling speckled lacquered varnished rickety clunky fragile shimmering stained glowing humdrum handy useful useless well-worn much-loved")
# what an owner boasts of a thing ('There was no locket in Bury finer than this one')
BOASTS = words("fine pretty precious lovely handsome splendid beautiful elegant rare valuable costly "
               "shiny old sturdy grand dainty")
UNGRADABLE = words("broken worn threadbare spotless wooden ancient")
MATERIALS = words("wooden silver brass iron copper leather woollen glass golden stone paper silk tin")

# things that can be lost, found, given, mended or sold
OBJECTS = words(
    "key ring hat coat book lantern basket clock box bell kettle cup lamp chair bowl map jug "
    "bucket mirror drum violin flute compass spoon blanket wheel kite pipe brooch locket teapot "
    "ladder saddle barrel chest trunk telescope quilt scarf shawl harp lute sundial hourglass "
    "inkwell quill satchel thimble birdcage umbrella purse wallet glove boot shoe necklace "
    "bracelet button candle candlestick comb brush hammer saw axe spade rake bicycle cart "
    "fiddle guitar trumpet whistle watch medal crown cushion pillow painting photograph letter "
    "diary notebook pencil pen ribbon ball doll puppet jar tray vase plate fork knife needle "
    "rope sack tent wagon boat sail net rod oar anchor bench stool table shelf cabinet wardrobe "
    "cradle spindle loom pot pan ladle sieve barometer globe microscope padlock chain cloak "
    "apron bonnet helmet shield banner flag horn tambourine accordion kettledrum music-box "
    "snuffbox sextant teacup saucer goblet tankard flask bottle basin pail trowel shovel pitchfork "
    "sickle scythe lamp-post kettlebell spyglass magnifier abacus easel palette paintbrush chisel "
    "mallet wrench pliers scissors spool bobbin thread-box sewing-box tinderbox matchbox lunchbox "
    "workbasket hamper crate casket coffer pouch haversack rucksack handbag briefcase suitcase "
    "footstool rocking-horse spinning-top marble whistle-pipe recorder bagpipe banjo mandolin cello "
    "clarinet oboe bugle gong cymbal rattle teddy-bear kaleidoscope jigsaw almanac atlas hymnbook "
    "ledger scrapbook postcard-album paperweight bookend doorstop weathervane birdbath lantern-stand "
    "candle-snuffer toasting-fork coffee-pot milk-jug butter-dish sugar-bowl egg-cup breadboard "
    "rolling-pin pastry-cutter nutcracker corkscrew bellows poker coal-scuttle fire-screen clock-key skillet colander grater kettle-lid teaspoon tablespoon soup-tureen gravy-boat cake-tin biscuit-barrel bread-bin tea-caddy hatbox jewellery-box money-box sewing-machine typewriter gramophone wireless camera lamp-shade footwarmer hot-water-bottle eiderdown bedspread pincushion tape-measure hairbrush hand-mirror powder-compact perfume-bottle fan parasol walking-stick pocketknife penknife tinder-box fishing-rod landing-net creel lobster-pot crab-line bird-feeder beehive-lid seed-tray watering-can wheelbarrow hoe garden-fork flowerpot plant-pot window-box doormat boot-scraper coat-hook hat-stand umbrella-stand letter-rack inkstand blotter ruler set-square protractor slate chalkboard school-bag pencil-case paintbox crayon sketchbook stamp-album coin-purse snow-globe music-stand metronome tuning-fork harmonica concertina xylophone triangle drumstick hobby-horse toy-boat toy-soldier tin-whistle skipping-rope hoop yo-yo kite-string marbles-bag board-game chessboard draughtsboard playing-card dice-cup horse-brass sleigh-bell cowbell doorbell dinner-gong hand-bell alarm-bell lantern-glass oil-lamp hurricane-lamp night-light candle-holder tallow-candle")

FOODS = words("bread cheese apple soup cake pie honey jam egg butter milk tea porridge plum pear "
              "cherry biscuit pancake sausage onion carrot turnip cabbage potato tomato strawberry")

FEELINGS_GOOD = words("happy glad delighted pleased grateful relieved proud thrilled overjoyed "
                      "cheerful content joyful elated amazed")
FEELINGS_BAD = words("sad upset worried angry unhappy disappointed miserable gloomy anxious "
                     "cross frightened lonely heartbroken furious")

WEATHER = words("sunny rainy cold windy warm foggy bright grey misty stormy frosty chilly snowy "
                "damp hot cloudy wet dry blustery mild")
DAYPARTS = words("morning afternoon evening night")
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTHS = words("January February March April May June July August September October November December")
SEASONS = words("spring summer autumn winter")

# where in a town something happens; (phrase with its preposition)
TOWN_PLACES = phrases(
    "at the market|in the square|by the river|near the church|on the bridge|at the harbour|"
    "behind the mill|outside the inn|at the station|in the park|by the old well|near the school|"
    "on the village green|at the crossroads|by the pond|in the churchyard|at the fair|"
    "outside the bakery|near the library|on the hill|in the orchard|by the town hall|"
    "at the edge of the forest|beside the canal|under the oak tree|in the meadow|at the post office")
# where in a house something can be
HOUSE_SPOTS = phrases(
    "under the bed|behind the sofa|in the kitchen drawer|on the top shelf|in the attic|"
    "in the cellar|under the stairs|behind the curtains|in a coat pocket|beneath the cushions|"
    "inside the wardrobe|on the windowsill|in the garden shed|under the table|behind the door|"
    "in the flower pot|inside an old boot|in the biscuit tin|under the rug|on the mantelpiece")

RELATIVES = words("grandmother grandfather mother father aunt uncle sister brother cousin")
NUMBERS = words("two three four five six seven eight nine ten eleven twelve")
# more quantities, for plural noun phrases only
QUANTITIES = phrases("a few|several|a dozen|half a dozen|two dozen|twenty|thirty|forty|fifty|a hundred")

# verbs for the parts of a story (base forms)
SEARCH_VERBS = words("search look hunt")
MOTION_VERBS = words("walk hurry run wander stroll rush march cycle")
SAYING_VERBS = words("say explain promise admit declare whisper announce reply")
HELP_VERBS = words("help assist support")
THINK_VERBS = words("think believe suppose")

# how carefully someone does something: adjective, and the chance that it works
MANNERS = (("careful", 0.9), ("patient", 0.85), ("steady", 0.8), ("slow", 0.7), ("quick", 0.5),
           ("hasty", 0.3), ("careless", 0.15), ("clumsy", 0.1))

# news: happenings in a town, their verb phrases, and who speaks about them
NEWS_EVENTS = phrases("the autumn fair|the flower show|the spring market|the harvest festival|"
                      "the summer concert|the boat race|the village fete|the winter parade|"
                      "the horse show|the book sale|the cheese contest|the kite festival")
NEWS_PROBLEMS = phrases("a flood|a fire|a storm|a power cut|a burst pipe|a landslide|a fallen tree|"
                        "a broken bridge|an outbreak of flu|a swarm of bees")
OFFICIALS = words("mayor constable councillor vicar headmaster stationmaster")

# --- the richer story grammar -------------------------------------------------------------------
# buildings and landmarks of a town (a preposition and an optional adjective go before them)
LANDMARKS = phrases(
    "mill|inn|church|school|bakery|library|town hall|post office|station|chapel|windmill|cottage|"
    "farmhouse|stables|fountain|well|gate|market hall|bridge|pond|forge|barn|tower|museum|theatre|"
    "boathouse|lighthouse|toll house|almshouse|dairy|granary|brewery|tannery|schoolhouse|vicarage|"
    "watermill|bandstand|signal box|lock gates|cattle market")
LANDMARK_PREPOSITIONS = phrases("by|near|behind|outside|beside|in front of|opposite|round the back of")
MOTION_PREPOSITIONS = phrases("past|to|towards|as far as|up to|down to|over to|round by")
# an episode placed after the one before (never 'Then', 'Later' alone: those open a follow-up sentence)
LATER_ON = phrases("Later that day|A little later|Soon afterwards|The day after|A few days later|"
                   "That same week|The following week|Not long after|Some days later|Later that week")
LANDMARK_LOOKS = words("old new little big busy quiet crowded empty shady tall grey white "
                       "crooked ruined painted")
# how someone does a thing: adjectives that derive the adverbs
ACTION_MANNERS = words("quiet slow quick happy cheerful proud glad busy calm brisk eager neat swift "
                       "bold merry silent hurried lazy steady careful gentle patient shy nervous clumsy thoughtful idle grim stern careless keen glum sleepy dreamy solemn cautious clever hasty")
# small things anyone might do on a day (verb phrases, base form)
DEEDS = phrases(
    "write a letter to an old friend|sweep the front step|bake a cake for the neighbours|feed the ducks|"
    "mend a torn sleeve|plant some bulbs|paint the garden gate|tidy the cupboard|polish the silver|"
    "read the newspaper|wash the windows|chop some firewood|pick blackberries|visit a sick neighbour|"
    "buy a new hat|sell some old books|climb the church tower|fly a kite|hang out the washing|"
    "darn some socks|pickle some onions|make a pot of jam|carry water from the well|fix a squeaky door|"
    "count the money in the jar|feed the birds|weed the vegetable patch|take the cart to the blacksmith|"
    "sort through some old letters|sing an old song|whistle a tune|play a game of draughts|"
    "learn a new recipe|draw a map of the town|repair the garden wall|shell a bowl of peas|"
    "listen to the band|watch the boats|gather mushrooms|knit a scarf")
WILD_ANIMALS = words("robin blackbird thrush sparrow wren crow heron swan duck cuckoo magpie starling pigeon")
WILD_BEASTS = words("fox badger hare squirrel hedgehog deer mole toad weasel stoat rabbit vole")
ANIMAL_DOINGS = phrases(  # what a bird does
    "sang in the hedge|called from the trees|flew over the rooftops|splashed in the pond|"
    "watched from the roof|sat on the gatepost|hopped across the lawn|drank from the puddles|"
    "peered in at the window|pecked at the crumbs")
BEAST_DOINGS = phrases(  # what a beast does
    "ran along the wall|dug in the flower beds|hid in the long grass|crossed the lane|"
    "rustled in the leaves|slept in the sun|drank from the puddles|peered in at the window|"
    "sniffed at the gate|trotted down the lane")
PET_LOOKS = words("clever fat lazy lively little old young friendly noisy sleepy greedy handsome shy fierce "
                  "gentle playful scruffy glossy tiny big")
SKIES = phrases(
    "the sun shone on the roofs|low clouds hung over the hills|a cold wind blew down the lane|"
    "a soft rain was falling|a thick mist lay over the fields|snow lay on the chimneys|"
    "the sky was clear and blue|thunder rumbled far away|the leaves were turning gold|"
    "the air smelled of woodsmoke|the church bells were ringing|the streets were full of people")
EXCLAMATIONS = phrases(
    "What a lovely day|I am so tired|Look at the sky|I have some news|"
    "It is colder than yesterday|I could eat a horse|What a busy week|Come and see this|"
    "I have never seen such a thing|Let us go home|Time for a cup of tea|Mind the puddles")
TOPICS = phrases(
    "the weather|the price of bread|the coming fair|an old song|the harvest|the new mayor|"
    "a book they had both read|the river flooding|the trains|their childhood|the best way to cook eggs|"
    "a strange dream|the summer holidays|the state of the roads|a wedding in the village")
MEALS = words("breakfast lunch tea supper")
# the same weather in other words (a later sentence may restate an earlier one)
WEATHER_SYNONYMS = {
    "sunny": ("sunny", "bright", "golden"), "rainy": ("rainy", "wet", "drizzly"),
    "cold": ("cold", "chilly", "bitter"), "windy": ("windy", "blustery", "gusty"),
    "warm": ("warm", "mild", "balmy"), "foggy": ("foggy", "misty", "murky"),
    "bright": ("bright", "sunny", "clear"), "grey": ("grey", "dull", "gloomy"),
    "misty": ("misty", "foggy", "hazy"), "stormy": ("stormy", "wild", "thundery"),
    "frosty": ("frosty", "icy", "freezing"), "chilly": ("chilly", "cold", "raw"),
    "snowy": ("snowy", "white", "wintry"), "damp": ("damp", "wet", "soggy"),
    "hot": ("hot", "sweltering", "baking"), "cloudy": ("cloudy", "overcast", "grey"),
    "wet": ("wet", "rainy", "soaking"), "dry": ("dry", "dusty", "parched"),
    "blustery": ("blustery", "windy", "wild"), "mild": ("mild", "soft", "gentle"),
}
# feelings by strength (a loss hurts more when the thing was a gift)
FEELINGS_MILD = words("sad upset disappointed glum cross sorry")
FEELINGS_STRONG = words("heartbroken miserable desperate devastated wretched inconsolable")
# which manners a trait makes likely: (traits, manners)
STEADY_TRAITS = words("kind patient careful honest gentle calm quiet wise polite modest shy")
HASTY_TRAITS = words("lazy clumsy busy bold lively grumpy stubborn proud")
# what anyone may do with a thing (base forms; each takes any object)
THING_VERBS = words("polish clean carry paint mend buy sell wrap fetch hide move wash sort count "
                    "examine admire borrow return weigh pack dust fix check open tie decorate measure "
                    "draw label oil sharpen straighten collect inspect hang scrub rinse dry wipe brighten repaint varnish glue patch darn stitch unwrap unpack lend swap trade post deliver rescue mind guard test try tidy arrange stack display show price notice sketch photograph restore repair adjust tighten loosen empty fill refill scrape sand")
