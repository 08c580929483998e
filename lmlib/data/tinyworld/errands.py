"""Errands: someone goes to a shop or a market stall of the town and buys a few things.

Every shop sells its own goods, each in quantities that fit it ("a loaf of rye bread", "two pounds
of carrots", "a reel of black thread", "a dozen brown eggs", "a tin of boot polish"). An errand
buys a list of two to four distinct goods ("a, b and c"), sometimes with what they cost, from a
shop in one of the town's streets (each town has its own streets, the same in every document:
which one is an inference decision, as with the town's landmarks). What a story's errands
bought is remembered, and a later episode may copy one of those goods back ("Jiy had left the
plum jam at the grocer's, so she went back for it"): which one is an inference decision, a
long-range dependency that a count model cannot follow.

A group of goods is ``measures / looks / goods / use``: every measure and look fits every good of
the group; ``use`` is ``e`` (eaten as it is), ``c`` (cooked or baked with) or ``t`` (a thing),
and a trailing ``+`` marks goods counted by number ('a rabbit', 'two rabbits'). Within a shop every
rendered good and every way of naming it again is distinct, so each text has one derivation.
"""

from __future__ import annotations

from .cast import cap
from .inflect import a, plural
from .lexicon import phrases
from .sampler import INFERENCE, STRUCTURE, WORD, Categorical, Sampler

_COLOURS = "black|white|blue|red|green|grey|brown|yellow|navy|cream"
_EGGS = "a dozen|half a dozen|six|a box of|a tray of / brown|white|speckled|fresh|large|small / eggs|duck eggs|goose eggs|bantam eggs / c"
_CHEESE = ("a pound of|half a pound of|a wedge of|a slice of|a piece of|a quarter of / mature|mild|strong|crumbly|creamy|ripe|"
           "farmhouse / cheddar|Stilton|Wensleydale|Cheshire cheese|Lancashire cheese|Caerphilly|Double Gloucester|"
           "Red Leicester|Brie|Camembert|goat's cheese|Gouda|Edam|Gruyere / e")
_BERRIES = ("a punnet of|two punnets of|a basket of|a pound of / ripe|fresh|sweet|juicy / strawberries|raspberries|"
            "blackberries|loganberries|gooseberries|redcurrants|blackcurrants|whitecurrants|bilberries / e")
_FRUIT = ("a pound of|two pounds of|three pounds of|a bag of|half a pound of|a basket of / ripe|sweet|juicy|large|small|"
          "fresh / apples|pears|plums|damsons|greengages|cherries|grapes|apricots|eating apples|cooking apples|"
          "dessert pears|crab apples|quinces|figs / e")
_BIG_FRUIT = "a|two|three / ripe|large|small / melon|pineapple|coconut|pomegranate|grapefruit / e+"
_CITRUS = "a dozen|half a dozen|six|four|three / juicy|ripe|large|small|sweet / oranges|lemons|limes|tangerines|peaches|nectarines|bananas / e"
_VEG = ("a pound of|two pounds of|three pounds of|five pounds of|half a pound of|a bag of|a basket of / fresh|young|"
        "large|small|good / carrots|onions|potatoes|parsnips|turnips|sprouts|leeks|beetroots|tomatoes|runner beans|"
        "broad beans|peas|mushrooms|shallots|swedes|spinach|new potatoes|red onions|French beans|radishes / c")
_GREENS = "a|two|three / fresh|large|small|crisp|firm / cabbage|cauliflower|marrow|lettuce|cucumber|savoy|celeriac / c+"
_BUNCHES = ("a bunch of|two bunches of|three bunches of / fresh|young / spring onions|watercress|parsley|mint|"
            "thyme|sage|chives|rosemary|asparagus|celery / c")
_FISH = ("a|two|three|four|six / fresh|large|small|fat|plump / herring|mackerel|trout|sole|plaice|kipper|crab|lobster|"
         "pike|sprat|bloater|red mullet / c+")
_FISH_BY_WEIGHT = ("a pound of|two pounds of|half a pound of|a pound and a half of|a piece of / fresh|smoked|good / "
                   "cod|haddock|hake|whiting|coley|halibut|turbot|skate|eels|salmon / c")
_SHELLFISH = "a pint of|two pints of|a quart of|a bag of|a bowl of / fresh|cooked|boiled / shrimps|prawns|cockles|mussels|whelks|winkles|oysters / c"
_FLOWERS = ("a bunch of|two bunches of|a dozen|half a dozen|a bouquet of|a spray of|an armful of / red|white|pink|"
            "dark red|pale pink / roses|tulips|carnations|sweet peas|chrysanthemums|dahlias|asters|stocks|peonies|"
            "gladioli|zinnias|anemones / f")
_WILD_FLOWERS = ("a bunch of|two bunches of|a posy of|a bouquet of|a basket of / fresh|sweet-smelling|early / violets|"
                 "primroses|daffodils|snowdrops|bluebells|lavender|lilac|lilies of the valley|forget-me-nots|"
                 "cornflowers|honeysuckle|wallflowers / f")
_POTTED = ("a pot of|two pots of|a tray of|a box of|a basket of / young|sturdy|healthy|flowering / geraniums|ferns|"
           "cyclamen|hyacinths|pansies|lobelia|marigolds|petunias|begonias|tomato plants|lettuce seedlings|"
           "strawberry plants|herbs|busy lizzies / p")

# shop (as one says it), the trade that would not go there to buy, its groups of goods
SHOPS = {
    "baker's": ("baker", (
        "a loaf of|two loaves of|a small loaf of|a large loaf of|half a loaf of|a cottage loaf of / fresh|crusty|warm|"
        "day-old|stale|sliced / white bread|brown bread|rye bread|wholemeal bread|soda bread|malt bread|fruit bread|"
        "milk bread|barley bread|walnut bread|potato bread|seed bread / e",
        "a dozen|half a dozen|six|four|two|three|a bag of|a box of / fresh|warm|sticky|iced|little|hot / buns|rolls|"
        "scones|crumpets|muffins|doughnuts|currant buns|teacakes|jam tarts|custard tarts|rock cakes|Eccles cakes|"
        "macaroons|shortbread fingers|Chelsea buns|bread rolls|brandy snaps|fairy cakes|cream horns / e",
        "a|two / small|large|big|little|fresh|fine / seed cake|fruit cake|sponge cake|pork pie|apple pie|"
        "Bakewell tart|Victoria sponge|gingerbread loaf|plum cake|meat pie|treacle tart|lardy cake|"
        "Madeira cake|Dundee cake|Battenberg cake|cherry cake|Swiss roll|Simnel cake / e+")),
    "grocer's": ("grocer", (
        "a pound of|two pounds of|half a pound of|a bag of|three pounds of|a quarter of / best|cheap|good|fine / "
        "rice|sugar|flour|oatmeal|lentils|split peas|pearl barley|currants|raisins|sultanas|semolina|tapioca|"
        "dried figs|dates|prunes|ground almonds|candied peel|demerara sugar|icing sugar|self-raising flour / c",
        "a jar of|two jars of|a pot of|a small jar of|a large jar of / homemade|best|cheap / plum jam|strawberry jam|"
        "raspberry jam|blackcurrant jam|apricot jam|gooseberry jam|marmalade|honey|pickled onions|mustard|chutney|"
        "lemon curd|piccalilli|pickled walnuts|bramble jelly|redcurrant jelly|fish paste|beef paste / e",
        "a packet of|two packets of|a small packet of|a large packet of|a box of / best|cheap / cornflour|"
        "custard powder|gelatine|dried peas|porridge oats|baking powder|mixed spice|salt|bay leaves|cinnamon|nutmeg|"
        "cloves|yeast|bread soda / c",
        "a packet of|two packets of|a tin of|a box of|a quarter of / best|cheap|strong / tea|cocoa|coffee|"
        "China tea|Indian tea|drinking chocolate|Darjeeling|Earl Grey / d",
        "a packet of|two packets of|a tin of|a box of / fresh|cheap|best / ginger biscuits|digestive biscuits|"
        "cream crackers|ginger nuts|oat cakes|shortbread|custard creams|rich tea biscuits|water biscuits / e",
        "a tin of|two tins of|three tins of|a large tin of|a small tin of / best|cheap / peaches|sardines|pears|"
        "treacle|golden syrup|condensed milk|pineapple chunks|pilchards|corned beef|baked beans|tomato soup|"
        "pea soup|apricots|evaporated milk|ham / e",
        "a bottle of|two bottles of|a small bottle of|a large bottle of / best|cheap / vinegar|cooking oil|"
        "tomato ketchup|brown sauce|malt vinegar|vanilla essence|salad cream|olive oil|anchovy essence / c",
        "a bottle of|two bottles of|a jug of|a flagon of / cold|cheap|fizzy / lemonade|ginger beer|orange squash|"
        "lime cordial|elderflower cordial|lemon barley water|cream soda|sarsaparilla|nettle beer / d",
        _EGGS)),
    "greengrocer's": ("merchant", (_VEG, _GREENS, _BUNCHES, _CITRUS, _FRUIT, _BERRIES, _BIG_FRUIT)),
    "butcher's": ("butcher", (
        "a pound of|two pounds of|half a pound of|a pound and a half of|three pounds of|a quarter of / lean|best|"
        "fresh|cheap|good / minced beef|stewing steak|pork sausages|beef sausages|bacon|liver|kidneys|tripe|"
        "brisket|dripping|suet|streaky bacon|black pudding|sausage meat|oxtail|lamb's liver / c",
        "a|two|three|four|six / plump|small|large|fat|lean|fine / pork chop|lamb chop|rabbit|chicken|pheasant|"
        "pigeon|duck|mutton chop|beef steak|partridge|goose|turkey|pig's trotter|veal cutlet / c+",
        "a joint of|a piece of|a small joint of|a large joint of|a rolled joint of / good|fine|lean|best / beef|lamb|"
        "pork|mutton|veal|venison|gammon|topside|silverside / c")),
    "fishmonger's": ("fisher", (_FISH, _FISH_BY_WEIGHT, _SHELLFISH)),
    "dairy": ("farmer", (
        "a pint of|two pints of|a jug of|a quart of|three pints of|half a pint of / fresh|cold|creamy / milk|"
        "buttermilk|skimmed milk|goat's milk|whey / d",
        "a pot of|a jug of|half a pint of|a carton of|a bowl of / fresh|thick|rich / single cream|double cream|"
        "sour cream / e",
        "a pound of|half a pound of|a pat of|a block of|a quarter of / salted|unsalted|fresh|sweet|creamy / butter|"
        "cottage cheese|cream cheese|curd cheese|clotted cream / e",
        _EGGS)),
    "cheesemonger's": ("grocer", (_CHEESE,)),
    "chemist's": ("chemist", (
        "a bottle of|a small bottle of|a large bottle of|two bottles of / good|cheap / cough mixture|castor oil|"
        "cod liver oil|witch hazel|iodine|camphor oil|rosewater|lavender water|calamine lotion|eucalyptus oil|"
        "gripe water|smelling salts|hair tonic|syrup of figs|liniment|eye lotion / t",
        "a tin of|a jar of|a pot of|a small tin of|a large jar of / cheap|good / cold cream|zinc ointment|"
        "talcum powder|tooth powder|foot powder|throat pastilles|liquorice pastilles|boot lotion|petroleum jelly|"
        "menthol balm|hand cream|vanishing cream|bath salts|shaving cream / t",
        "a box of|a packet of|a roll of|two packets of|a large box of / cheap|good / cough sweets|aspirin|"
        "sticking plaster|cotton wool|bandages|corn plasters|hairpins|razor blades|hair grips|lint|"
        "sleeping powders|liver pills|indigestion tablets|peppermint lozenges / t",
        "a bar of|two bars of|a cake of|three bars of / good|cheap / soap|carbolic soap|lavender soap|coal tar soap|"
        "shaving soap|rose soap|sandalwood soap|almond soap|glycerine soap / t",
        "a|two / new|cheap|good|small / toothbrush|hairbrush|comb|sponge|nailbrush|shaving brush|hot-water bottle|"
        "loofah|clothes brush|powder puff / t+")),
    "ironmonger's": ("smith", (
        "a box of|a bag of|a packet of|a pound of|two pounds of|a tin of / brass|iron|steel|small|large|long|short / "
        "nails|tacks|screws|washers|hooks|panel pins|staples|rivets|bolts|nuts|curtain rings|picture hooks / t",
        "a tin of|two tins of|a pot of|a can of|a large tin of / good|cheap / white paint|green paint|black paint|"
        "blue paint|red paint|varnish|creosote|linseed oil|putty|glue|whitewash|distemper|stove polish|"
        "black lead|metal polish|turpentine|wood stain|paraffin / t",
        "a|two|three / new|cheap|good|small|large|stout / padlock|mousetrap|hinge|scrubbing brush|trowel|"
        "lamp wick|hand fork|door bolt|paintbrush|wire brush|chisel|hammer|screwdriver|bradawl|gimlet|spanner / t+",
        "a|two / new|cheap|good|small|large|stout|galvanised / mop|broom|tin bath|watering can|dustpan|coal shovel|"
        "lantern|garden sieve|flat iron|mangle belt|dolly tub|coal scuttle|stepladder|wheelbarrow|garden hoe / b+",
        "a ball of|two balls of|a length of|a coil of|three yards of / strong|thin|thick|stout / string|twine|rope|"
        "wire|washing line|fuse wire|picture cord|garden twine|sash cord|hemp cord / t")),
    "draper's": ("tailor", (
        "a yard of|two yards of|three yards of|half a yard of|four yards of|a length of|six yards of|a remnant of / "
        + _COLOURS + "|striped|checked|spotted / cotton|calico|linen|flannel|serge|velvet|silk|muslin|gingham|"
        "tweed|worsted|chintz|taffeta|satin|corduroy|denim|poplin|cambric|gabardine|crepe|cretonne|moleskin / t",
        "a|two|three|four|six / " + _COLOURS + "|striped|checked|spotted / tablecloth|handkerchief|pillowcase|sheet|"
        "towel|blanket|apron|dishcloth|tea towel|bath towel|bolster case|cushion cover|nightcap|antimacassar / t+")),
    "haberdasher's": ("tailor", (
        "a reel of|two reels of|three reels of|a spool of|four reels of / " + _COLOURS + " / thread|cotton|silk|"
        "button thread|linen thread|tacking cotton / t",
        "a card of|a dozen|half a dozen|six|a box of|eight|four|a packet of / brass|bone|pearl|horn|wooden|black|"
        "white|glass|leather|tortoiseshell / buttons|press studs|toggles|buckles|beads|sequins|collar studs|"
        "shirt buttons|coat buttons / t",
        "a packet of|a paper of|a case of|a box of / fine|large|small|steel / needles|pins|safety pins|"
        "darning needles|hatpins|sewing needles|tapestry needles|bodkins / t",
        "a yard of|two yards of|three yards of|a length of|half a yard of / " + _COLOURS + " / ribbon|lace|elastic|"
        "braid|piping|bias binding|tape|velvet ribbon|satin ribbon|fringe|bobble trim|cord / t",
        "a ball of|two balls of|three balls of|a skein of|four ounces of|a hank of / " + _COLOURS + " / wool|"
        "knitting wool|darning wool|embroidery silk|crochet cotton|mohair|angora wool|double knitting / t",
        "a|two / new|small|good|cheap / thimble|tape measure|pair of scissors|pincushion|button hook|"
        "crochet hook|knitting pattern|needle case|pair of knitting needles|darning mushroom / t+")),
    "post office": ("postman", (
        "a book of|a sheet of|six|a dozen|twelve|two|four|ten|twenty / penny|twopenny|threepenny|halfpenny|"
        "sixpenny|airmail / stamps / t",
        "a|two|three|four / new|large|small|stamped / postcard|postal order|airmail letter|parcel label|"
        "money order|picture postcard|telegram form|registered envelope / t+")),
    "stationer's": ("printer", (
        "a bottle of|two bottles of|a small bottle of|a large bottle of / black|blue|red|green|violet|blue-black / "
        "ink|drawing ink|marking ink / t",
        "a pad of|a packet of|a ream of|a quire of|two sheets of|a roll of / good|cheap|thick|thin|fine|white / "
        "writing paper|notepaper|blotting paper|tissue paper|brown paper|tracing paper|drawing paper|carbon paper|"
        "graph paper|wrapping paper|crepe paper|sugar paper / t",
        "a box of|a packet of|a dozen|half a dozen|two|three|six|a bundle of / good|cheap|new|coloured / pencils|"
        "pens|nibs|crayons|envelopes|paper clips|drawing pins|labels|rubber bands|erasers|chalks|paintbrushes|"
        "luggage labels|index cards / t",
        "a|two / new|small|large|cheap|good|fat|thin / notebook|diary|exercise book|ledger|sketchbook|address book|"
        "calendar|ruler|pencil case|fountain pen|pot of paste|paintbox|blotter|jotter|scrapbook / t+")),
    "tobacconist's": ("merchant", (
        "an ounce of|two ounces of|a tin of|a pouch of|a quarter of|half an ounce of / good|cheap|dark|mild|strong / "
        "pipe tobacco|shag|rolling tobacco|snuff|cut plug|navy twist / t",
        "a box of|two boxes of|a packet of|a dozen|a bundle of / cheap|good|large|small / matches|cigars|"
        "pipe cleaners|cigarette papers|spills|cheroots / t",
        "a|two / new|cheap|good|small|briar / pipe|tobacco pouch|lighter|cigar box|matchbox|pipe rack|ashtray / t+")),
    "sweet shop": ("cook", (
        "a quarter of|a bag of|half a pound of|two ounces of|a jar of|a paper bag of|a twist of / " +
        "fresh|big|little / humbugs|toffees|aniseed balls|pear drops|bull's-eyes|sherbet lemons|liquorice allsorts|"
        "jelly babies|wine gums|butterscotch|fudge|peppermints|barley sugar|gobstoppers|coconut ice|marshmallows|"
        "nougat|mint imperials|acid drops|lemon drops|jelly beans|chocolate limes|"
        "sherbet pips|dolly mixtures|cough candy|fruit pastilles|cinder toffee|Edinburgh rock / e",
        "a bar of|two bars of|a box of|a slab of|a small box of|a large box of / " +
        "dark|rich|fine / chocolate|milk chocolate|plain chocolate|nut chocolate|Turkish delight|"
        "peppermint creams|marzipan|chocolate brazils|fondants|truffles|chocolate creams / e")),
    "florist's": ("gardener", (_FLOWERS, _WILD_FLOWERS, _POTTED)),
    "bookshop": ("bookbinder", (
        "a|two / new|second-hand|cheap|fat|thin|little|handsome / cookery book|atlas|dictionary|hymn book|"
        "prayer book|road map|almanac|book of poems|book of fairy tales|detective novel|guidebook|songbook|"
        "storybook|picture book|book of crosswords|book of ghost stories|bird book|gardening book|history book|"
        "adventure story|seed catalogue|book of knots|book of sermons|train timetable / r+",)),
    "shoe shop": ("cobbler", (
        "a pair of|two pairs of|three pairs of / black|brown|tan|leather|cotton|long|short / bootlaces|shoelaces / t",
        "a tin of|two tins of|a small tin of|a large tin of / black|brown|tan|oxblood|neutral|cherry / boot polish|"
        "shoe polish|shoe cream|wax polish / t",
        "a pair of|two pairs of / black|brown|red|blue|grey|white / boots|shoes|slippers|sandals|clogs|plimsolls|"
        "dancing shoes|Sunday shoes|walking boots|carpet slippers|wellingtons|overshoes / w",
        "a pair of|a packet of|a box of|two pairs of / good|cheap|new / insoles|heel plates|toe caps|"
        "boot studs|shoe trees / t")),
    "outfitter's": ("tailor", (
        "a|two / black|brown|grey|navy|green|fawn|dark|tweed / cap|trilby|bowler hat|beret|sun hat|bonnet|"
        "scarf|tie|waistcoat|cardigan|jumper|overcoat|raincoat|jacket|pullover|muffler|dressing gown / w+",
        "a pair of|two pairs of|three pairs of / black|brown|grey|navy|green|fawn|dark|woollen|thick|thin / "
        "gloves|mittens|socks|stockings|braces|garters|sock suspenders|cufflinks|trousers|breeches|"
        "pyjamas|long johns|tights|knickerbockers / w")),
    "toyshop": ("merchant", (
        "a|two|three / red|blue|green|yellow|little|big|shiny|bright / ball|kite|spinning top|yo-yo|whistle|"
        "balloon|toy boat|toy car|hoop|tin drum|toy trumpet|wooden sword|doll's pram|humming top|pop gun|"
        "rubber duck|toy train|model yacht|cricket bat|fishing net|kaleidoscope / y+",
        "a bag of|a tin of|a box of|a set of|a packet of / little|coloured|painted|wooden / marbles|tin soldiers|"
        "building bricks|chalks|jacks|jigsaw pieces|skittles|toy farm animals|paper dolls|dominoes|"
        "playing cards|tiddlywinks|spillikins|stencils|transfers|beads / y")),
    "wine merchant's": ("brewer", (
        "a bottle of|two bottles of|three bottles of|half a bottle of|a case of|a flagon of|a jug of|"
        "half a dozen bottles of|a dozen bottles of / good|cheap|fine|old|sweet|dry|strong / claret|port|sherry|"
        "burgundy|hock|madeira|brandy|cider|gin|whisky|rum|elderberry wine|ginger wine|stout|brown ale|pale ale|"
        "perry|mead|cherry brandy|sloe gin|damson wine|parsnip wine / d",)),
    "corn merchant's": ("miller", (
        "a sack of|a bag of|a bushel of|half a sack of|a small bag of|a hundredweight of|two sacks of|"
        "a large bag of / good|cheap|fresh|dry|clean / oats|barley|bran|chicken feed|maize|bird seed|pony nuts|"
        "hay|straw|wheat|chaff|rabbit food|dog biscuits|pig meal|sawdust|layers' mash|cracked corn / b",)),
    "seed merchant's": ("gardener", (
        "a packet of|two packets of|three packets of|an ounce of|a twist of|a small packet of / good|cheap|fresh|"
        "early|late / carrot seed|lettuce seed|radish seed|sweet pea seed|cabbage seed|parsley seed|"
        "marigold seed|nasturtium seed|poppy seed|runner bean seed|onion seed|leek seed|beetroot seed|"
        "spinach seed|pea seed|cress seed|mustard seed|grass seed|sunflower seed|cornflower seed|foxglove seed / s",
        "a bag of|a sack of|a small bag of|two bags of|a large bag of|a box of / good|cheap|fresh / bone meal|"
        "potting compost|garden lime|seed potatoes|tulip bulbs|daffodil bulbs|onion sets|crocus bulbs|"
        "hyacinth bulbs|soot|leaf mould|peat|fish manure|hop manure|slug pellets / b")),
    "saddler's": ("carter", (
        "a|two / new|good|cheap|strong|stout|soft|leather / bridle|halter|dog collar|dog lead|horse brush|"
        "curry comb|riding crop|harness strap|girth|stirrup leather|saddle bag|nosebag|hoof pick|horse blanket|"
        "belt|shoulder strap / b+",
        "a tin of|a bar of|a pot of|a bottle of|two tins of / good|cheap / saddle soap|neatsfoot oil|hoof oil|"
        "harness black|leather dressing|dubbin / t")),
    "hardware stall": ("smith", (
        "a|two|three / new|cheap|good|small|large / tin opener|potato peeler|cheese grater|pudding basin|"
        "rolling pin|egg whisk|pastry brush|nutmeg grater|flour sifter|kitchen knife|ladle|colander|"
        "pie dish|bread tin|baking tray|jelly mould|cake tin|fish slice|wooden spoon|sauce boat / t+",)),
    "fruit stall": ("farmer", (_BERRIES, _FRUIT, _BIG_FRUIT, _CITRUS)),
    "vegetable stall": ("farmer", (_VEG, _GREENS, _BUNCHES)),
    "flower stall": ("gardener", (_WILD_FLOWERS, _POTTED, _FLOWERS)),
    "egg stall": ("farmer", (_EGGS,
                             "a|two|three / plump|fine|fat|young / boiling fowl|roasting chicken|duckling|guinea fowl|"
                             "capon|cockerel / c+")),
    "cheese stall": ("grocer", (_CHEESE,)),
    "fish stall": ("fisher", (_SHELLFISH, _FISH)),
}
STALLS = frozenset(k for k in SHOPS if k.endswith(" stall"))
# where a town's market is: a stall is 'the fruit stall in the market square'
MARKETS = phrases("in the market square|at the market|in the covered market|at the Saturday market|"
                  "at the Friday market|in the market hall|at the Tuesday market|at the Wednesday market|"
                  "by the market cross|at the farmers' market")
STREETS = phrases(
    "Mill Lane|Church Street|High Street|Market Street|Bridge Street|King Street|Queen Street|Station Road|"
    "Castle Street|Fore Street|Water Lane|Sheep Street|Silver Street|Chapel Lane|Green Lane|Well Street|"
    "North Street|South Street|East Street|West Street|Back Lane|Pound Lane|Tanner's Row|Cooper's Lane|Fish Street|"
    "Gold Street|New Street|Old Road|Park Road|Victoria Road|Albert Street|Cross Street|Union Street|George Street|"
    "Princes Street|Orchard Lane|Cherry Lane|Rose Lane|Holly Walk|Abbey Road|Priory Lane|Friar Street|Hill Street|"
    "Broad Street|Narrow Lane|Long Row|Cornhill|Butter Row|Sheep Lane|Swan Lane|Bell Street|Crown Street|"
    "Horse Fair|Duck Lane|Spring Gardens|Baker Street|Dyer Street|Weaver's Walk|Ropewalk|Saddler Street")
STREETS_PER_TOWN = 24
# prices in shillings and pence (two styles of writing them): 'for 4 shillings and 6 pence', 'for 4s. 6d.'
_MONEY = [(sh, d) for sh in range(0, 13) for d in range(0, 12) if sh or d]


def _words(sh: int, d: int) -> str:
    s = ("a shilling" if sh == 1 else f"{sh} shillings") if sh else ""
    p = ("a penny" if d == 1 else "sixpence" if d == 6 and not sh else f"{d} pence") if d else ""
    return f"{s} and {p}" if s and p else s or p


def _short(sh: int, d: int) -> str:
    return f"{sh}s. {d}d." if sh and d else f"{sh}s." if sh else f"{d}d."


# every price from 0 to 479 pence (39s. 11d.), in both styles, written once
_WRITTEN = [(_words(*divmod(d, 12)), _short(*divmod(d, 12))) for d in range(480)]


# what one good of a shop costs, in pence, at its plainest measure (lowest, highest): a price is drawn from
# the sum of its goods' ranges, each scaled by its measure ('three pounds of' costs about three times 'a pound of')
PRICES = {"baker's": (1, 18), "grocer's": (2, 30), "greengrocer's": (1, 20), "butcher's": (6, 60),
          "fishmonger's": (3, 36), "dairy": (2, 18), "cheesemonger's": (4, 30), "chemist's": (2, 36),
          "ironmonger's": (3, 96), "draper's": (6, 72), "haberdasher's": (1, 24), "post office": (1, 30),
          "stationer's": (1, 36), "tobacconist's": (3, 36), "sweet shop": (1, 12), "florist's": (3, 36),
          "bookshop": (12, 96), "shoe shop": (4, 120), "outfitter's": (12, 120), "toyshop": (2, 48),
          "wine merchant's": (12, 96), "corn merchant's": (12, 96), "seed merchant's": (1, 24), "saddler's": (6, 96),
          "hardware stall": (2, 36), "fruit stall": (1, 20), "vegetable stall": (1, 18), "flower stall": (2, 24),
          "egg stall": (3, 48), "cheese stall": (4, 30), "fish stall": (3, 36)}
_TIMES = dict(two=2, three=3, four=4, five=5, six=6, eight=8, ten=10, twelve=12, twenty=20)


def scale(measure: str) -> float:
    """How many times the plainest measure: 'three pounds of' 3, 'half a pound of' 0.5, 'a dozen' 1."""
    first = measure.split(" ", 1)[0]
    if first == "half" or measure.startswith("a quarter"):
        return 0.5
    return min(_TIMES.get(first, 1), 6)  # (twenty stamps are cheap ones)


PLURAL_MASS = ("oats", "porridge oats", "split peas", "dried peas", "peas", "lentils")  # 'them', though mass
_SINGULAR_S = ("watercress", "asparagus", "molasses", "bath salts", "smelling salts", "cress", "grass", "moss")


def it(thing: str) -> str:
    """'it' or 'them' for a good as named again ('the plum jam', 'the eggs')."""
    last = thing.split(" ")[-1]
    if thing.endswith(_SINGULAR_S) and not thing.endswith("salts"):
        return "it"
    return "them" if last.endswith("s") and not last.endswith(("ss", "us")) or last in ("mice", "geese", "cheeses") \
        else "it"


_MORE = ("three", "four", "five", "six")


def more(measures: tuple[str, ...], counted: bool) -> list[str]:
    """Measures with 'two' also come by three to six ('two pounds of' -> 'three pounds of', ...), except
    big things bought one or two at a time."""
    if counted and len(measures) <= 2:
        return list(measures)
    out = []
    for m in measures:
        out.append(m)
        if m == "two" or m.startswith("two "):
            out += [n + m[3:] for n in _MORE]
    return list(dict.fromkeys(out))


class Group:
    """Goods of one kind in a shop: measures, looks, goods; how they are used; counted or not."""

    __slots__ = ("measures", "looks", "goods", "use", "counted")

    def __init__(self, spec: str, words):
        measures, looks, goods, use = (p.strip() for p in spec.split(" / "))
        self.counted = use.endswith("+")
        self.use = use.rstrip("+")
        measures = words(more(phrases(measures), self.counted))
        self.measures = Categorical([""] + measures, [max(len(measures) / 3, 1.0)] + [1.0] * len(measures))
        looks = words(phrases(looks)) if looks else []
        self.looks = Categorical([""] + [x + " " for x in looks], [max(len(looks) / 6, 1.0)] + [1.0] * len(looks))
        self.goods = words(phrases(goods))

    def render(self, measure: str, look: str, good: str) -> tuple[str, str]:
        """('two pounds of red onions', 'the red onions'): the good as bought and as named again."""
        if not measure:  # 'plum jam', 'fresh eggs', 'pork chops': no measure at all
            many = look + (plural(good) if self.counted else good)
            return many, f"the {many}"
        if self.counted:
            if measure == "a":
                return a(look + good), f"the {look}{good}"
            many = look + plural(good)
            return f"{measure} {many}", f"the {many}"
        return f"{measure} {look}{good}", f"the {look}{good}"


class Shop:
    __slots__ = ("name", "trade", "groups", "goods")

    def __init__(self, name: str, trade: str, specs, words):
        self.name, self.trade = name, trade
        self.groups = [Group(x, words) for x in words(list(specs))]
        self.goods = [(g, x) for g in self.groups for x in g.goods]  # every good once: (group, good)


def check(shops) -> None:
    """Every good as bought, and every way of naming it again, is distinct within a shop; no good
    holds a list's separators (', ', ' and ') or a price's ' for '."""
    for shop in shops:
        bought, again = {}, {}
        for g in shop.groups:
            for good in g.goods:
                assert ", " not in good and " and " not in good and " for " not in good, good
                for m in g.measures.items:
                    for look in g.looks.items:
                        text, name = g.render(m, look, good)
                        assert bought.setdefault(text, good) == good, (shop.name, text)
                        assert again.setdefault(name, good) == good, (shop.name, name)


_COUNT = Categorical([2, 3, 4], [1.5, 4, 5])
_PRICE = Categorical(["", "for", "in all", "came", "paying"], [2, 4, 1, 1, 1])
_STYLE = Categorical([False, True], [0.2, 0.8])  # '4 shillings and 6 pence' or '4s. 6d.'
_FRAME = Categorical(range(7), [4, 3, 1.5, 1.5, 1, 1.5, 5])
_FRAME_ONE = Categorical(range(6), [4, 3, 1.5, 1.5, 1, 1])  # (one good: no prices one by one)
_STREET = Categorical([False, True])
_TWO = Categorical([False, True])

GO = "{went to|went down to|walked to|called at|stopped at|looked in at|popped into|hurried to|went round to|nipped into}"
BUY = "{bought|got|picked up|came away with|chose|ordered|paid for|asked for}"
WHEN_AGAIN = "{that very day|the same evening|the next morning|at once|that afternoon|after breakfast|on Sunday}"
# what became of a good, by its use: ({0} when, {1} who, {2} the good, {3} the other person's name)
USES = dict(
    e=("{0} {1} and {3} {shared|ate|enjoyed|finished} {2} {for tea|at supper|after dinner|in the garden|by the fire|"
       "at the kitchen table}.",
       "{0} {1} put {2} {in the larder|in the pantry|on the kitchen shelf|in the meat safe|on the dresser|in a tin}."),
    d=("{0} {1} and {3} {drank|shared|finished|opened} {2} {at supper|after dinner|by the fire|in the garden|"
       "at the kitchen table|before bed}.",
       "{0} {1} put {2} {in the larder|in the pantry|on the dresser|in the cellar|on the kitchen shelf}."),
    c=("{0} {1} used {2} {for supper|for the Sunday dinner|for dinner that night|for lunch|for a stew|for a pie}.",
       "{0} {1} put {2} {in the larder|in the pantry|on the kitchen shelf|in the meat safe|on the cold slab}."),
    t=("{0} {1} {used|tried} {2} " + WHEN_AGAIN + ".",
       "{0} {1} put {2} {in a drawer|in the cupboard|on the shelf|on the kitchen table|by the back door|in the hall}."),
    b=("{0} {1} {used|tried} {2} " + WHEN_AGAIN + ".",
       "{0} {1} put {2} {in the shed|in the outhouse|in the stable|by the back door|in the scullery|in the yard}."),
    w=("{0} {1} {wore|tried on|put on} {2} " + WHEN_AGAIN + ".",
       "{0} {1} put {2} {in the wardrobe|in a drawer|in the hall cupboard|on a peg|in the chest of drawers}."),
    y=("{0} {1} {played with|tried out} {2} " + WHEN_AGAIN + ".",
       "{0} {1} put {2} {in the toy box|in the cupboard|on the shelf|under the bed|in the nursery}."),
    r=("{0} {1} {read|looked through|opened} {2} {that evening|by the fire|in bed|after supper|on Sunday}.",
       "{0} {1} put {2} {on the bookshelf|by the bed|on the mantelpiece|in a drawer|on the kitchen table}."),
    f=("{0} {1} put {2} in {a vase|a jug|a jam jar|a glass bowl} {on the table|by the window|on the windowsill|"
       "on the mantelpiece|by the bed}.",
       "{0} {1} gave {2} to {3}."),
    p=("{0} {1} planted {2} {in the garden|by the front door|in the window box|along the path|by the gate}.",
       "{0} {1} put {2} {on the windowsill|by the back door|in the greenhouse|on the doorstep|in the porch}."),
    s=("{0} {1} sowed {2} {in the garden|in the vegetable patch|along the fence|in a row of pots|by the wall}.",
       "{0} {1} put {2} {in the shed|in a drawer|on the shelf|in the greenhouse|in a tin}."),
)


class Errands:
    """Draws errands and, later in a story, what became of something an errand bought."""

    def __init__(self, world, phrasebook, uniform):
        cfg = world.config
        self.t, self.uniform = phrasebook, uniform
        self.shops = [Shop(name, trade, specs, cfg.words) for name, (trade, specs) in SHOPS.items()][
            : max(cfg.lexicon_size or 99, 1)]
        check(self.shops)
        self.all_shops = Categorical(self.shops)
        self._shops_for: dict[str, Categorical] = {}
        self.markets = Categorical(cfg.words(MARKETS))
        self.number = Categorical([str(n) for n in range(1, 61)][: max(cfg.lexicon_size or 99, 2)])
        self.count = {n: Categorical([k for k in _COUNT.items if k <= n] or [n],
                                     [w for k, w in zip(_COUNT.items, _COUNT.probs) if k <= n] or [1])
                      for n in range(1, 200)}
        money = _MONEY[: max(cfg.lexicon_size or 999, 2)]
        self.money = Categorical([(_words(*m), _short(*m)) for m in money])
        self.size = cfg.lexicon_size
        self._cost: dict[tuple[int, int], Categorical] = {}
        # every town has its own streets (the same in every document: knowledge of the world)
        r, self.streets = Sampler(cfg.seed + 2), {}
        for town in world.towns:
            left, mine = list(cfg.words(STREETS)), []
            while left and len(mine) < STREETS_PER_TOWN:
                mine.append(left.pop(r.pick(Categorical(range(len(left))))))
            self.streets[town] = Categorical(mine)
        self.new_story()

    def new_story(self) -> None:
        """Forget what the last story bought."""
        self.bought: list[tuple] = []  # (good as named again, buyer, shop, where, use), each good once
        self._named: set[str] = set()

    def shops_for(self, trade: str) -> Categorical:
        """The shops someone of ``trade`` would buy at (a baker does not buy bread at the baker's)."""
        c = self._shops_for.get(trade)
        if c is None:
            c = self._shops_for[trade] = Categorical([x for x in self.shops if x.trade != trade] or self.shops)
        return c

    def where(self, s, shop: Shop, town: str) -> str:
        """'in Mill Lane' (a street of the town: inference) or, for a stall, 'in the market square'."""
        if shop.name in STALLS:
            return s.pick(self.markets, WORD)
        if s.pick(_TWO, STRUCTURE):  # 'at 14 Mill Lane'
            return f"at {s.pick(self.number, WORD)} {s.pick(self.streets[town], INFERENCE)}"
        return f"in {s.pick(self.streets[town], INFERENCE)}"

    def goods(self, s, shop: Shop) -> list[tuple]:
        """Two to four distinct goods of ``shop``: [(as bought, as named again, use)]; what each may cost
        (least, most pence) is left in ``self.ranges``."""
        left = list(range(len(shop.goods)))
        out, self.ranges = [], []
        lo, hi = PRICES.get(shop.name, (1, 36))
        for _ in range(s.pick(self.count[len(left)], STRUCTURE)):
            g, good = shop.goods[left.pop(s.pick(self.uniform[len(left)], WORD))]
            measure = s.pick(g.measures, WORD)
            text, name = g.render(measure, s.pick(g.looks, WORD), good)
            k = scale(measure)
            out.append((text, name, g.use))
            self.ranges.append((max(1, round(lo * k)), max(2, round(hi * k))))
        return out

    def cost(self, lo: int, hi: int) -> Categorical:
        """Every price from ``lo`` to ``hi`` pence (at most 39s. 11d.), as words and as '4s. 6d.'."""
        hi = min(hi, 479)
        lo = min(lo, hi - 1)
        if self.size:  # (a small world keeps few prices)
            hi = min(hi, lo + max(self.size, 2) - 1)
        c = self._cost.get((lo, hi))
        if c is None:
            c = self._cost[(lo, hi)] = Categorical(_WRITTEN[lo:hi + 1])
        return c

    def price(self, s, short: bool | None = None, pence: tuple[int, int] | None = None) -> str:
        """What something cost: within ``pence`` (the range its goods' prices add up to), or any price."""
        words, brief = s.pick(self.money if pence is None else self.cost(*pence), WORD)
        if short is None:
            short = s.pick(_STYLE, STRUCTURE)
        return brief if short else words

    def errand(self, s, cast, when: str, x, y, town: str, seen: list[str]) -> str:
        """'On Friday morning Jiy went to the grocer's in Mill Lane and bought a dozen eggs, two pounds
        of onions, a jar of plum jam and a packet of tea.'"""
        t = self.t
        shop = s.pick(self.shops_for(x.profession), WORD)
        place = f"the {shop.name}"
        where = self.where(s, shop, town)
        goods = self.goods(s, shop)
        names = [g[0] for g in goods]
        ranges = self.ranges
        total = (sum(r[0] for r in ranges), sum(r[1] for r in ranges))
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        frame = s.pick(_FRAME if len(names) > 1 else _FRAME_ONE, STRUCTURE)
        buyer = x
        full = f"{place} {where}"
        if frame == 0:
            text = t(s, "{0} {1} " + GO + " {2} and " + BUY + " {3}", when, cast.ref(x), full, listed)
        elif frame == 1:
            text = t(s, "{0} {1} {bought|got|fetched} {3} from {2}", when, cast.ref(x), full, listed)
        elif frame == 2:
            text = t(s, "{0} {1} {needed|wanted} {2}, so {3} {went|walked|hurried|ran} {to|down to} {4}",
                     when, cast.ref(x), listed, x.subject, full)
        elif frame == 3:
            text = t(s, "{0} {1} and {2} {went|walked} to {3} together, and {4} " + BUY + " {5}",
                     when, cast.name(x), cast.name(y), full,
                     x.subject if x.gender != y.gender else cast.name(x), listed)
            cast.last = x
        elif frame == 4:
            text = t(s, "{0} {1} sent {2} to {3} for {4}", when, cast.ref(x), cast.ref(y, False), full, listed)
            buyer = y
        elif frame == 5:
            text = t(s, "{0} {1} spent {2} at {3} on {4}", when, cast.ref(x), self.price(s, None, total), full, listed)
        else:  # what each good cost
            short = s.pick(_STYLE, STRUCTURE)
            priced = [f"{n} for {self.price(s, short, r)}" for n, r in zip(names, ranges)]
            text = t(s, "{0} {1} {bought|got} {2} and {3} at {4}", when, cast.ref(x), ", ".join(priced[:-1]),
                     priced[-1], full)
        if frame in (0, 1, 3):  # what it cost, or not
            k = s.pick(_PRICE, STRUCTURE)
            if k == "for":
                text += f" for {self.price(s, None, total)}"
            elif k == "in all":
                text += f" for {self.price(s, None, total)} in all"
            elif k == "came":
                text += t(s, ", which {came to|cost} {0}", self.price(s, None, total))
            elif k == "paying":
                text += t(s, ", {paying|and paid} {0}", self.price(s, None, total))
        if full not in seen:  # the shop may come back (a lost thing turns up outside it)
            seen.append(full)
        for _, name, use in goods:
            if name not in self._named:
                self._named.add(name)
                self.bought.append((name, buyer, place, where, use))
        return text if text.endswith(".") else text + "."  # ('for 4s. 6d.' ends the sentence)

    def recall(self, s, cast, when: str, x, y) -> str:
        """What became of one of the goods bought earlier in the story (which one: inference)."""
        t = self.t
        name, buyer, place, where, use = self.bought[s.pick(self.uniform[len(self.bought)], INFERENCE)]
        if s.pick(_TWO, STRUCTURE):  # where it came from (the shop said earlier)
            at = f"{place} {where}" if s.pick(_STREET, STRUCTURE) else place
            if x is buyer:
                return t(s, "{0} {1} {found|realised|remembered} that {2} had left {3} at {4}, so {2} "
                            "{went|walked|hurried|ran} back for {5}.", when, cast.ref(x), x.subject, name, at, it(name))
            return t(s, "{0} {1} {admired|praised|liked|looked at} {2} that {3} had bought at {4}.",
                     when, cast.ref(x), name, cast.name(buyer), at)
        use, put = USES[use]
        text = use if s.pick(_TWO, STRUCTURE) else put  # (the other's name only where the template says it)
        return t(s, text, when, cast.ref(x), name, cast.name(y) if "{3}" in text else "")
