"""Word lists whose choice depends on something a document said earlier (data only).

The sky of a season, the habits of a kind of pet, what a person of some character tends to do,
the extra work of each trade. When a story has stated the season, the pet, the character or the
trade, a later sentence draws from the matching list: a reader who remembers what was said can
predict it, one who does not cannot (these picks count as inference).
"""

from __future__ import annotations

from .lexicon import phrases

SEASON_SKIES = {
    "spring": phrases("blossom covered the trees|lambs were playing in the fields|the first swallows had come back|"
                      "daffodils nodded by the road|a warm breeze came from the south|the hedges were full of birds|"
                      "the fields were green again|sudden showers came and went|"
                      "the orchards were white with blossom|primroses grew along the banks|the rooks were building|"
                      "the days were growing longer|the cuckoo was calling in the woods|the river ran high with rain|"
                      "bluebells filled the woods|the farmers were sowing the fields|catkins hung on the hazels|"
                      "the blackbirds sang at dawn|the lilac was out in every garden|puddles shone in the lanes|"
                      "frogspawn lay thick in the ponds|the wind smelled of rain and grass"),
    "summer": phrases("the sun beat down on the roofs|the air was thick with bees|the grass was dry and yellow|"
                      "children swam in the river|roses climbed over every wall|the evening was long and warm|"
                      "dust rose from the lanes|the hay stood drying in the fields|"
                      "the corn was turning gold|the nights were short and warm|swallows skimmed the river|"
                      "the strawberries were ripe|the roads were white with dust|thunder grumbled in the hills|"
                      "the lime trees were humming with bees|the cows stood in the shade|the pond had shrunk to a puddle|"
                      "poppies grew along the lanes|the tar was soft on the road|everyone slept with the windows open|"
                      "the gardens needed water every night|the harvest had begun"),
    "autumn": phrases("leaves blew along the streets|the apples were ripe on the trees|mist hung over the river|"
                      "the evenings were drawing in|geese flew south overhead|bonfires smoked in the gardens|"
                      "the woods were red and gold|conkers lay under the chestnut trees|"
                      "the blackberries were ripe in the hedges|the swallows had gone|the first frosts had come|"
                      "the fields were ploughed and brown|rain drummed on the roofs for days|the lanes were deep in leaves|"
                      "fog hung over the marsh every morning|the days were growing short|starlings gathered on the wires|"
                      "the wind tore the last leaves from the trees|the smell of apples filled the lofts|"
                      "pheasants called in the stubble|the pumpkins were ripe|the nights had turned cold"),
    "winter": phrases("snow lay on the chimneys|the pond was frozen hard|frost covered the windows|"
                      "a bitter wind blew from the north|icicles hung from the gutters|the lamps were lit by four|"
                      "everyone wore thick scarves|smoke rose from every chimney|"
                      "the river was full of ice|the roads were white with frost|the birds came to every window|"
                      "the nights were long and dark|the hills were white with snow|sleet blew in from the sea|"
                      "children slid on the frozen puddles|the holly was red with berries|the trees were black and bare|"
                      "a hard frost held for a week|the snow had drifted against the walls|the wind howled in the chimneys|"
                      "the sun barely rose over the hills|the shops were lit by three o'clock"),
}

# a kind of pet for every pet of the world, and what each kind does (past tense)
PET_KINDS = dict(dog="dog", puppy="dog", cat="cat", kitten="cat", parrot="bird", owl="bird", goose="bird",
                 canary="bird", duck="bird", magpie="bird", raven="bird", goat="farm", horse="farm",
                 donkey="farm", pony="farm", pig="farm", lamb="farm", rabbit="small", hedgehog="small",
                 ferret="small", hamster="small", mouse="small", tortoise="small", goldfish="water",
                 frog="water", lizard="water")
PET_HABITS = {
    "dog": phrases("barked at the postman|chased its own tail|dug up the roses|fetched a stick from the pond|"
                   "slept across the doorway|howled at the church bells|"
                   "buried a bone in the flower bed|rolled in something dreadful|stole a sausage from the table|"
                   "chewed a slipper to pieces|waited by the gate all afternoon|swam across the pond|"
                   "begged for scraps at supper|snored by the fire"),
    "cat": phrases("purred by the fire|chased a moth round the room|slept on the windowsill|"
                   "brought home a mouse|knocked a cup off the table|sat washing its paws|"
                   "slept in the laundry basket|climbed onto the roof|stared at the goldfish bowl for an hour|"
                   "sharpened its claws on the sofa|curled up in a hat|followed a butterfly across the garden|"
                   "stole the cream off the milk|vanished for two days"),
    "bird": phrases("sang all morning|flapped about the yard|pecked at the seed tray|hopped along the fence|"
                    "ruffled its feathers|screeched at the neighbours|"
                    "bathed in a saucer of water|whistled a little tune|pulled at the curtains|"
                    "sat on top of the wardrobe|preened for an hour|cracked sunflower seeds all evening|"
                    "flew round and round the kitchen|woke everyone at dawn"),
    "farm": phrases("ate half the washing|grazed in the paddock|kicked over the bucket|rolled in the mud|"
                    "followed everyone about|chewed the garden gate|"
                    "broke through the fence|slept in the sun|ate the roses|got stuck in the hedge|"
                    "trotted round the field|refused to move|stood in the rain looking sorry for itself|"
                    "put its head through the kitchen window"),
    "small": phrases("nibbled a carrot|hid in the straw|ran round and round its box|dug a little hole|"
                     "slept all afternoon|sniffed at the flowers|"
                     "escaped under the fence|crawled into a boot|chewed a hole in a sock|"
                     "sat in a patch of sunshine|made a nest in a drawer|crept under the sofa|"
                     "ate a whole lettuce|hid under the dresser"),
    "water": phrases("swam in slow circles|sat very still on a stone|blinked in the sun|hid under a leaf|"
                     "snapped at a fly|basked by the window|"
                     "hid behind a stone|did not move for an hour|dozed in the warm|ate a worm|"
                     "watched the rain on the window|stared at the cat|blinked at the visitors|ignored everyone"),
}

# what people of each character tend to do (past tense)
TRAIT_HABITS = dict(
    kind=phrases("helped an old man with his shopping|gave a coin to a beggar|carried a neighbour's basket home"),
    brave=phrases("chased off a fierce dog|climbed onto the roof to fetch a ball|stood up to the town bully"),
    clever=phrases("solved a very hard puzzle|found a quicker way home|fixed the town clock"),
    patient=phrases("waited an hour without a word|taught a child to tie a knot|untangled a ball of string"),
    cheerful=phrases("whistled all the way to market|laughed at the rain|greeted everyone with a smile"),
    honest=phrases("handed in a lost purse|owned up to a mistake|paid back every penny"),
    gentle=phrases("freed a bird from a net|calmed a frightened horse|spoke softly to a crying child"),
    careful=phrases("checked the locks twice|counted the change again|wrapped the cups in paper"),
    generous=phrases("shared a cake with the whole street|lent money to a friend|gave away a good coat"),
    shy=phrases("hid behind a newspaper|blushed when someone waved|slipped out before the speeches"),
    proud=phrases("boasted about a new coat|refused all help|polished the door knocker twice"),
    stubborn=phrases("refused to take an umbrella|argued with the grocer|walked the long way round"),
    lazy=phrases("slept until noon|left the dishes for another day|sat in the sun all afternoon"),
    curious=phrases("peered through a keyhole|asked the postman a dozen questions|followed a strange cat"),
    calm=phrases("sat quietly by the river|read a book through a storm|waited out the rain without a care"),
    quiet=phrases("said nothing all evening|read alone in a corner|listened without a word"),
    busy=phrases("ran three errands before breakfast|wrote a long list of jobs|rushed from shop to shop"),
    bold=phrases("sang loudly in the square|asked the mayor for a favour|dived into the cold lake"),
    clumsy=phrases("tripped over a bucket|dropped a tray of cups|walked into a lamp post"),
    wise=phrases("gave a neighbour good advice|settled a quarrel|planted trees for the future"),
    polite=phrases("held the door for everyone|thanked the baker twice|wrote a note of thanks"),
    grumpy=phrases("complained about the noise|shouted at the pigeons|grumbled about the weather"),
    lively=phrases("danced in the kitchen|ran all the way up the hill|told jokes all evening"),
    modest=phrases("hid a prize in a drawer|gave the credit to others|wore a plain old coat"),
)

# times of day, by the clock
HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
CLOCK = ("{0} o'clock", "half past {0}", "a quarter past {0}", "a quarter to {0}", "about {0}")

# how long some work went on ('baked two dozen buns all morning'); never 'until' and a clock time, which
# the episodes say by the clock themselves
SPANS = phrases("all morning|all afternoon|all evening|all day|for an hour|for two hours|for three hours|"
                "for half an hour|for most of the day|until dark|until dusk|until teatime|until lunchtime|"
                "until supper|until the light went|until the lamps were lit|until the church clock struck|"
                "well into the night|till dusk|till supper|till lunchtime|for the rest of the day|until sunset|"
                "until the rain stopped|until the rain came|before breakfast|after breakfast|after lunch|"
                "after supper|before lunch|before supper|in the rain|in the drizzle|by lamplight|by candlelight|"
                "in the sunshine|in the shade|in the cold|at first light|at dawn|at dusk|without a break|"
                "without stopping|for a long while|for hours|for a good hour|for twenty minutes|"
                "for forty minutes|in no time|in record time|before anyone else was up|before the shop opened|"
                "after the shop shut|long after dark|until midnight|until nearly midnight|while the kettle boiled|"
                "while the bread rose|on an empty stomach|with the door wide open|with the radio on|"
                "with the windows open|by the light of the fire|by the last of the light|"
                "for a whole morning|for a whole afternoon")
