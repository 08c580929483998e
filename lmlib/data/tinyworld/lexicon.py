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
    "baker": ("bakery", phrases("bake bread|knead the dough|ice a cake|sell warm rolls|light the oven|scrub the bread tins|sift the flour|grease the trays|stoke the oven|sweep out the bakehouse"), "loaf of bread"),
    "farmer": ("farm", phrases("milk the cows|plough the field|feed the hens|mend the fence|gather the hay|muck out the byre|lamb the ewes|clear the ditches|sow the barley|drive the cows to pasture"), "basket of eggs"),
    "teacher": ("school", phrases("mark the essays|teach a lesson|read a story aloud|ring the bell|clean the blackboard|write on the blackboard|hear the children read|take the register|give a spelling test|lead the class on a nature walk"), "book of poems"),
    "fisher": ("harbour", phrases("mend the nets|row out to sea|sell fresh fish|clean the boat|check the lines|paint the hull|bait the hooks|haul in the catch|pack the fish in ice|watch the weather"), "smoked fish"),
    "weaver": ("workshop", phrases("weave a rug|spin the wool|dye the thread|repair the loom|fold the cloth|wind the bobbins|card the fleece|thread the heddles|wash the wool|count the threads"), "woollen blanket"),
    "potter": ("pottery", phrases("shape a bowl|fire the kiln|glaze a jug|wedge the clay|paint a vase|throw a pot|mix the glazes|stack the kiln|trim the pots|sweep up the clay dust"), "blue jug"),
    "carpenter": ("workshop", phrases("saw the planks|build a table|plane a door|carve a chair|sand the shelves|sharpen the plane|glue a joint|measure the timber|stack the offcuts|oil the workbench"), "wooden stool"),
    "miller": ("mill", phrases("grind the corn|sweep the floor|oil the wheel|carry the sacks|sift the flour|dress the millstones|open the sluice|mend the sails|weigh the grain|check the hopper"), "sack of flour"),
    "smith": ("forge", phrases("shoe a horse|hammer a blade|light the forge|bend an iron bar|sharpen the tools|stoke the fire|work the bellows|file a rough edge|quench the iron|sweep the forge floor"), "iron hook"),
    "tailor": ("shop", phrases("sew a coat|measure a customer|cut the cloth|press the trousers|stitch a collar|thread the needles|chalk a pattern|sew on the buttons|take in a seam|sort the bolts of cloth"), "silk scarf"),
    "doctor": ("surgery", phrases("visit the sick|write a prescription|bandage a knee|listen to a heartbeat|mix a tonic|wash the instruments|write up the notes|splint a broken arm|call on a farm|check a pulse"), "jar of ointment"),
    "painter": ("studio", phrases("mix the colours|stretch a canvas|sketch the hills|clean the brushes|prime a board|wash the palette|varnish a finished canvas|frame a sketch|paint a sign|sketch a passer-by"), "small painting"),
    "shepherd": ("hills", phrases("count the sheep|shear the lambs|walk the fells|train the dogs|mend a gate|dip the flock|check the lambs|whistle for the dog|mend a drystone wall|carry a lamb home"), "wool hat"),
    "gardener": ("garden", phrases("plant the seeds|water the roses|dig a bed|prune the trees|pull the weeds|rake the paths|mow the lawn|trim the hedge|sweep up the leaves|tie up the runner beans"), "bunch of flowers"),
    "builder": ("building site", phrases("lay the bricks|mix the mortar|raise a wall|fix the roof|carry the stones|plaster a wall|raise the scaffolding|mend a chimney|level the footings|hang a door"), "brass hook"),
    "cook": ("kitchen", phrases("stir the soup|roast a chicken|chop the onions|boil the potatoes|bake a pie|peel the potatoes|knead the pastry|strain the stock|scour the pans|lay the table"), "meat pie"),
    "singer": ("theatre", phrases("practise the scales|sing in the square|tune the piano|warm up the voice|write a tune|learn a new part|hum over the melody|rest the voice|practise with the choir|sing at a wedding"), "song sheet"),
    "sailor": ("ship", phrases("scrub the deck|tie the ropes|raise the sail|climb the mast|watch the waves|scrub the hatches|splice two ropes together|mend the sail|take a turn at the wheel|coil the ropes"), "sea shell"),
    "merchant": ("market", phrases("count the coins|sell spices|weigh the tea|check the ledger|haggle over prices|open the shutters|write to a supplier|count the stock|argue with a carter|pay the porters"), "box of spices"),
    "hunter": ("forest", phrases("set the traps|follow the tracks|clean the bow|skin a rabbit|watch the deer|oil the traps|mend the snares|walk the boundary|skin a hare|feed the dogs"), "fox fur"),
    "brewer": ("brewery", phrases("brew the ale|roll the barrels|taste the beer|clean the vats|boil the hops|grind the malt|stir the mash|scrub the copper|bung the casks|check the yeast"), "jug of cider"),
    "cobbler": ("shop", phrases("mend the boots|stitch a sole|polish the shoes|cut the leather|fit new heels|wax the thread|hammer in the nails|trim a heel|stretch a pair of tight boots|sort the lasts"), "pair of slippers"),
    "mason": ("quarry", phrases("cut the stone|mix the lime|sharpen the chisels|split a block|chisel a name|dress a lintel|mark out a line|point a wall|carve a letter|sweep up the chippings"), "stone bird"),
    "clockmaker": ("shop", phrases("wind the clocks|oil the gears|fix a watch|set the hands|polish a case|clean the cogs|adjust a pendulum|fit a new spring|listen to the ticking|dust the cases"), "pocket watch"),
    "bookbinder": ("bindery", phrases("bind a book|fold the pages|glue the spine|stamp a cover|trim the paper|sew the sections|mix the paste|press the covers|gild a title|shape the boards"), "notebook"),
    "locksmith": ("shop", phrases("file the blanks|cut a key|sort the keys|oil the hinges|repair a latch|open a stuck door|grease the hinges of the gate|make a spare key|change the locks on the church door|file a key"), "brass key"),
    "beekeeper": ("orchard", phrases("check the hives|collect the honey|calm the bees|melt the wax|plant the clover|smoke the hives|take off the supers|strain the honey|mend a frame|watch the swarm"), "pot of honey"),
    "nurse": ("hospital", phrases("dress a wound|roll the bandages|make the beds|count the pills|take a temperature|change the dressings|wash the patients|fill the water jugs|write up the charts|stay up with the night patients"), "bottle of tonic"),
    "librarian": ("library", phrases("sort the books|stamp the cards|dust the shelves|find an old map|repair a page|shelve the returns|write the overdue notices|mend a torn spine|read to the children|check the catalogue"), "old map"),
    "postman": ("post office", phrases("deliver the letters|sort the parcels|empty the box|read the addresses|stamp the mail|empty the letter boxes|ride round the farms|weigh the post bags|collect the post|sort the morning mail"), "postcard"),
    "innkeeper": ("inn", phrases("pour the drinks|make the beds|cook a stew|greet the guests|light the fire|tap a new barrel|sweep out the bar|air the rooms|wash the tankards|stable the horses"), "bowl of stew"),
    "musician": ("concert hall", phrases("tune the fiddle|rosin the bow|write a song|practise the scales|clean the flute|change a string|tune the cello|copy out a part|play at a dance|learn a new piece"), "wooden flute"),
    "butcher": ("shop", phrases("cut the meat|make sausages|sharpen the knives|hang the hams|weigh the mince|scrub the block|joint a lamb|salt the bacon|mince the beef|scrub the counter"), "string of sausages"),
    "grocer": ("shop", phrases("stack the apples|weigh the potatoes|sweep the step|sell the cheese|count the eggs|open the sacks|fill the tea tins|dust the shelves|write the prices|deliver an order"), "bag of apples"),
    "jeweller": ("shop", phrases("set a stone|polish a ring|mend a chain|weigh the silver|engrave a locket|clean the rings|solder a clasp|sort the beads|value the family silver|repair a watch strap"), "silver ring"),
    "woodcutter": ("forest", phrases("fell a tree|split the logs|stack the wood|sharpen the axe|clear the path|saw up the branches|cart the logs|clear the brushwood|sharpen the saw|burn the brash"), "bundle of firewood"),
    "lamplighter": ("streets", phrases("light the lamps|trim the wicks|fill the oil|climb the ladder|clean the glass|carry the ladder|polish the glass panes|extinguish the lamps|check the gas taps|mend a broken pane"), "lantern"),
    "astronomer": ("observatory", phrases("watch the stars|polish the lens|clean the telescope|map the moon|record the planets|open the dome|write up the night's log|work out a sum|draw the comet|check the clock"), "star chart"),
    "chemist": ("laboratory", phrases("grind the salts|heat a flask|label the jars|weigh the salts|test a liquid|wash the flasks|write up the results|mix a batch of salts|light the burner|measure a drop"), "bottle of perfume"),
    "judge": ("court", phrases("read the papers|read the law|sign a paper|question a witness|give a verdict|hear a witness|read a statement|write a judgment|weigh up the case|adjourn the court"), "fountain pen"),
    "soldier": ("barracks", phrases("march in line|pack the kit|stand guard|polish the boots|drill the recruits|clean the rifles|polish the buttons|scrub the mess tins|stand to attention|sweep the barrack room"), "brass button"),
    "printer": ("print shop", phrases("set the type|ink the press|mix the ink|fold the newspapers|cut the paper|clean the rollers|sort the type|print the handbills|proof a page|lock up the forme"), "printed poster"),
    "carter": ("stable", phrases("load the cart|harness the horse|grease the wheels|drive to market|unload the barrels|feed the horses|muck out the stable|mend a wheel|oil the harness|fetch coal from the yard"), "horseshoe"),
    "dancer": ("theatre", phrases("practise a step|stretch the legs|learn a dance|sew the costume|bow to the crowd|tie the ribbons|warm up at the barre|rehearse the finale|mend the shoes|practise the turns"), "ribbon"),
    "pharmacist": ("pharmacy", phrases("count the tablets|sweep the shop|read a prescription|label a bottle|grind the herbs|weigh the powders|roll the pills|dust the jars|mix a cough syrup|write the labels"), "tin of lozenges"),
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
               "shiny old sturdy grand dainty charming delicate graceful treasured famous admired "
               "unusual curious striking remarkable magnificent exquisite cherished smart fancy lucky neat "
               "ornate sweet quaint dear valued prized gorgeous stylish")
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
              "cherry biscuit pancake sausage onion carrot turnip cabbage potato tomato strawberry "
              "scone bun muffin crumpet tart pasty dumpling fritter kipper sardine radish leek parsnip "
              "mushroom pea bean gooseberry raspberry blackberry damson apricot peach fig walnut hazelnut "
              "chestnut oatcake flapjack doughnut chop cutlet sandwich roll rusk cucumber sprout pickle "
              "meatball")

FEELINGS_GOOD = words("happy glad delighted pleased grateful relieved proud thrilled overjoyed "
                      "cheerful content joyful elated amazed thankful excited jubilant ecstatic gleeful "
                      "astonished surprised honoured heartened cheered contented touched moved overwhelmed") + phrases(
                          "grateful beyond words|very proud|truly thankful|deeply moved")
FEELINGS_BAD = words("sad upset worried angry unhappy disappointed miserable gloomy anxious "
                     "cross frightened lonely heartbroken furious")

WEATHER = words("sunny rainy cold windy warm foggy bright grey misty stormy frosty chilly snowy "
                "damp hot cloudy wet dry blustery mild drizzly icy breezy humid gloomy dull sultry muggy "
                "fine clear freezing bitter raw showery thundery hazy overcast balmy crisp")
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
    "at the edge of the forest|beside the canal|under the oak tree|in the meadow|at the post office|"
    "on the quay|outside the chapel|by the mill pond|at the cattle market|in the high street|"
    "on the cricket field|by the war memorial|outside the town hall|at the bus stop|in the market hall|"
    "near the railway bridge|on the common|at the bottom of the hill|by the lock gates|in the vicarage garden|"
    "outside the post office|on the sea front|in the recreation ground|near the level crossing|"
    "by the duck pond|at the top of the high street|in the show field|behind the church hall")
# where in a house something can be
HOUSE_SPOTS = phrases(
    "under the bed|behind the sofa|in the kitchen drawer|on the top shelf|in the attic|"
    "in the cellar|under the stairs|behind the curtains|in a coat pocket|beneath the cushions|"
    "inside the wardrobe|on the windowsill|in the garden shed|under the table|behind the door|"
    "in the flower pot|inside an old boot|in the biscuit tin|under the rug|on the mantelpiece")

RELATIVES = phrases("grandmother|grandfather|mother|father|aunt|uncle|sister|brother|cousin|great-aunt|"
                    "great-uncle|godmother|godfather|stepmother|stepfather|half-brother|half-sister|"
                    "great-grandmother|great-grandfather|elder sister|elder brother|twin sister|twin brother|"
                    "favourite aunt|favourite uncle|second cousin|older cousin|grandmother's sister|"
                    "aunt and uncle|grandparents|parents|godparents|late grandmother|late grandfather|"
                    "mother's cousin|father's sister")
NUMBERS = words("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen")
# more quantities, for plural noun phrases only
QUANTITIES = phrases("a few|several|a dozen|half a dozen|two dozen|twenty|thirty|forty|fifty|a hundred|"
                     "a couple of|a handful of|two or three|three or four|a great many|a good many|dozens of|"
                     "scores of|sixty|a score of|three dozen|a baker's dozen of")

# verbs for the parts of a story (base forms)
SEARCH_VERBS = words("search look hunt")
MOTION_VERBS = words("walk hurry run wander stroll rush march cycle amble saunter trudge jog dash scurry "
                     "tramp hike limp hobble stumble shuffle toddle scamper dawdle meander ramble roam drift "
                     "race ride drive tiptoe slip bustle hasten head stagger skip sprint lumber waddle potter "
                     "traipse trundle sidle sneak edge")
# verbs that take both 'to someone that ...' and 'that ...'
SAYING_VERBS = phrases("say|explain|admit|declare|whisper|announce|reply|remark|mention|complain|grumble|"
                       "murmur|mutter|confide|hint|boast|joke|write|call out|shout|exclaim|insist|point out|"
                       "report|observe|let slip")
HELP_VERBS = words("help assist support")
THINK_VERBS = words("think believe suppose")

# how carefully someone does something: adjective, and the chance that it works
MANNERS = (("careful", 0.9), ("patient", 0.85), ("steady", 0.8), ("slow", 0.7), ("quick", 0.5),
           ("hasty", 0.3), ("careless", 0.15), ("clumsy", 0.1),
           ("thorough", 0.9), ("methodical", 0.88), ("painstaking", 0.92), ("meticulous", 0.92),
           ("diligent", 0.85), ("attentive", 0.85), ("systematic", 0.88), ("deliberate", 0.8),
           ("cautious", 0.78), ("gentle", 0.75), ("calm", 0.75), ("tireless", 0.82), ("persistent", 0.82),
           ("determined", 0.8), ("watchful", 0.8), ("precise", 0.88), ("sensible", 0.75),
           ("skilful", 0.88), ("expert", 0.9), ("neat", 0.8), ("tidy", 0.75), ("quiet", 0.65),
           ("thoughtful", 0.78), ("earnest", 0.7), ("serious", 0.7), ("eager", 0.55), ("brisk", 0.5),
           ("swift", 0.5), ("rapid", 0.45), ("hurried", 0.3), ("frantic", 0.25), ("wild", 0.2),
           ("reckless", 0.15), ("impatient", 0.25), ("absent-minded", 0.2), ("distracted", 0.2),
           ("sloppy", 0.15), ("half-hearted", 0.2), ("lazy", 0.2), ("idle", 0.15), ("haphazard", 0.2),
           ("nervous", 0.35), ("anxious", 0.4), ("awkward", 0.3), ("feverish", 0.35),
           ("impulsive", 0.25), ("energetic", 0.55), ("vigorous", 0.55), ("keen", 0.6), ("cheerful", 0.6),
           ("hopeful", 0.55), ("confident", 0.6), ("bold", 0.5), ("clever", 0.75), ("ingenious", 0.8),
           ("resourceful", 0.8), ("efficient", 0.75),
           ("noisy", 0.35), ("speedy", 0.5), ("busy", 0.55),
           ("happy", 0.6), ("grim", 0.6), ("dogged", 0.82), ("stubborn", 0.65), ("restless", 0.35),
           ("silent", 0.65), ("unhurried", 0.75), ("wary", 0.7), ("alert", 0.7), ("logical", 0.8),
           ("scientific", 0.85), ("erratic", 0.25), ("scrupulous", 0.9),
           ("conscientious", 0.88), ("fussy", 0.7), ("rigorous", 0.88), ("intent", 0.75), ("resolute", 0.8),
           ("valiant", 0.55), ("casual", 0.3), ("sleepy", 0.25), ("dreamy", 0.25),
           ("aimless", 0.15), ("gloomy", 0.4), ("glum", 0.45),
           ("grumpy", 0.5), ("sulky", 0.35), ("grudging", 0.35), ("reluctant", 0.35), ("willing", 0.6),
           ("furious", 0.35), ("desperate", 0.4), ("cunning", 0.7),
           ("professional", 0.85), ("masterful", 0.9), ("deft", 0.88), ("strenuous", 0.6), ("ceaseless", 0.7))

# news: happenings in a town, their verb phrases, and who speaks about them
NEWS_EVENTS = phrases("the autumn fair|the flower show|the spring market|the harvest festival|"
                      "the summer concert|the boat race|the village fete|the winter parade|"
                      "the horse show|the book sale|the cheese contest|the kite festival|the county show|"
                      "the ploughing match|the sheep fair|the regatta|the carnival|the dog show|"
                      "the brass band contest|the baking competition|the pie contest|the duck race|"
                      "the sheepdog trials|the vegetable show|the May fair|the torchlight procession|"
                      "the school sports day|the midsummer fair|the goose fair|the art exhibition|the craft fair|"
                      "the choir festival|the pancake race|the scarecrow festival|the church bazaar|"
                      "the jam competition|the marrow contest|the poetry reading|the tug-of-war contest")
NEWS_PROBLEMS = phrases("a flood|a fire|a storm|a power cut|a burst pipe|a landslide|a fallen tree|"
                        "a broken bridge|an outbreak of flu|a swarm of bees|a sudden downpour|a hailstorm|a thunderstorm|"
                        "a gale|a runaway horse|an escaped bull|a loose goat|a stray dog|a broken water main|"
                        "a chimney fire|a collapsed tent|a lost child|a pickpocket|a heatwave|a plague of wasps|"
                        "a thick fog|a swarm of flies|a fallen chimney|a runaway cart|a blocked drain|a gas leak|"
                        "a fight between two farmers|a herd of stray cows|a flooded lane")
OFFICIALS = phrases("mayor|constable|councillor|vicar|headmaster|stationmaster|postmistress|"
                    "chairman of the parish council|town clerk|squire|alderman|magistrate|curate|churchwarden|"
                    "harbour master|headmistress|parish clerk|rector|chief constable|show secretary")

# --- the richer story grammar -------------------------------------------------------------------
# buildings and landmarks of a town (a preposition and an optional adjective go before them)
LANDMARKS = phrases(
    "mill|inn|church|school|bakery|library|town hall|post office|station|chapel|windmill|cottage|"
    "farmhouse|stables|fountain|well|gate|market hall|bridge|pond|forge|barn|tower|museum|theatre|"
    "boathouse|lighthouse|toll house|almshouse|dairy|granary|brewery|tannery|schoolhouse|vicarage|"
    "watermill|bandstand|signal box|lock gates|cattle market")
LANDMARK_PREPOSITIONS = phrases("by|near|behind|outside|beside|in front of|opposite|round the back of|"
                                "close to|next to|just outside|just behind|across from|not far from|"
                                "a stone's throw from|at the back of|at the side of|round the corner from|"
                                "down the lane from|up the road from|in the shadow of|a little way beyond|"
                                "on the far side of|just beyond|beyond|a short walk from|"
                                "a few doors from|over the road from|just down from")
MOTION_PREPOSITIONS = phrases("past|to|towards|as far as|up to|down to|over to|round by|along to|across to|"
                              "back to|on past|out to|out past|up past|down past|round to|right up to|"
                              "all the way to|on towards|back towards|up towards|down towards|round past|"
                              "straight to|straight past|over towards|back past|along past|on to|across towards")
# an episode placed after the one before (never 'Then', 'Later' alone: those open a follow-up sentence)
LATER_ON = phrases("Later that day|A little later|Soon afterwards|The day after|A few days later|"
                   "That same week|The following week|Not long after|Some days later|Later that week|"
                   "The next day|Two days later|Three days later|The day after that|Later the same day|"
                   "That same afternoon|A week later|The following day|Shortly afterwards|A short while later|"
                   "Soon after that|Not long afterwards|Before the week was out|Later still|The morning after|"
                   "By the end of the week|Later in the week|Within the hour|An hour or so later|That same evening")
LANDMARK_LOOKS = words("old new little big busy quiet crowded empty shady tall grey white "
                       "crooked ruined painted ancient famous lonely silent deserted sunny windswept "
                       "well-known familiar nearby peaceful pretty neglected sleepy noisy gloomy lovely small "
                       "great mossy")
# how someone does a thing: adjectives that derive the adverbs
ACTION_MANNERS = words("quiet slow quick happy cheerful proud glad busy calm brisk eager neat swift "
                       "bold merry silent hurried lazy steady careful gentle patient shy nervous clumsy thoughtful idle grim stern "
                       "careless keen glum sleepy dreamy solemn cautious clever hasty weary sad gloomy grumpy "
                       "cross sulky moody sullen irritable impatient restless anxious uneasy hopeful joyful "
                       "gleeful contented blithe breezy jaunty cheery serene peaceful placid unhurried languid "
                       "listless absent absent-minded distracted purposeful determined resolute dogged "
                       "stubborn energetic vigorous haughty modest humble meek timid bashful sheepish "
                       "brave confident good-humoured light-hearted half-hearted wholehearted reluctant "
                       "grudging willing dutiful faithful diligent industrious methodical noiseless soft "
                       "wistful pensive casual airy mischievous playful sly grave serious earnest attentive "
                       "watchful wary cool stiff awkward graceful tidy fussy prim drowsy tireless speedy rapid "
                       "excited expectant zealous")
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
                  "gentle playful scruffy glossy tiny big plump mischievous naughty well-behaved loyal "
                  "faithful affectionate timid nervous bad-tempered good-natured quiet boisterous curious bold "
                  "cheeky spoilt pampered beloved clumsy beautiful pretty ugly enormous small tame restless sly "
                  "stubborn contrary docile obedient grumpy cheerful elegant vain")
SKIES = phrases(
    "the sun shone on the roofs|low clouds hung over the hills|a cold wind blew down the lane|"
    "a soft rain was falling|a thick mist lay over the fields|snow lay on the chimneys|"
    "the sky was clear and blue|thunder rumbled far away|the leaves were turning gold|"
    "the air smelled of woodsmoke|the church bells were ringing|the streets were full of people|"
    "the wind had dropped at last|the river was running high|the roads were deep in mud|"
    "the sky was full of swallows|a rainbow hung over the town|the moon was already up|"
    "the hills were hidden in cloud|the puddles had frozen over|the gardens were full of bees|"
    "the harbour was full of boats|a storm was on its way|the market was busier than ever|"
    "the trees were bare already|the first snow had fallen|the days were getting longer|"
    "the frost had killed the beans|a heron stood in the shallows|the well had nearly run dry|"
    "the bells had rung for an hour|the fog had lifted by noon|the wind smelled of the sea")
EXCLAMATIONS = phrases(
    "What a lovely day|I am so tired|Look at the sky|I have some news|"
    "It is colder than yesterday|I could eat a horse|What a busy week|Come and see this|"
    "I have never seen such a thing|Let us go home|Time for a cup of tea|Mind the puddles|"
    "What a surprise|How lovely to see you|Good heavens|Well I never|Just look at that|"
    "I had quite forgotten|What a day it has been|You will never guess what happened|"
    "That is the best news all week|Hurry up or we shall be late|Listen to those birds|"
    "My feet are killing me|I am starving|What a dreadful noise|Be careful on the ice|"
    "I think it is going to rain|Is that really you|Happy birthday|Welcome home|"
    "We must do this again|I cannot believe my eyes|Oh, what a mess|Put the kettle on|"
    "Wait for me|Do sit down|Just in time|Not again|How kind of you|What a pity|"
    "The fair is coming to town|I have lost my gloves again|There goes the last bus")
TOPICS = phrases(
    "the weather|the price of bread|the coming fair|an old song|the harvest|the new mayor|"
    "a book they had both read|the river flooding|the trains|their childhood|the best way to cook eggs|"
    "a strange dream|the summer holidays|the state of the roads|a wedding in the village|"
    "the price of coal|the new schoolmaster|the vicar's sermon|the football match|an old friend who had moved away|"
    "the best way to grow leeks|the war|the cost of a new roof|the flower show|the latest gossip|"
    "the new railway line|a ghost story|the weather for the harvest|the squire's new horse|"
    "the baker's new bread|the best walks in the county|their plans for the winter|a letter from abroad|"
    "the state of the church roof|the noise from the inn|the names of the stars|the rising price of tea|"
    "a film they had seen|the old days|the parish council|a recipe for plum jam|the village cricket team")
MEALS = phrases("breakfast|lunch|tea|supper|dinner|elevenses|high tea|a picnic|luncheon|a late supper|"
                "an early breakfast|a picnic lunch|Sunday lunch|Sunday dinner|a midnight feast|afternoon tea|"
                "a light lunch|a hearty breakfast|a harvest supper|a birthday tea|a cold supper|a fish supper|"
                "a cream tea|a late breakfast")
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
    "drizzly": ("drizzly", "wet", "damp"), "icy": ("icy", "frosty", "freezing"),
    "breezy": ("breezy", "windy", "fresh"), "humid": ("humid", "sticky", "close"),
    "gloomy": ("gloomy", "dark", "grey"), "dull": ("dull", "grey", "dreary"),
    "sultry": ("sultry", "close", "airless"), "muggy": ("muggy", "close", "sticky"),
    "fine": ("fine", "fair", "bright"), "clear": ("clear", "bright", "cloudless"),
    "freezing": ("freezing", "icy", "bitter"), "bitter": ("bitter", "freezing", "cold"),
    "raw": ("raw", "cold", "damp"), "showery": ("showery", "wet", "changeable"),
    "thundery": ("thundery", "stormy", "close"), "hazy": ("hazy", "misty", "soft"),
    "overcast": ("overcast", "grey", "cloudy"), "balmy": ("balmy", "warm", "soft"),
    "crisp": ("crisp", "cold", "bright"),
}
# feelings by strength (a loss hurts more when the thing was a gift)
FEELINGS_MILD = phrases("sad|upset|disappointed|glum|cross|sorry|low|blue|downcast|gloomy|unhappy|dejected|"
                        "wistful|rueful|fed up|out of sorts|down|crestfallen|dispirited|regretful|downhearted|"
                        "vexed|annoyed|sulky|flat|tearful|a little lost")
FEELINGS_STRONG = phrases("heartbroken|miserable|desperate|devastated|wretched|inconsolable|grief-stricken|"
                          "distraught|crushed|shattered|bereft|forlorn|sick at heart|desolate|anguished|"
                          "broken-hearted|utterly miserable|empty|hopeless|bitterly unhappy|deeply unhappy|"
                          "quite desolate|terribly sad|dreadfully low|despondent|lost")
# which manners a trait makes likely: (traits, manners)
STEADY_TRAITS = words("kind patient careful honest gentle calm quiet wise polite modest shy")
HASTY_TRAITS = words("lazy clumsy busy bold lively grumpy stubborn proud")
# what anyone may do with a thing (base forms; each takes any object)
THING_VERBS = words("polish clean carry paint mend buy sell wrap fetch hide move wash sort count "
                    "examine admire borrow return weigh pack dust fix check open tie decorate measure "
                    "draw label oil sharpen straighten collect inspect hang scrub rinse dry wipe brighten repaint varnish glue patch darn stitch unwrap unpack lend swap trade post deliver rescue mind guard test try tidy arrange stack display show price notice sketch photograph restore repair adjust tighten loosen empty fill refill scrape sand")
