"""What each trade works on, as data: verbs, goods and adjectives that compose a day's work.

Every verb of a trade fits every one of its goods, and every adjective fits every good, so
``verb + determiner + adjective + good`` ("glazed three blue jugs", "shod a grey mare") is always
sensible. A story, letter or news report that has said someone's trade draws that person's work
from these lists: a reader who remembers the trade can predict the words, one who forgot cannot.
"""

from __future__ import annotations

# trade: "verbs / goods / adjectives" (base forms; goods are countable nouns, singular)
_WORK = dict(
    baker="bake|sell|wrap|slice|weigh / loaf|bun|roll|cake|pie|tart|scone|muffin|crumpet|pastry / warm|fresh|sweet|crusty",
    farmer="feed|count|sell|check on|round up / hen|cow|pig|calf|goat|piglet|heifer|bullock|duckling / young|fat|lame|spotted",
    teacher="mark|read|collect|check|hand back / essay|test|poem|report|composition|exercise|drawing|spelling test / long|short|neat|messy",
    fisher="catch|clean|gut|sell|smoke / herring|cod|mackerel|crab|lobster|eel|plaice|sprat|pike / fat|silver|huge|slippery",
    weaver="weave|dye|fold|sell|finish / doormat|carpet|tablecloth|curtain|tapestry|bedspread|runner|throw / striped|thick|soft|bright",
    potter="shape|glaze|fire|paint|sell / mug|plate|dish|urn|pitcher|tureen|platter|crock|beaker / blue|glazed|tall|squat",
    carpenter="build|sand|varnish|repair|polish / cupboard|bookcase|dresser|sideboard|chest of drawers|desk|door|window frame / oak|pine|sturdy|handsome",
    miller="grind|carry|fill|weigh|stack / sack of flour|sack of corn|bag of oats|sack of barley|bag of bran|sack of rye / heavy|full|dusty|big",
    smith="forge|shape|sell|temper|hammer out / horseshoe|nail|hinge|blade|gate|latch|ploughshare|bracket|gridiron / iron|heavy|strong|black",
    tailor="sew|press|alter|mend|finish / jacket|waistcoat|suit|shirt|dress|skirt|gown|pair of trousers|overcoat / tweed|black|fine|smart",
    doctor="visit|examine|treat|cheer up|check on / patient|child|farmer|widow|baby|pensioner|invalid|schoolboy / sick|feverish|poorly|coughing",
    painter="paint|frame|varnish|sell|finish / portrait|landscape|seascape|picture|view of the harbour|miniature / small|large|bright|gloomy",
    shepherd="count|shear|dip|feed|round up / ewe|ram|wether|yearling|hogget|lamb / woolly|stray|young|old",
    gardener="plant|water|tend|stake|dig up / rosebush|tulip|bean|lettuce|marrow|dahlia|leek|seedling|currant bush / young|tall|sickly|fine",
    builder="lay|carry|cut|stack|lift / brick|slate|beam|tile|plank|paving stone|lintel|drainpipe / red|heavy|long|new",
    cook="cook|serve|make|taste|prepare / stew|pudding|roast|omelette|custard|sauce|broth|tart|casserole / rich|hot|thick|spicy",
    singer="sing|practise|learn|rehearse|perform / song|ballad|hymn|carol|aria|lullaby|anthem|sea shanty / sad|merry|old|new",
    sailor="coil|tie|splice|haul|check / rope|line|cable|hawser|halyard|mooring line|rope ladder / long|wet|heavy|frayed",
    merchant="sell|buy|weigh|count|pack / bale of cotton|chest of tea|sack of spice|barrel of wine|roll of silk|crate of oranges|box of figs|jar of pepper / costly|heavy|fine|small",
    hunter="track|trap|shoot at|spot|follow / deer|hare|fox|pheasant|boar|partridge|grouse|woodcock / wild|young|old|wary",
    brewer="brew|taste|sell|check|fill / barrel of ale|cask of beer|keg of stout|flagon of mead|bottle of porter|jug of perry / dark|strong|light|good",
    cobbler="mend|polish|stitch|make|sell / boot|slipper|sandal|clog|brogue|riding boot|dancing shoe / leather|black|brown|worn",
    mason="cut|carve|shape|set|polish / block|arch|gravestone|statue|step|pillar|doorstep|gargoyle / granite|marble|grey|heavy",
    clockmaker="wind|mend|clean|oil|set / cuckoo clock|grandfather clock|carriage clock|alarm clock|pocket watch|wristwatch|timepiece / old|brass|small|fine",
    bookbinder="bind|mend|stitch|trim|stamp / ledger|album|hymnbook|prayer book|volume|register|songbook|journal / thick|thin|old|leather",
    locksmith="fit|mend|oil|test|open / lock|padlock|latch|bolt|safe|strongbox|door chain|keyhole / stiff|rusty|new|stubborn",
    beekeeper="check|clean|move|open|repair / hive|skep|honey frame|bee box|swarm box / old|busy|wooden|full",
    nurse="visit|wash|feed|comfort|tend / patient|child|baby|invalid|soldier|old woman|old man|mother / sick|tired|weak|frightened",
    librarian="sort|shelve|stamp|mend|catalogue / novel|atlas|journal|pamphlet|encyclopedia|storybook|dictionary|manuscript / old|new|rare|dusty",
    postman="deliver|sort|stamp|weigh|carry / parcel|postcard|package|telegram|bundle of letters|registered letter|sack of mail / heavy|small|urgent|damp",
    innkeeper="serve|fetch|carry|bring / pint of ale|glass of wine|bowl of stew|plate of ham|mug of cider|cup of tea|dish of pie / hot|cold|large|good",
    musician="play|practise|rehearse|learn|perform / waltz|jig|reel|march|sonata|minuet|polka|hornpipe / lively|slow|sad|merry",
    butcher="cut|weigh|wrap|sell|trim / ham|chop|steak|joint of beef|leg of lamb|side of bacon|string of sausages / lean|fat|big|tender",
    grocer="weigh|sell|stack|wrap|price / orange|lemon|cabbage|turnip|onion|melon|tin of peas|jar of pickles|bag of sugar / large|ripe|small|fresh",
    jeweller="set|polish|mend|engrave|sell / brooch|pendant|earring|signet ring|bangle|tiepin|cufflink|watch chain / gold|silver|tiny|costly",
    woodcutter="fell|saw up|chop down|mark|split / oak|beech|birch|pine|elm|alder|willow|larch / tall|old|dead|crooked",
    lamplighter="light|trim|clean|fill|check / street lamp|gas lamp|wall lamp|harbour lamp|porch lamp|bridge lamp / tall|dim|old|smoky",
    astronomer="watch|chart|observe|sketch|measure / star|comet|planet|crater|nebula|constellation|eclipse|meteor / faint|bright|distant|red",
    chemist="mix|heat|test|weigh|label / powder|potion|tincture|acid|solution|crystal|compound|elixir / green|clear|strong|strange",
    judge="hear|try|decide|review|settle / case|dispute|claim|appeal|quarrel|lawsuit|charge / long|hard|strange|small",
    soldier="clean|polish|check|load|carry / rifle|musket|buckle|bayonet|pack|cartridge belt|sabre / heavy|old|shining|army",
    printer="print|set|fold|trim|sell / poster|leaflet|pamphlet|handbill|notice|ticket|programme|calendar / bold|small|large|cheap",
    carter="load|unload|deliver|fetch|carry / barrel|crate|bale|load of coal|load of hay|cask|churn of milk|sack of potatoes / heavy|big|full|muddy",
    dancer="practise|dance|learn|perform|rehearse / waltz|jig|reel|polka|minuet|hornpipe|fandango|gavotte / new|hard|quick|slow",
    pharmacist="mix|weigh|label|count out|make up / pill|powder|syrup|lotion|ointment|tonic|remedy|poultice / bitter|sweet|strong|new",
)

# four more adjectives per trade (each fits every good of the trade)
_MORE_ADJECTIVES = dict(
    baker="golden|small|large|plain",
    farmer="big|healthy|brown|thin",
    teacher="careful|untidy|good|poor",
    fisher="small|fresh|shiny|big",
    weaver="woollen|red|fine|heavy",
    potter="small|green|brown|plain",
    carpenter="new|heavy|tall|plain",
    miller="light|small|half-full|damp",
    smith="new|bent|rusty|small",
    tailor="new|grey|blue|cheap",
    doctor="old|young|tired|anxious",
    painter="new|fine|dark|cheerful",
    shepherd="fat|thin|lame|black",
    gardener="small|strong|healthy|new",
    builder="old|big|cheap|grey",
    cook="cold|sweet|plain|large",
    singer="long|short|gentle|cheerful",
    sailor="new|short|thick|tarred",
    merchant="large|cheap|rare|new",
    hunter="fat|big|small|lame",
    brewer="pale|sweet|fine|fresh",
    cobbler="new|old|muddy|smart",
    mason="white|small|large|new",
    clockmaker="new|silver|tiny|handsome",
    bookbinder="new|small|large|heavy",
    locksmith="old|small|heavy|brass",
    beekeeper="new|empty|heavy|little",
    nurse="old|young|poorly|sleepy",
    librarian="small|large|thick|thin",
    postman="large|light|wet|big",
    innkeeper="small|warm|fresh|full",
    musician="new|old|quick|gentle",
    butcher="small|fine|cheap|large",
    grocer="big|cheap|heavy|good",
    jeweller="fine|old|new|small",
    woodcutter="young|big|huge|leaning",
    lamplighter="new|bright|little|rusty",
    astronomer="small|huge|new|strange",
    chemist="blue|red|weak|new",
    judge="difficult|simple|old|new",
    soldier="new|clean|dirty|spare",
    printer="new|long|short|coloured",
    carter="small|light|wet|new",
    dancer="old|lively|merry|difficult",
    pharmacist="mild|small|large|cheap",
)

# and more adjectives still (each fits every good of the trade, old and new)
_EVEN_MORE_ADJECTIVES = dict(
    baker="soft|sticky|floury|homemade|freshly baked|still-warm|sugary|spiced|buttery",
    farmer="sturdy|skinny|noisy|hungry|muddy|sleek|prize|handsome|docile",
    teacher="untidy|blotted|clever|careless|excellent|dreadful|tidy|hurried|splendid",
    fisher="gleaming|glistening|plump|fine|wriggling|cold|dripping|prize|enormous",
    weaver="warm|checked|plain|handsome|cosy|woven|colourful|hard-wearing|soft grey",
    potter="squat|painted|speckled|earthy|handsome|chunky|glossy|lopsided|pretty",
    carpenter="solid|plain|elegant|simple|polished|rough|well-made|walnut|sturdy little",
    miller="bulging|flour-covered|well-tied|hefty|brimming|fat|half-empty|tightly packed",
    smith="black iron|gleaming|sturdy|hot|twisted|heavy black|well-made|handsome|crude",
    tailor="elegant|dashing|well-cut|shabby|handsome|velvet|striped|loose|tight",
    doctor="elderly|grumpy|frightened|weak|pale|restless|grateful|cheerful|lonely",
    painter="charming|moody|colourful|pale|unfinished|tiny|delicate|dreamy|bold",
    shepherd="fine|sturdy|shaggy|hungry|nervous|muddy|wayward|healthy|prize",
    gardener="leafy|drooping|flourishing|hardy|spindly|young green|prize|lovely|withered",
    builder="dusty|rough|cracked|square|solid|broken|fine|sturdy|second-hand",
    cook="steaming|savoury|tasty|hearty|creamy|golden|delicious|peppery|homely",
    singer="wistful|jolly|mournful|rousing|lovely|tender|familiar|haunting|simple",
    sailor="stiff|slack|tangled|coiled|knotted|salty|strong|sodden|spare",
    merchant="exotic|fragrant|valuable|enormous|dusty|precious|well-packed|foreign|cheap little",
    hunter="shy|lively|swift|clever|fine|nervous|handsome|plump|young brown",
    brewer="frothy|dark brown|golden|cloudy|clear|fine old|mellow|sour|potent",
    cobbler="scuffed|shiny|sturdy|elegant|muddy|battered|comfortable|tight|well-worn",
    mason="weathered|rough|carved|polished|handsome|massive|mossy|ancient|fine",
    clockmaker="gilt|elegant|ticking|silent|antique|stopped|handsome|fancy|plain",
    bookbinder="handsome|battered|elegant|slim|fat|dusty|well-thumbed|precious|gilt-edged",
    locksmith="sturdy|tricky|old-fashioned|iron|broken|strong|shiny|cheap|clever",
    beekeeper="humming|sticky|weathered|white|painted|quiet|buzzing|crowded|heavy wooden",
    nurse="feverish|weary|anxious|grateful|restless|pale|cheerful|lonely|brave",
    librarian="fat|slim|battered|precious|dog-eared|handsome|forgotten|popular|heavy",
    postman="bulky|thin|crumpled|important|mysterious|overdue|soggy|little|precious",
    innkeeper="steaming|frothy|generous|tasty|welcome|hearty|chilled|fine",
    musician="jolly|mournful|stately|rousing|wistful|haunting|simple|tricky|old-fashioned",
    butcher="juicy|prime|fine|marbled|succulent|cheap|choice|thick|plump",
    grocer="juicy|sweet|fine|bruised|choice|firm|plump|cheap|little",
    jeweller="delicate|precious|gleaming|dainty|antique|elegant|plain|ornate|handsome",
    woodcutter="mighty|ancient|rotten|slender|twisted|young|mossy|sturdy|stunted",
    lamplighter="flickering|bright|smoky|dim|sooty|old-fashioned|crooked|lonely|cracked",
    astronomer="pale|brilliant|blue|glittering|shimmering|lovely",
    chemist="cloudy|fizzing|smoking|pale|bitter|pungent|poisonous|golden|purple",
    judge="tricky|dull|tedious|bitter|famous|curious|muddled|complicated|ancient",
    soldier="gleaming|battered|well-oiled|rusty|polished|regimental|trusty|heavy old|new issue",
    printer="colourful|black|smudged|crisp|fresh|grand|plain|handsome|tiny",
    carter="huge|damp|heavy old|awkward|creaking|unwieldy|full|dusty|bulky",
    dancer="lively|stately|graceful|tricky|old|fiery|elegant|gentle|jolly",
    pharmacist="soothing|strong|bitter-tasting|pleasant|foul-tasting|cooling|gentle|powerful|little",
)
WORK = {trade: tuple(tuple(x.split("|")) for x in spec.split(" / ")) for trade, spec in _WORK.items()}
WORK = {trade: (verbs, goods, adjs + tuple(a for a in _MORE_ADJECTIVES[trade].split("|") if a not in adjs))
        for trade, (verbs, goods, adjs) in WORK.items()}
WORK = {trade: (verbs, goods, adjs + tuple(a for a in _EVEN_MORE_ADJECTIVES[trade].split("|") if a not in adjs))
        for trade, (verbs, goods, adjs) in WORK.items()}

# more verbs and goods per trade: 'verbs / goods' (every verb still fits every good, old and new)
_MORE_WORK = dict(
    baker="price|set out|box up|cool / doughnut|teacake|bap|flan|sponge|fruit cake|Chelsea bun|jam tart|seed cake|gingerbread|turnover|pasty|sausage roll|custard tart|cob loaf|bloomer|brioche|Bath bun",
    farmer="buy|fatten|move|water / gosling|sow|cockerel|turkey|goose|pullet|steer|mule|nanny goat|kid|bantam|ox|boar",
    teacher="correct|praise|hand out|go through / story|letter|project|book report|nature diary|history essay|geography test|page of sums|copybook|weekly test|sum",
    fisher="weigh|land|pack|box up / haddock|sole|whiting|bream|skate|trout|salmon|prawn|dab|flounder|gurnard|pollock|conger|sea bass",
    weaver="hem|measure|roll up|wash / blanket|cushion cover|table runner|bath mat|hearth rug|stair carpet|wall hanging|horse blanket|length of tweed|bolt of cloth|travelling rug|coverlet|counterpane|picnic rug",
    potter="trim|stack|pack|decorate|wrap / teapot|saucer|jam pot|honey pot|pie dish|storage jar|soap dish|ewer|cider jar|salt pig|planter|candle holder",
    carpenter="paint|measure|wax|finish|deliver / chair|bench|stool|wardrobe|coffin|cabinet|bed frame|cradle|settle|staircase|shelf|trestle|window seat|blanket chest",
    miller="load|lift|sell|tie up|mark / sack of wheat|bag of meal|sack of malt|bag of flour|sack of peas|bag of cornmeal|sack of oatmeal|bag of semolina|sack of beans",
    smith="heat|straighten|file / firedog|chain|hook|fire grate|boot scraper|hoop|trivet|axle|spit|andiron|weathercock|door hinge|shovel blade",
    tailor="hem|cut out|fit|tack / blazer|cape|frock coat|tailcoat|pair of breeches|riding jacket|dinner jacket|topcoat|uniform|morning coat|smoking jacket|cassock|pea coat",
    doctor="see|call on|reassure|sit with / mother|labourer|housemaid|milkmaid|lodger|shopkeeper|schoolgirl|curate|farmhand|miner|orphan",
    painter="hang|sign|show|clean / study of fruit|watercolour|study of roses|view of the church|self-portrait|pastel|street scene|harbour scene|winter scene|picture of the mill|painting of the bay|flower painting",
    shepherd="move|check|drive|mark|tend / tup|shearling|gimmer|ewe lamb|ram lamb|teg|twin lamb",
    gardener="move|feed|label / cabbage|cauliflower|apple tree|pear tree|hollyhock|sweet pea|lupin|peony|fern|geranium|rhubarb crown|strawberry plant|raspberry cane|climbing rose|fuchsia|pansy",
    builder="fetch|load|unload|measure|set / kerbstone|roof tile|flagstone|chimney pot|window sill|joist|rafter|gutter|cornerstone|block of stone|doorframe|ridge tile",
    cook="season|heat up|dish up|warm / pie|curry|hotpot|dumpling|fritter|rissole|fish pie|shepherd's pie|meat loaf|goulash|chowder|gratin|pilaf|fricassee",
    singer="hum|write|teach|copy out / folk song|madrigal|psalm|love song|drinking song|nursery rhyme|part song|spiritual|ditty|chorus|canticle|serenade",
    sailor="stow|mend|untangle / towline|anchor rope|guy rope|lanyard|tow rope|heaving line|dock line|lifeline|grass rope|stay|painter line|sheet rope",
    merchant="ship|order|price|unload|store / sack of coffee|crate of lemons|bolt of linen|chest of cloves|jar of ginger|barrel of sugar|box of raisins|sack of rice|bale of wool|cask of oil|bag of nutmegs|tin of cocoa|case of brandy",
    hunter="stalk|creep up on|flush out|lose sight of|wait for / rabbit|stag|roe deer|wild duck|snipe|pigeon|quail|teal|hind|buck|wild goose|curlew",
    brewer="store|label|test|ship / barrel of cider|keg of bitter|jug of ale|barrel of stout|cask of mild|keg of cider|flagon of cider|hogshead of ale|firkin of bitter|bottle of stout|jar of ginger beer",
    cobbler="resole|heel|stretch|fit / shoe|walking boot|work boot|football boot|court shoe|galosh|pump|wellington|ankle boot|lace-up|buckle shoe",
    mason="dress|fit|lift|mark out|clean / headstone|fireplace|font|plinth|column|milestone|memorial|trough|mounting block|sundial|gatepost|corbel|keystone",
    clockmaker="repair|adjust|regulate|take apart|sell / mantel clock|wall clock|travelling clock|kitchen clock|hunter watch|fob watch|bracket clock|musical clock|chronometer|stopwatch",
    bookbinder="gild|cover|press|sell / atlas|Bible|psalter|almanac|logbook|account book|photograph album|herbal|missal|guest book|visitors' book|diary",
    locksmith="grease|change|clean|adjust|unlock / deadlock|mortice lock|door lock|gate lock|combination lock|trunk lock|cabinet lock|night latch|window catch|hasp|catch",
    beekeeper="inspect|paint|close up|mend / beehive|observation hive|nucleus box|queen cage|honey super|brood box|feeder|hive roof|hive stand|drone frame|straw skep",
    nurse="sit with|settle|nurse|watch over|bathe / widow|schoolgirl|farmhand|convalescent|lodger|orphan|labourer|housemaid|pensioner|stable lad|scullery maid",
    librarian="dust|label|lend|list|wrap|order / biography|almanac|gazetteer|cookbook|hymnal|directory|annual|memoir|history book|book of verse|travel book|yearbook|ledger",
    postman="collect|bring|drop off|sign for|fetch / letter|card|birthday card|money order|postal order|newspaper|magazine|catalogue|packet|Christmas card|seed packet",
    innkeeper="set down|clear away|order|offer / glass of port|jug of beer|slice of pie|bowl of soup|plate of bread and cheese|dish of potatoes|cup of cocoa|glass of sherry|pot of coffee|glass of milk|plate of eggs",
    musician="compose|arrange|write|teach|copy out / gigue|mazurka|gavotte|sarabande|nocturne|study|fugue|prelude|air|serenade|overture|galop|quadrille|lament",
    butcher="price|pack|hang / pork chop|lamb chop|brisket|rump steak|oxtail|chicken|rabbit|loin of pork|saddle of mutton|rib of beef|pheasant|shoulder of lamb|ham hock",
    grocer="order|fetch|unpack|display|count / apple|pear|plum|banana|grapefruit|cucumber|leek|swede|parsnip|cauliflower|peach|apricot|pineapple|marrow|beetroot",
    jeweller="clean|value|repair|fit|weigh / bracelet|necklace|tiara|clasp|wedding band|cameo|stickpin|circlet|charm|dress ring|hatpin",
    woodcutter="trim|cut down|measure|climb / ash|hazel|holly|hornbeam|sycamore|yew|chestnut|poplar|rowan|fir|spruce|hawthorn",
    lamplighter="polish|mend|put out|refill / station lamp|shop lamp|carriage lamp|church lamp|market lamp|pier lamp|corner lamp|park lamp|signal lamp|chapel lamp",
    astronomer="spot|track|study|follow / asteroid|galaxy|double star|star cluster|sunspot|variable star|moon of Jupiter|aurora|shooting star|nova|ring of Saturn",
    chemist="prepare|analyse|store|measure out / salt|oil|reagent|alkali|spirit|essence|extract|emulsion|precipitate|distillate|dye|syrup",
    judge="consider|dismiss|adjourn|rule on|look into / petition|suit|complaint|matter|boundary dispute|question of law|debt|action|theft case|will|contract",
    soldier="inspect|oil|mend|fetch|hand in / pistol|carbine|revolver|helmet|sword|scabbard|lance|mess tin|cap badge|belt buckle|water bottle|greatcoat",
    printer="proof|stack|bundle|pack|deliver|check / broadsheet|newsletter|menu|invitation|playbill|catalogue|timetable|greetings card|letterhead|wedding card|price list|order of service|bookplate|circular",
    carter="haul|cart|take|drop off / load of bricks|load of timber|load of sand|sack of coal|crate of apples|bale of straw|load of turnips|keg of beer|piano|box of tools|sack of flour|load of gravel",
    dancer="teach|master|show / quadrille|mazurka|galop|tango|foxtrot|quickstep|sword dance|morris dance|two-step|cakewalk|tarantella|bolero|schottische|fling",
    pharmacist="wrap|sell|prepare|measure out / lozenge|capsule|tablet|cough drop|salve|liniment|balm|draught|gargle|eye lotion|plaster|embrocation|sleeping draught",
)
_DROP_VERBS = dict(soldier=("load",), pharmacist=("count out",))


def _merge(trade: str, verbs: tuple, goods: tuple, adjs: tuple):
    more_verbs, more_goods = (tuple(x.split("|")) for x in _MORE_WORK[trade].split(" / "))
    verbs = tuple(v for v in verbs + more_verbs if v not in _DROP_VERBS.get(trade, ()))
    goods = goods + tuple(g for g in more_goods if g not in goods)
    assert len(set(verbs)) == len(verbs), trade
    # 'fruit cake' must not read as an adjective 'fruit' and the good 'cake'
    assert not [g for g in goods for h in goods for x in adjs if g == f"{x} {h}"], trade
    return verbs, goods, adjs


WORK = {trade: _merge(trade, *x) for trade, x in WORK.items()}

# trades whose work comes a few at a time: 'sang two old ballads', never 'sang fifty ballads'
FEW = frozenset("singer musician dancer painter doctor nurse judge astronomer hunter tailor jeweller clockmaker "
                "bookbinder locksmith cobbler mason carpenter weaver beekeeper woodcutter lamplighter cook "
                "innkeeper chemist soldier librarian sailor".split())
