"""What people and pets do when a story has said their hobby, their pet or their character (data only).

Each list composes: every activity of a hobby fits every place of that hobby, every action of a
kind of pet fits every target, so ``activity + place`` ("tied some new flies by the weir") and
``action + target`` ("growled at the milkman") are always sensible. A reader who remembers the
hobby, the pet or the character can predict the words; one who forgot cannot (inference).
"""

from __future__ import annotations

from .lexicon import phrases


def _spec(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    left, right = text.split(" / ")
    return phrases(left), phrases(right)


# hobby: "activities (past tense) / places"
HOBBY_DOINGS = {k: _spec(v) for k, v in dict(
    fishing="fished for trout|caught a fat perch|cast a line for pike|tied some new flies|dug for worms|"
            "sat for hours with a rod / by the weir|on the canal bank|at the mill pond|under the old bridge|by the river",
    painting="painted the sunset|sketched the church tower|mixed a new green|painted a row of cottages|"
             "drew the harbour boats|painted a bowl of plums / on the hill|by the river|in the square|at the studio|in the garden",
    gardening="planted some tomatoes|weeded the onion bed|pruned the roses|sowed a row of beans|"
              "dug in some manure|tied up the sweet peas / in the garden|at the allotment|behind the cottage|in the greenhouse",
    knitting="knitted a long scarf|cast on a new jumper|finished a pair of socks|knitted a tea cosy|"
             "unpicked a sleeve|knitted a baby's bonnet / by the fire|at the window|in the parlour|on the porch",
    chess="played three games of chess|studied an old chess problem|lost a long game of chess|"
          "won a game of chess in twelve moves|set up the chessboard|taught a boy the rules of chess / at the inn|in the library|at the club|in the parlour",
    singing="sang in the choir|practised a new hymn|learnt a round|sang a solo|hummed the alto part|"
            "rehearsed for the concert / at the church|in the village hall|in the kitchen|at the chapel",
    reading="read a long novel|finished a book of ghost stories|read a history of the county|"
            "started a book about sailing ships|reread an old favourite|read the poems of a new poet / in the library|by the fire|under the apple tree|in bed",
    walking="walked in the hills|climbed to the top of the moor|followed the old drove road|walked ten miles|"
            "went looking for a waterfall|walked round the reservoir / on the moor|along the ridge|through the woods|by the river",
    cycling="rode to the coast|cycled up the steep hill|oiled the bicycle chain|mended a puncture|"
            "raced a friend to the crossroads|rode twenty miles / along the lanes|over the downs|by the canal|past the farms",
    baking="baked some biscuits|made a sponge cake|tried a new bread|baked a batch of scones|"
           "iced some little cakes|made a gingerbread house / in the kitchen|for the church fete|for the neighbours|for the school",
    dancing="danced the polka|learnt a new reel|danced until midnight|practised the waltz|"
            "danced a jig|led the country dance / at the hall|at the inn|on the green|at the barn dance",
    sailing="sailed a dinghy|raced the little boats|mended a torn sail|tacked across the bay|"
            "sailed out to the island|painted the boat / on the lake|in the bay|at the harbour|off the point",
    birdwatching="watched the birds|counted the geese|saw a kingfisher|waited for the owls|"
                 "spotted a rare warbler|sketched a heron / in the marsh|by the lake|at the edge of the woods|on the cliffs",
    swimming="swam a mile|swam across the pool|dived off the rocks|swam with the club|"
             "swam before breakfast|practised the crawl / in the lake|in the river|at the baths|in the sea",
    woodwork="carved a little fox|made a bird box|turned a wooden bowl|carved a spoon|"
             "built a small stool|whittled a whistle / in the shed|in the garden|on the porch|by the fire",
    poetry="wrote a poem|wrote a sonnet about the sea|finished a long ballad|read a poem aloud|"
           "wrote some verses about spring|copied out an old poem / at the desk|by the window|in the library|under the oak tree",
    music="played the piano|practised some scales|learnt a new sonata|played duets|"
          "tuned the old piano|played a few hymns / in the parlour|at the church|in the village hall|at the inn",
    riding="rode a pony|jumped the low hedges|groomed the pony|trotted along the bridle path|"
           "rode bareback|cantered across the common / across the fields|on the common|through the woods|along the beach",
    stargazing="watched the stars|found the Plough|looked for shooting stars|drew a map of the stars|"
               "watched the moon rise|looked at Saturn through a spyglass / on the roof|on the hill|in the garden|at the edge of the town",
    cooking="cooked a curry|made a fish pie|tried a new soup|roasted a chicken|made a pot of chutney|"
            "cooked supper for six / in the kitchen|for the neighbours|for a party|at the inn",
    climbing="climbed the rocks|climbed a new route|scrambled up the gully|practised knots|"
             "climbed the sea stack|abseiled down the crag / on the cliffs|at the quarry|on the tor|in the hills",
    pottery="made some little pots|threw a vase|glazed some bowls|made a clay owl|"
            "coiled a tall jar|fired a batch of cups / at the studio|in the shed|at the evening class|in the kitchen",
    embroidery="embroidered a cushion|stitched some roses|finished a sampler|embroidered a collar|"
               "sewed a row of daisies|started a tablecloth / by the window|by the fire|in the parlour|on the porch",
    photography="took photographs|photographed the harbour|developed some prints|photographed a wedding|"
                "took a picture of the church|photographed the old mill / around the town|in the square|by the river|on the hill",
    rowing="rowed a boat|rowed against the current|trained with the crew|rowed to the island|"
           "raced the other boats|rowed up to the lock / on the river|on the lake|in the harbour|on the canal",
    juggling="juggled oranges|juggled five balls|practised with the clubs|juggled three plates|"
             "learnt a new trick|juggled for the children / in the square|at the fair|on the green|in the yard",
).items()}

# kind of pet: "actions / targets"
PET_DOINGS = {k: _spec(v) for k, v in dict(
    dog="barked at|chased|growled at|sniffed at|ran after|jumped up at|howled at|stared at / the postman|a cat|"
        "the ducks|the milkman|a squirrel|the hens|a passing cart|the coalman|the vicar|a pigeon|the baker's boy|its own shadow",
    cat="stalked|watched|pounced on|played with|hissed at|crept up on|batted at|ignored / a moth|a ball of wool|"
        "a sparrow|a mouse|the curtains|a falling leaf|the dog next door|a beetle|a piece of string|its own reflection|the canary|a feather",
    bird="pecked at|squawked at|stared at|hopped round|tugged at|flapped at / the seed tray|its mirror|the window|"
         "a crust of bread|a little bell|a shiny button|a sunflower head|the bars of the cage|a ribbon|a bit of apple",
    farm="chewed|nibbled at|nosed at|trampled|butted|sniffed at|knocked over / the washing|the garden gate|a bucket|"
         "the cabbages|a sack of oats|the fence|a bale of hay|the vicar's hat|an old boot|the flower bed",
    small="nibbled|sniffed at|pushed|hid behind|curled up beside|dragged / a carrot|a lettuce leaf|a cardboard box|"
          "a flower pot|an apple core|a pile of leaves|a sock|a cabbage leaf|a walnut|a slipper",
    water="stared at|darted at|hid behind|snapped at|blinked at|nosed at / a fly|a pebble|a leaf|the glass|a beetle|"
          "its own reflection|a crumb|a shiny marble|a worm|a shadow",
).items()}

# how the owner took it (past tense)
REACTIONS = phrases("laughed|sighed|smiled|groaned|clapped|frowned|"
                    "pretended not to see|tutted|laughed out loud|grinned")

# more of what people of each character tend to do (past tense), added to those of :mod:`.scenes`
MORE_TRAIT_HABITS = dict(
    kind="fetched the doctor for a neighbour|made soup for a sick friend|mended a child's broken toy",
    brave="rescued a cat from a tree|walked home alone through the woods|pulled a boy out of the pond",
    clever="worked out a sum in a moment|made a new kind of mousetrap|won the pub quiz",
    patient="listened to a long story twice|waited all day for a parcel|sorted a whole jar of buttons",
    cheerful="sang in the rain|cheered up a sad neighbour|made everyone laugh at breakfast",
    honest="pointed out a mistake in the grocer's bill|admitted breaking a window|returned a borrowed ladder",
    gentle="carried a spider out of the house|stroked a nervous dog|nursed a sick lamb",
    careful="read the instructions three times|labelled every jar in the pantry|locked up the shed",
    generous="paid for everyone's tea|gave away a basket of apples|bought sweets for the children",
    shy="waved from behind a hedge|whispered a hello|left a present on a doorstep",
    proud="wore a best hat to the market|showed off a new bicycle|talked about an old prize",
    stubborn="would not change a plan|waited out the rain under a tree|finished a walk in a storm",
    lazy="dozed in a deckchair|let the fire go out|put off the washing again",
    curious="read every notice in the square|opened an old trunk|took a clock apart",
    calm="fed the ducks through a thunderstorm|mended a fence in the wind|poured the tea during a quarrel",
    quiet="walked alone by the river|wrote in a diary|sat at the back of the hall",
    busy="painted the fence before lunch|baked three cakes in a morning|cleaned the whole house",
    bold="climbed the church tower|spoke up at the town meeting|swam in the river in March",
    clumsy="knocked over a vase|spilt the milk|fell off a bicycle",
    wise="warned a friend about a bad bargain|kept the peace at a wedding|saved for a rainy day",
    polite="raised a hat to every neighbour|wrote to thank an aunt|offered a seat to an old woman",
    grumpy="argued with the milkman|kicked a bucket across the yard|moaned about the bus",
    lively="played football with the children|skipped down the lane|organised a party",
    modest="refused a prize|said it was nothing|hid a medal in a drawer",
)
