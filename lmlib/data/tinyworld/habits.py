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
                    "pretended not to see|tutted|laughed out loud|grinned|chuckled|giggled|winced|shrugged|"
                    "gasped|shrieked|tutted loudly|looked the other way|pretended to be cross|burst out laughing|"
                    "could not help smiling|said nothing|wagged a finger|clapped with delight|sighed deeply|"
                    "laughed until it hurt|shook with laughter|called for a broom|gave up|did not mind at all")

# more of what people of each character tend to do (past tense), added to those of :mod:`.scenes`
MORE_TRAIT_HABITS = dict(
    kind="fetched the doctor for a neighbour|made soup for a sick friend|mended a child's broken toy|"
          "took a pie round to the new neighbours|walked an old lady across the square|"
          "fed a stray cat on the step|sat with a lonely widower for an hour|gave up a seat on the bus|"
          "knitted socks for the orphanage",
    brave="rescued a cat from a tree|walked home alone through the woods|pulled a boy out of the pond|"
           "caught a loose horse in the lane|went down into the dark cellar alone|"
           "climbed the bell tower to free a trapped pigeon|faced down a bull in the field|"
           "put out a chimney fire|walked across the frozen pond first",
    clever="worked out a sum in a moment|made a new kind of mousetrap|won the pub quiz|"
            "mended the wireless with a hairpin|beat the schoolmaster at chess|"
            "worked out the cost of the new roof in a minute|invented a better hen house|"
            "did the crossword in ten minutes|found a short cut through the woods",
    patient="listened to a long story twice|waited all day for a parcel|sorted a whole jar of buttons|"
             "taught the parrot three new words|waited two hours for the doctor|"
             "spent a whole day mending a net|sat still until a robin came to the hand|"
             "helped a child with a long sum|queued all morning at the post office",
    cheerful="sang in the rain|cheered up a sad neighbour|made everyone laugh at breakfast|"
              "hummed through a whole wet morning|told a joke to the grumpy grocer|"
              "smiled at everyone in the queue|sang while scrubbing the floor|laughed off a broken cup|"
              "waved to every cart on the road",
    honest="pointed out a mistake in the grocer's bill|admitted breaking a window|"
            "returned a borrowed ladder|told the butcher about an extra shilling in the change|"
            "gave back a book borrowed years before|admitted eating the last cake|"
            "said what everyone else was thinking|owned up to losing a glove|"
            "corrected a mistake in the parish accounts",
    gentle="carried a spider out of the house|stroked a nervous dog|nursed a sick lamb|"
            "lifted a hedgehog out of the road|brushed the old pony for an hour|soothed a baby to sleep|"
            "coaxed a kitten down from a wall|held a sparrow with a broken wing|"
            "whispered to a nervous horse",
    careful="read the instructions three times|labelled every jar in the pantry|locked up the shed|"
             "wrote down every penny spent|checked the gas twice before bed|folded every shirt exactly|"
             "counted the eggs before leaving the shop|packed the china in straw|put a label on every key",
    generous="paid for everyone's tea|gave away a basket of apples|bought sweets for the children|"
              "left a basket of plums on a neighbour's step|gave the carol singers a whole shilling|"
              "lent a best coat to a friend|invited half the street to tea|"
              "paid off a friend's debt at the grocer's|handed out apples to the children",
    shy="waved from behind a hedge|whispered a hello|left a present on a doorstep|"
         "hid in the kitchen during the party|sent a note instead of calling|blushed at a compliment|"
         "stood at the back of the photograph|pretended not to hear a greeting|"
         "waited until the shop was empty",
    proud="wore a best hat to the market|showed off a new bicycle|talked about an old prize|"
           "wore a medal to church|polished the front step until it gleamed|"
           "told everyone about a prize marrow|would not accept a lift|hung a certificate in the window|"
           "corrected the vicar on a date",
    stubborn="would not change a plan|waited out the rain under a tree|finished a walk in a storm|"
              "refused to wear a coat in the snow|would not say sorry|kept on digging in the rain|"
              "insisted on walking to the next town|ignored all advice about the roof|"
              "refused to sell an old bicycle",
    lazy="dozed in a deckchair|let the fire go out|put off the washing again|"
          "stayed in bed until lunchtime|left the weeds for another week|fell asleep in church|"
          "took the bus for a five-minute walk|let the kettle boil dry|did the washing up a week late",
    curious="read every notice in the square|opened an old trunk|took a clock apart|"
             "asked the stationmaster where every train went|looked inside every parcel at the post office|"
             "took the back off a watch|followed a strange noise into the woods|"
             "read all the postcards in the shop|asked a stranger a dozen questions",
    calm="fed the ducks through a thunderstorm|mended a fence in the wind|"
          "poured the tea during a quarrel|finished a cup of tea during a fire alarm|"
          "caught a runaway goat without fuss|smiled when the roof leaked|"
          "mended a burst pipe without a word|stayed still while a wasp crawled by|"
          "waited for the storm to pass",
    quiet="walked alone by the river|wrote in a diary|sat at the back of the hall|"
           "spent the evening with a book|slipped in and out of the shop without a word|"
           "listened to the rain for hours|sat alone on the harbour wall|tiptoed past the sleeping dog|"
           "wrote a long letter by candlelight",
    busy="painted the fence before lunch|baked three cakes in a morning|cleaned the whole house|"
          "painted two rooms in a day|made jam, bread and soup before noon|"
          "ran to the market and back twice|mended three chairs before lunch|"
          "wrote twenty letters in an evening|sorted the whole attic in a morning",
    bold="climbed the church tower|spoke up at the town meeting|swam in the river in March|"
          "asked the squire for a job|sang a solo at the fair|argued with the mayor in public|"
          "rode the wildest horse in the stable|knocked on the door of the big house|"
          "jumped into the river from the bridge",
    clumsy="knocked over a vase|spilt the milk|fell off a bicycle|sat on a plate of sandwiches|"
            "tripped over the cat|knocked the vicar's hat off|spilt ink over the tablecloth|"
            "fell into the pond|broke a window with a ball",
    wise="warned a friend about a bad bargain|kept the peace at a wedding|saved for a rainy day|"
          "said nothing in the middle of an argument|planted the potatoes before the rain|"
          "told a young friend to wait a year|kept a candle by the bed|"
          "bought coal before the price went up|slept on a big decision",
    polite="raised a hat to every neighbour|wrote to thank an aunt|offered a seat to an old woman|"
            "said thank you to the bus driver|wrote to thank the doctor|took off a hat in the shop|"
            "let everyone else go first|offered the postman a cup of tea|sent a card to every neighbour",
    grumpy="argued with the milkman|kicked a bucket across the yard|moaned about the bus|"
            "grumbled about the price of tea|scowled at the carol singers|"
            "complained that the bread was stale|slammed the door on the insurance man|"
            "told the children to be quiet|muttered about the noise from the inn",
    lively="played football with the children|skipped down the lane|organised a party|"
            "danced a jig at the bus stop|raced the children to the end of the lane|"
            "organised a game of rounders|whistled all day long|got up at dawn to swim in the river|"
            "talked non-stop through supper",
    modest="refused a prize|said it was nothing|hid a medal in a drawer|never mentioned winning the prize|"
            "said the cake had been easy|sat at the back at the prize-giving|"
            "wore the same old hat for years|thanked everyone else for the help|"
            "turned down a seat on the council",
)
