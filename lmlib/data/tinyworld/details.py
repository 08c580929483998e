"""Details that thicken a story: where people live and how they met, where a lost thing was last
seen or a broken one had stood, how the helper came and what they brought, how the thing was
cleaned, how the thanks went on, and what the friends did in later years.

Every phrase is composed from short lists whose parts fit each other (a care verb of the thing's
own class, supplies for mending that kind of thing, a way of coming that fits the distance the
story has said); every choice leaves its own words, so the grammar stays unambiguous.
"""

from __future__ import annotations

from . import lexicon as L
from .cast import cap
from .inflect import a, past, phrase
from .lexicon import phrases
from .sampler import INFERENCE, KNOWLEDGE, STRUCTURE, WORD, Categorical
from .things import CLASSES

HOME_LOOKS = phrases("little|small|tall|narrow|crooked|whitewashed|red-brick|stone|draughty|cosy|neat|old|pretty|"
                     "damp|rambling|tidy|thatched|low|lopsided|sunny|draughty old|tiny|ivy-covered|half-timbered|"
                     "sturdy|square|ramshackle|spotless|shabby|snug|white|grey stone|yellow-brick|gabled|"
                     "comfortable|weather-beaten|cheerful|modest")
DWELLINGS = phrases("cottage|house|farmhouse|terraced house|lodge|town house|bungalow|mill house|"
                    "lodging house|rectory|almshouse|gatehouse|schoolhouse|corner house|end cottage|villa|"
                    "toll house|coach house|row house")
HOME_TAILS = phrases("roses round the door|a walled garden|a leaky roof|a view of the hills|a crooked chimney|"
                     "a vegetable patch|ivy on the walls|a blue gate|a pump in the yard|a monkey puzzle tree|"
                     "a sagging porch|a pear tree by the gate|a brass knocker|a hen run at the back|"
                     "geraniums in the windows|a sundial on the lawn|a thatched porch|a creaking gate|"
                     "a long front garden|a beehive by the wall|a well in the garden|a smoking chimney|"
                     "lace curtains|a washing line across the yard|a cat on every windowsill|a bench by the door|"
                     "a rose arch|a pond full of frogs|an apple tree in the yard|a red pillar box outside|"
                     "a view of the sea|a rain barrel by the door|a weathercock on the roof|a privet hedge")
MEETINGS = phrases("the harvest supper|the church fete|the jumble sale|the school fair|the flower show|a wedding|"
                   "a christening|a birthday party|the Sunday market|the spring fair|the Christmas bazaar|"
                   "the cricket club|a barn dance|the county show|evening classes|the swimming baths|"
                   "Sunday school|the village school|the lending library|the choir|the harvest dance|the May fair|"
                   "a funeral|a sale of work|the bowls club|the chess club|the dancing class|a cricket match|"
                   "the regatta|the ploughing match|a Christmas party|the carol singing|the Whitsun walk|"
                   "the horse fair|the amateur dramatics|a picnic by the river|the bell-ringing practice|the reading room")
SINCE = phrases("they were children|they were at school together|they were apprentices|the great flood|"
                "the winter of the big snow|the old king died|they were babies|they shared a desk at school|"
                "the year the river froze|they both sang in the choir|the summer of the drought|"
                "they worked on the same farm|the night of the big storm|the old mill burned down|"
                "they were in the same class|the first war|they were both apprentices in the same town|"
                "the railway came|they fell out of the same apple tree|the coronation")
LAST_TIMES = phrases("the day before|that morning|the night before|at breakfast|after supper|the week before|"
                     "on Sunday|on Saturday night|at teatime|before bed|on Monday|at lunchtime|two days before|"
                     "last thing at night|first thing that morning|the evening before|on Friday|after church|"
                     "before breakfast|at the weekend|the day before yesterday|an hour before|after lunch|"
                     "just before tea")
TOPS = phrases("dresser|sideboard|piano|mantelpiece|kitchen table|washstand|chest of drawers|dressing table|"
               "bookcase|windowsill|writing desk|bedside table|kitchen shelf|"
               "hall table|linen press|tallboy|corner shelf|bureau|window seat")
ROOMS = phrases("parlour|kitchen|front room|hall|bedroom|back room|sitting room|spare room|attic room|"
                "dining room|study|scullery|nursery|drawing room|morning room|back bedroom|front bedroom|"
                "little room at the top of the stairs|sewing room|best room")
NEAR_MEANS = phrases("on foot|on a bicycle|at a run|through the back gate|round by the lane|in slippers|"
                     "with an umbrella|with a dog at heel|at once|"
                     "in an old coat|across the garden|over the back wall|still in an apron|in a great hurry|"
                     "down the lane|through the rain|within five minutes|with a torch|before the tea was cold|"
                     "over the fields|by the short cut")
FAR_MEANS = phrases("by the early bus|on the carrier's cart|on horseback|by train|in a borrowed trap|on a bicycle|"
                    "in the baker's van|on the milk lorry|by the late bus|"
                    "on the mail coach|in a hired car|on a borrowed bicycle|by the first train|on the carrier's van|"
                    "with a neighbour in a pony cart|on foot over the hills|by the river boat|on the market bus|"
                    "in the doctor's car|on a farm cart|by the night train|on a tired old horse")
SEARCH_KIT = phrases("a lantern|a long stick|a stepladder|a candle|a magnifying glass|a torch|a garden rake|"
                     "a box of matches|a ball of string|a garden fork|a hand lamp|a broom|a long pole|"
                    "a pair of spectacles|a sieve|a coat hanger|a magnet on a string|a dog with a good nose|a notebook")
MEND_KIT = dict(
    crockery=phrases("a pot of glue|some fine wire|a tin of rivets|a little brush|a jar of paste|a pair of pliers|"
                     "a tube of cement|a roll of sticky tape|a tiny drill|a box of clamps|a bottle of varnish|"
                     "a tin of filler"),
    music=phrases("a pot of glue|a set of new strings|some fine sandpaper|a little file|a tin of varnish|a pair of pliers|"
                  "a lump of rosin|a tiny screwdriver|a box of pins|a tin of wax|a soft cloth|a set of springs"),
    toys=phrases("a pot of glue|some bright paint|a reel of thread|a darning needle|a little brush|some new wheels|"
                 "a bag of stuffing|a box of buttons|a pair of scissors|a length of ribbon|a pot of paste|"
                 "some scraps of cloth"),
)
CARE = dict(crockery="wash|rinse|dry|dust|wipe", clothes="wash|air|brush|shake out|iron",
            blades="clean|oil|sharpen|wipe", books="dust|wipe|dry out|smooth out",
            brass="polish|clean|dust|rub down", music="dust|polish|wipe|tune", toys="wash|dust|wipe|brush",
            bags="brush|clean|polish|wipe", keepsakes="polish|clean|wipe|dust",
            vessels="wash out|wipe|dry|dust", tools="clean|oil|wipe|dry", furniture="dust|polish|wipe|wax")
STATES = phrases("dusty|covered in cobwebs|a little damp|none the worse|muddy|quite unharmed|sticky|a bit scratched|"
                 "soaking wet|covered in crumbs|a bit bent|cold to the touch|covered in soot|full of sand|"
                 "wrapped in an old sock|quite safe|a little grubby|covered in fluff|sticky with jam|"
                 "smeared with mud|a little faded|dull with dust|tangled in string")
CARE_HOW = phrases("carefully|gently|at once|lovingly|slowly|thoroughly|twice|tenderly|"
                   "by the fire|at the kitchen table|with great care|three times|properly|"
                   "with a sigh of relief|without a word|that very evening")
MODEST = phrases("nothing|no trouble at all|a pleasure|nothing at all, really|only what anyone would do|"
                 "just luck|no bother|the least a friend could do|only fair|a bit of fun|easy enough|"
                 "nothing to make a fuss about|all in a day's work|a good excuse for a walk|nothing much")
EVENTS = phrases("the harvest supper|the church fete|the flower show|the Christmas bazaar|the spring fair|"
                 "the county show|the summer regatta|the sheep fair|the midsummer dance|the goose fair|"
                 "the ploughing match|the harvest festival|the May fair|the horse fair|the carol service|"
                 "the hiring fair|the cattle show|the Easter market|the bonfire party|the pantomime|"
                 "the brass band concert|the lantern parade|the apple fair|the village sports|the Whitsun fair")

ANOTHER_WHEN = phrases("In time|Later|The next year|A month later|That Christmas|The following spring|"
                       "Before long|In the end|Some months later|Next market day")

_ON = Categorical([False, True], [0.55, 0.45])
_HALF = Categorical([False, True])
_MET = Categorical(range(3), [2, 2, 1])


def _check(*lists) -> None:
    for x in lists:
        assert len(set(x)) == len(x), "options must differ (one text, one derivation)"


_check(HOME_LOOKS, DWELLINGS, HOME_TAILS, MEETINGS, SINCE, LAST_TIMES, TOPS, ROOMS, NEAR_MEANS, FAR_MEANS,
       SEARCH_KIT, STATES, CARE_HOW, MODEST, EVENTS, *MEND_KIT.values())
_CLASS_OF = {n: k for k, (_, ns, _, _) in CLASSES.items() for n in ns}


class Details:
    """Draws the optional detail sentences of a story."""

    def __init__(self, world, vocab, phrasebook, daily, years):
        w = world.config.words
        self.v, self.t, self.daily, self.years = vocab, phrasebook, daily, years
        self.towns = Categorical(world.towns)
        self.home = Categorical([a(f"{x} {y}") for y in w(DWELLINGS) for x in w(HOME_LOOKS)])
        self.home_tail = Categorical(w(HOME_TAILS))
        self.meeting, self.since = Categorical(w(MEETINGS)), Categorical(w(SINCE))
        self.last_time, self.top, self.room = Categorical(w(LAST_TIMES)), Categorical(w(TOPS)), Categorical(w(ROOMS))
        self.means = {True: Categorical(w(NEAR_MEANS)), False: Categorical(w(FAR_MEANS))}
        kits = dict(MEND_KIT, lost=SEARCH_KIT)
        self.kit = {k: self._pairs(w(x)) for k, x in kits.items()}
        self.care = {k: Categorical([phrase(x, past) for x in w(phrases(c))]) for k, c in CARE.items()}
        self.state, self.care_how = Categorical(w(STATES)), Categorical(w(CARE_HOW))
        self.modest, self.events = Categorical(w(MODEST)), Categorical(w(EVENTS))
        colours = w(L.COLOURS)
        self.door = {c: Categorical(colours, [len(colours) if x == c else 1.0 for x in colours]) for c in L.COLOURS}
        self.any_door = Categorical(colours)
        more = [f" for {n} more years" for n in w(L.NUMBERS)]
        self.friends_for = Categorical(["", " ever after", " for years", " for life", " all their lives"] + more,
                                       [1.0] * 5 + [2.0 / len(more)] * len(more))
        weeks = [f"{n.capitalize()} weeks later" for n in w(L.NUMBERS)]
        self.another_when = Categorical(w(ANOTHER_WHEN) + weeks, [1.0] * len(w(ANOTHER_WHEN)) +
                                        [len(w(ANOTHER_WHEN)) / len(weeks)] * len(weeks))
        prices = [f" for {n} {u}" for u in ("shillings", "pence") for n in range(2, 61)][: max(world.config.lexicon_size or 999, 2)]
        self.for_price = Categorical([""] + prices, [1.0] + [1.0 / len(prices)] * len(prices))

    @staticmethod
    def _pairs(items) -> Categorical:
        pairs = [f"{x} and {y}" for x in items for y in items if x != y] or list(items)
        return Categorical(list(items) + pairs, [len(pairs)] * len(items) + [1.0] * len(pairs))

    # ---- the first paragraph ----------------------------------------------------------------------
    def home_sentence(self, s, cast, p, seen) -> str:
        """'She lived in a crooked cottage with a green door, behind the old mill.'"""
        door = self.door.get(p.colour, self.any_door)
        tail = (f"{a(s.pick(door, KNOWLEDGE))} door" if s.pick(_HALF, STRUCTURE)  # a favourite colour, known
                else s.pick(self.home_tail, WORD))
        return self.t(s, "{0} lived in {1} with {2}, {3}.", cap(cast.ref(p)), s.pick(self.home, WORD), tail,
                      self.daily.visit(s, p.town, seen))

    def how_met(self, s, cast, p, q) -> str:
        """'They had been friends for twelve years, ever since they met at the flower show in Dunmere.'"""
        k = s.pick(_MET, STRUCTURE)
        if k == 0:
            return self.t(s, "They had been friends for {0} years, ever since they {met|first met} at {1} in {2}.",
                          s.pick(self.years, WORD), s.pick(self.meeting, WORD), s.pick(self.towns, WORD))
        if k == 1:
            return self.t(s, "The two of them had met at {0} in {1} {2} years {before|earlier}.",
                          s.pick(self.meeting, WORD), s.pick(self.towns, WORD), s.pick(self.years, WORD))
        return self.t(s, "They had known each other since {0}.", s.pick(self.since, WORD))

    # ---- the problem ----------------------------------------------------------------------------
    def last_seen(self, s, cast, p) -> tuple[str, str]:
        """'She had last seen it on the mantelpiece the night before.' (the spot is then searched)"""
        spot = s.pick(self.v.spot, WORD)
        return self.t(s, "{0} had last {seen|used|had|left|put|noticed} it {1} {2}.", cap(p.subject), spot,
                      s.pick(self.last_time, WORD)), spot

    def stood(self, s, p, top: str | None = None, dated: bool = False) -> str:
        """'It had stood on the dresser in the parlour for twelve years.' (on ``top`` if the text said
        it fell from there; 'ever since' if the text has said how long it had been theirs)"""
        top, room = top or s.pick(self.top, WORD), s.pick(self.room, WORD)
        if dated:
            return self.t(s, "It had {stood|sat|lived|always stood} on the {0} in the {1} {ever since|since then}.", top, room)
        return self.t(s, "It had {stood|sat|lived|always stood} on the {0} in the {1} for {2} years.", top, room, s.pick(self.years, WORD))

    def arrival(self, s, cast, p, q, kind: str, noun: str) -> str:
        """'He came by the early bus, bringing a pot of glue and a little brush.' (the way fits the
        distance the story has said; what is brought fits the trouble and the thing: inference)"""
        means = s.pick(self.means[q.town == p.town], INFERENCE)
        key = "lost" if kind == "lost" else _CLASS_OF.get(noun, "crockery")
        kit = s.pick(self.kit.get(key, self.kit["crockery"]), INFERENCE)
        return self.t(s, "{0} {came|arrived|turned up|appeared} {1}, {bringing|carrying|with} {2}.", cap(cast.ref(q)), means, kit)

    def mend_kit(self, s, noun: str) -> str:
        """'a pot of glue and some fine wire': what mending this kind of thing takes (inference)."""
        return s.pick(self.kit.get(_CLASS_OF.get(noun, "crockery"), self.kit["crockery"]), INFERENCE)

    # ---- the ending -----------------------------------------------------------------------------
    def cleaned(self, s, cast, p, noun: str) -> str:
        """'It was dusty, and she wiped it gently.' (a care verb of the thing's class: inference)"""
        care = self.care.get(_CLASS_OF.get(noun, "toys"), self.care["toys"])
        return self.t(s, "{The {0}|It} was {1}, and {2} {3} it {4}.", noun, s.pick(self.state, WORD), cast.ref(p),
                      s.pick(care, INFERENCE), s.pick(self.care_how, WORD))

    def modesty(self, s, cast, q) -> str:
        if s.pick(_HALF, STRUCTURE):
            return self.t(s, '"It was {0}," {1} {said|replied|answered}{| with a smile| modestly| shyly| cheerfully| with a shrug}.',
                          s.pick(self.modest, WORD), cast.ref(q))
        return self.t(s, "{0} {laughed|smiled|blushed|shrugged|grinned|beamed} and said it was {1}.", cap(cast.ref(q)),
                      s.pick(self.modest, WORD))

    def supper(self, s, cast, p, q) -> str:
        """'Afterwards Anna asked Tom to supper, and they shared pies and tarts.'"""
        return self.t(s, "{Afterwards|Later|That week} {0} {invited|asked} {1} to {2}, and they {ate|shared} {3}.",
                      cast.name(p), cast.name(q), s.pick(self.v.meal, WORD), s.pick(self.v.two_foods, WORD))

    def another(self, s, cast, p, noun: str, bought) -> str:
        """'In time she bought another kite at the fair in Dunmere for 12 pence, but it was never quite the same.'"""
        when = s.pick(self.another_when, WORD)
        return self.t(s, "{0} {1} {bought|found} another {2} {3} in {4}{5}, but it was never {quite the same|as good|"
                         "as dear|the one {6} wanted}.", when, cast.ref(p), noun, s.pick(bought, WORD),
                      s.pick(self.towns, WORD), s.pick(self.for_price, WORD), p.subject)

    # ---- the epilogue ---------------------------------------------------------------------------
    def friends_after(self, s, cast, p, q) -> str:
        return self.t(s, "{0} and {1} {stayed|remained} {good|firm|close|fast} friends{2}, and every {year|summer|"
                         "autumn} they {went together to|never missed|went back to|took a stall at|helped out at} "
                         "{3} in {4}.", cast.name(p), cast.name(q), s.pick(self.friends_for, WORD),
                      s.pick(self.events, WORD), s.pick(self.towns, WORD))
