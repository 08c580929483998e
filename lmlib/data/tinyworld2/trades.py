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

WORK = {trade: tuple(tuple(x.split("|")) for x in spec.split(" / ")) for trade, spec in _WORK.items()}
