"""Stories: two or more people, a problem, help, and an ending that depends on the beginning.

A story has paragraphs (joined by `` ¶ ``): the season and who the people are (the helper's
character is said when they are met); a few episodes of everyday life (:mod:`.episodes`); a
problem with a thing (lost or broken), a search or a repair done in a manner that leans on the
helper's character; an ending whose odds depend on that manner, found where someone had been in
an earlier episode, with a reason that refers back to what was said; and sometimes an epilogue
that restates the day of the problem in other words and recalls an earlier place. Nearly every
word has synonyms (:mod:`.phrasing`).
"""

from __future__ import annotations

from . import compose as C
from .cast import Cast, cap
from .details import TOPS, Details
from .episodes import Episodes
from .inflect import a, noun_of_quality
from .lexicon import phrases
from .phrasing import Phrasebook
from .sampler import INFERENCE, PERSON, STRUCTURE, WORD, Categorical

PARAGRAPH = " ¶ "
_EXTRAS = Categorical([(), ("pet",), ("hobby",), ("trait",), ("pet", "hobby"), ("hobby", "pet"),
                       ("trait", "pet"), ("hobby", "trait"), ("pet", "trait"), ("trait", "hobby")],
                      [3, 2, 2, 2, 1, 1, 1, 1, 1, 1])
_FRIEND = Categorical(["friend", "stranger"], [0.6, 0.4])
_PROBLEM = Categorical(["lost", "broken"])
_GIFT = Categorical([False, True], [0.6, 0.4])
_DIALOGUE = Categorical([False, True], [0.8, 0.2])
_CODA = Categorical([False, True], [0.5, 0.5])
_BOAST = Categorical([None, 0, 1], [0.8, 0.1, 0.1])
_STRONG = {True: Categorical([True, False], [0.75, 0.25]), False: Categorical([True, False], [0.25, 0.75])}
_EPILOGUE = Categorical([False, True], [0.5, 0.5])
_STILL = Categorical([False, True], [0.5, 0.5])
_TWO = Categorical([False, True])
_MOST = Categorical([False, True], [0.35, 0.65])  # an optional detail that is usually said
_SOME = Categorical([False, True], [0.7, 0.3])  # an optional detail that is seldom said
_RECALL = Categorical([False, True], [0.65, 0.35])
_MENDED = Categorical(range(3), [2, 1, 3])  # how a mended thing is told: 'like new', 'nobody could tell', 'with glue'
_LATER = Categorical(range(3), [2, 1, 1])  # 'Years later' or 'In 1962'; 'Twelve years later'; 'When she was 73'
_AT = Categorical(range(4), [3, 2, 2, 1])  # when the trouble came: a month, a time, a date, a month and a time
# the hours that fit a part of the day (a day's work: 'every Monday at 9.15')
HOURS_OF = dict(morning=(6, 7, 8, 9, 10, 11), afternoon=(12, 1, 2, 3, 4, 5), evening=(5, 6, 7, 8, 9, 10),
                night=(9, 10, 11, 12, 1, 2, 3), day=(7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6))


def _clock(hours) -> list[str]:
    return [f"{h}.{m:02d}" for h in hours for m in range(0, 60, 5)]


_FOUND_AWAY = 0.6  # the chance that a lost thing turns up at a place someone had been earlier

SETTINGS = ("It was {early |late |}{0} in {1}, and {2}.", "In {1} it was {0}{ at last| again|}, and {2}.",
            "That {0} in {1}, {2}.")
INTROS = ("{0} {was|worked as} {1} in {2}.", "In {2} there {lived|was} {0}, who {worked as|was} {1}.",
          "{Once upon a time|Long ago|Not so long ago|Some years ago}, {0} lived in {2} and {worked as|was} {1}.",
          "{0}, {1}, had lived in {2} for {3} years.", "{0} had {been|worked as} {1} in {2} for {3} years.",
          "{0} {was|worked as} {1} in {2} and lived at {4}.", "At {4}, in {2}, there lived {0}, who {worked as|was} {1}.",
          "{0}, {1} in {2}, {lived|had a house|had rooms} at {4}.", "{0} {was|worked as} {1} in {2}, {5}.")
_INTRO = Categorical(range(len(INTROS)), [1] * (len(INTROS) - 1) + [2])  # a landmark (it may come back) most often
# how a person is described when their trade is said ('a busy baker'): never a character trait, which the
# story may state otherwise, nor an age, which the introduction may contradict
PERSON_LOOKS = ("", "busy ", "skilled ", "hard-working ", "well-known ", "local ", "talented ", "respected ",
                "famous ", "good ", "thrifty ", "tireless ", "trusted ", "popular ", "capable ", "reliable ",
                "experienced ", "keen ", "gifted ", "dependable ", "successful ", "prosperous ", "struggling ",
                "ambitious ", "competent ", "thorough ", "sought-after ", "much-loved ", "first-rate ",
                "self-taught ", "reputable ", "celebrated ", "devoted ", "industrious ", "overworked ",
                "punctual ", "enterprising ", "hard-pressed ", "old-fashioned ", "fine ", "able ", "expert ",
                "conscientious ", "efficient ", "well-liked ", "dedicated ", "fussy ",
                "excellent ")
# when someone does their trade ('Every Monday at 7.45'); the timed ones may take a clock time
EVERY_TIMED = ("Every morning", "Every evening", "Every Monday", "Every Tuesday", "Every Wednesday",
               "Every Thursday", "Every Friday", "Every Saturday", "Every market day", "Most mornings",
               "On weekdays", "Every afternoon")
EVERY_PLAIN = ("Every week", "Most days", "Twice a week", "Six days a week", "Every other day",
               "Once a fortnight", "Three times a week", "Every day but Sunday", "Most weeks", "Now and then")
PET_WHEN = ("often", "always", "sometimes", "each morning", "every day", "now and then")
HOBBY_WHEN = ("on Sundays", "at weekends", "most Saturdays", "on fine evenings", "now and then",
              "as often as not", "once a week", "on holidays", "every spare hour", "most evenings")
TALK_WHERE = ("", " at the market", " over the garden wall", " in the shops", " at the inn", " after church",
              " in the post office queue", " at the pump", " on the bus", " at the school gate")
# how the second person looks (for anyone, at any age)
FEATURES = phrases("a loud laugh|a quiet voice|freckles|spectacles|a limp|grey eyes|a crooked smile|red hair|"
                   "big hands|a squeaky bicycle|a straw hat|a booming voice|rosy cheeks|curly hair|"
                   "a sunburnt face|a soft voice|a green coat|a blue scarf|a battered hat|a long stride|"
                   "a cheerful whistle|a wide-brimmed hat|muddy boots|ink on the fingers|a northern accent|"
                   "a broad accent|a lilting voice|a deep voice|dark eyes|brown eyes|blue eyes|black hair|"
                   "fair hair|a round face|a thin face|a ready laugh|a hearty laugh|a red bicycle|a knapsack|"
                   "a pocket watch|a silver ring|a gold tooth|a gap in the front teeth|a scar on the chin|"
                   "a yellow umbrella|a patched coat|a cough|a stammer|a bad knee|a dimple")
LOST = ("{0} lost {1} {2}", "{0} could not find {1} {2} {anywhere|at all}", "{0} found that {1} {2} had {gone|vanished}",
        "{0} {mislaid|misplaced} {1} {2}", "{0} {went to fetch|reached for|looked for} {1} {2}, but it was "
        "{gone|nowhere to be seen|not in its place}", "{0} {noticed|discovered|realised} that {1} {2} was missing")
BROKEN = ("{0} dropped {1} {2} and it {broke|cracked|split}", "{0} knocked {1} {2} off the {3}",
          "{0} sat on {1} {2} by {mistake|accident}", "{0} stepped on {1} {2} {in the dark|by mistake}",
          "{0} dropped {1} {2} {4} and it {broke|cracked|split|smashed}", "{0} knocked {1} {2} off the {3} {4}")
# what someone was doing when a thing fell
WHILE = phrases("while dusting|while washing up|while laying the table|while tidying the shelves|"
                "while carrying in the coal|while hurrying to answer the door|while reaching for the teapot|"
                "while sweeping the floor|while spring-cleaning|while hanging up the washing|"
                "while looking for the matches|while stoking the fire|while getting ready for church|"
                "while packing a basket|while showing it to a neighbour|while carrying it down the stairs|"
                "while polishing it|while wrapping it in paper|while moving the furniture|while chasing a wasp|"
                "while half asleep|while talking to the milkman|while reading the newspaper|"
                "while climbing the stairs|while fetching the milk|while putting away the dishes|"
                "while cleaning the windows|while lighting the lamp|while making the bed|while in a hurry")
BOUGHT = ("at the market", "at a jumble sale", "from a pedlar", "at an auction", "at the fair", "from a junk shop",
          "from a stall", "at a farm sale", "from a travelling tinker", "at the Saturday market", "at a church bazaar",
          "from a rag-and-bone man", "at a house clearance", "from a second-hand shop", "at the Christmas fair",
          "from an antique dealer", "at a bring-and-buy sale", "from a street hawker", "at the harvest fair",
          "from a sailor", "at the county show", "from a pawnbroker", "at a sale of work", "from a market trader")
# how a giver is described ('her dear aunt'); never the first word of a relative ('late grandmother')
GIVER_LOOKS = ("dear", "beloved", "rich", "generous", "eccentric", "wealthy", "doting", "kindly", "old")
SEARCHES = ("{0} {4}searched {1} and {2}, but the {3} was not there.", "{0} {4}looked {1} and then {2}, but found nothing.",
            "{0} {4}turned the house upside down, looking {1} and {2}.", "{0} {4}searched {1} and {2} in vain.",
            "{0} {4}tried {1}, then {2}, but it was not there.", "{0} {4}looked {1} and {2}. Nothing.")
SEARCHES2 = ("{0} {3}{searched|tried|looked} {1} and {2} as well.", "{0} {3}{went back to look|looked again} {1} and {2}.")
# how the owner searched (or nothing)
SEARCH_HOW = ("", "frantically ", "anxiously ", "hastily ", "desperately ", "quickly ", "nervously ", "feverishly ",
              "hurriedly ", "wildly ", "grimly ", "crossly ", "helplessly ", "tearfully ", "miserably ", "impatiently ",
              "restlessly ", "fretfully ", "sadly ", "glumly ", "busily ", "vainly ", "angrily ",
              "gloomily ", "carefully ", "slowly ")
# how the helper spoke
SAID_HOW = ("", " kindly", " gently", " cheerfully", " firmly", " briskly", " warmly", " softly", " stoutly",
            " with a wink", " with a grin", " at once", " brightly", " calmly", " solemnly", " boldly")
# a gift's occasion: the birthdays a person has had (their age is a fact of the world)
ORDINALS = ("fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
            "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "twenty-first", "thirtieth",
            "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth")
AGES_OF = dict(zip(ORDINALS, list(range(5, 19)) + [21, 30, 40, 50, 60, 70, 80]))
OCCASIONS = (" for Christmas", " for luck", " when {S} was small", " when {S} left school", " at Easter",
             " on {P} name day", " when {S} was ill", " before {S} went away")
DIALOGUE_OPEN = ("Do not worry", "Never fear", "Leave it to me", "Cheer up", "No need to fret", "Chin up",
                 "Now then", "Dry your eyes")
DIALOGUE_WHEN = ("", " for you", " by tonight", " before dark", " before supper", " by morning", " in no time",
                 " today", " if it takes all night")
# how a found thing lay ('lying behind the sofa'; 'in the grass by the mill')
LAY_HOME = ("", "lying ", "tucked away ", "hidden ", "sitting ", "safe and sound ", "quite forgotten ")
LAY_AWAY = ("", "lying ", "half hidden ", "in the grass ", "in the mud ", "under a bench ", "on the path ",
            "on a step ", "in a puddle ", "on a wall ", "in the gutter ")
WRAPPINGS = phrases("brown paper|tissue paper|a clean cloth|a linen napkin|newspaper|a spotted handkerchief|"
                    "an old tea towel|silver paper|a page of the parish magazine|greaseproof paper")
BOXES = phrases("a little basket|a cardboard box|a tin box|a paper bag|a wicker basket|an old hatbox|a string bag")
# the trades whose work makes a present ('two dozen large pineapples'); the others (a doctor's
# patients, a mason's gravestones) thank with one of PRESENTS
GIFT_TRADES = frozenset("baker farmer fisher weaver potter carpenter miller tailor painter gardener cook "
                        "merchant hunter brewer cobbler clockmaker bookbinder beekeeper librarian innkeeper "
                        "butcher grocer jeweller shepherd".split())
PRESENTS = phrases("a jar of honey|a pot of jam|a bunch of flowers|a basket of eggs|a seed cake|a bottle of "
                   "elderflower wine|a box of chocolates|a bag of apples|a pair of knitted gloves|a fruit cake|"
                   "a jar of pickled onions|a tin of toffee|a bag of humbugs|a posy of violets|a woollen scarf|"
                   "a basket of plums|a bottle of cordial|a pot of geraniums|a dozen eggs|a currant loaf|"
                   "a bunch of grapes|a jar of marmalade|a pound of butter|a wedge of cheese|a bag of walnuts|"
                   "a box of candied peel|a basket of strawberries|a game pie|a pot of chutney|a tin of shortbread")
THANKS = ("{0} was so {1} that {2} {gave|brought|made|handed} {3} {4}{5}.",
          "{1}, {0} {gave|brought|handed} {3} {4} to thank {6}{5}.",
          "{0} thanked {3} {warmly|again and again|with all {7} heart|over and over|a dozen times} and {gave|brought} "
          "{6} {4}{5}.")
LATER = ("Years later", "Months later", "Long afterwards", "Years afterwards", "Much later", "Decades later")
REMEMBERED = {True: ("remembered", "thought of", "talked about", "laughed about", "told the story of", "spoke of"),
              False: ("remembered", "thought of", "talked about", "sighed over", "thought sadly of", "spoke of")}


class Stories:
    """The story genre (third person, past tense)."""

    def __init__(self, world, vocab, people):
        self.world, self.v, self.people = world, vocab, people
        cfg = world.config
        cut = (lambda xs: list(xs)[: max(cfg.lexicon_size, 2)]) if cfg.lexicon_size else list
        self.t = Phrasebook(cfg.lexicon_size)
        self.daily = Episodes(world, vocab, self.t)
        self.episodes = Categorical(list(range(1, cfg.max_episodes + 1)), [k * k for k in range(1, cfg.max_episodes + 1)])
        self.success = {m: Categorical([True, False], [q, 1 - q]) for m, q in vocab.success.items()}
        self.years = Categorical([str(n) for n in range(2, 41)][: max(cfg.lexicon_size or 99, 2)])
        self._found: dict[tuple, Categorical] = {}
        self._reasons: dict[int, Categorical] = {}
        self._uniform_left: dict[int, Categorical] = {}
        self._by_age: dict[tuple, Categorical] = {}
        self._uniform = {n: Categorical(range(n)) for n in range(1, 60)}
        self.towns = Categorical(world.towns)
        self.cut = cut
        # clock times that fit a part of the day ('one evening, at 7.45', never 'at 2.05')
        self.time_of = {d: Categorical(cut(_clock(HOURS_OF[d]))) for d in HOURS_OF}
        timed = cut(EVERY_TIMED)
        plain = cut(EVERY_PLAIN)
        # 'Every Monday', 'Every Monday at 7.45', 'Twice a week': a clock time half the time it can take one
        every = list(timed) + list(plain)
        for x in timed:
            every += [f"{x} at {t}" for t in self.time_of[x.split()[-1] if x.endswith(("morning", "evening", "afternoon")) else "day"].items]
        n0 = len(timed) + len(plain)
        self.every = Categorical(every, [1.0] * n0 + [n0 / (len(every) - n0)] * (len(every) - n0))
        self.bought = Categorical(cut(BOUGHT))
        self.price = Categorical([str(n) for n in range(2, 61)][: max(cfg.lexicon_size or 99, 2)])
        looks = cut(PERSON_LOOKS)
        self.person_look = Categorical(looks, [8] + [1] * (len(looks) - 1))
        # after a character trait and a comma ('a clever, much-loved baker'): only words that coordinate
        looks = [x for x in looks if x not in ("local ", "good ", "fine ", "able ", "expert ", "excellent ")]
        self.second_look = Categorical(looks, [8] + [1] * (len(looks) - 1))
        self.house = Categorical([str(n) for n in range(1, 121)][: max(cfg.lexicon_size or 999, 2)])
        self.pet_when, self.hobby_when = Categorical(cut(PET_WHEN)), Categorical(cut(HOBBY_WHEN))
        self.talk_where = Categorical(cut(TALK_WHERE), [len(cut(TALK_WHERE))] + [1.0] * (len(cut(TALK_WHERE)) - 1))
        feats = [f", with {x}" for x in cut(FEATURES)]
        self.feature = Categorical([""] + feats, [len(feats) * 0.7] + [1.0] * len(feats))
        self.tops, self.whiles = Categorical(cut(TOPS)), Categorical(cut(WHILE))
        minutes = [f"within {n} minutes" for n in range(5, 60, 5)][: max(cfg.lexicon_size or 99, 2)]
        fixed = cut(("at once", "straight away", "within the hour"))
        self.came = Categorical(fixed + minutes, [1.0] * len(fixed) + [1.0] * len(minutes))
        hows = cut(SEARCH_HOW)
        self.search_how = Categorical(hows, [len(hows) / 3] + [1.0] * (len(hows) - 1))
        hows = cut(SAID_HOW)
        self.said_how = Categorical(hows, [len(hows) / 2] + [1.0] * (len(hows) - 1))
        self.listener = C.listeners(world.config.words)
        self.dialogue_open, self.dialogue_when = Categorical(cut(DIALOGUE_OPEN)), Categorical(cut(DIALOGUE_WHEN))
        self.lay = {False: Categorical(cut(LAY_HOME), [2] + [1] * (len(cut(LAY_HOME)) - 1)),
                    True: Categorical(cut(LAY_AWAY), [3] + [1] * (len(cut(LAY_AWAY)) - 1))}
        self.what_happened = dict(lost=Categorical(cut(("went missing", "vanished", "disappeared", "was lost",
                                                         "could not be found"))),
                                  broken=Categorical(cut(("broke", "was broken", "came to grief", "got broken",
                                                          "was smashed"))))
        self.remembered = {ok: Categorical(cut(x)) for ok, x in REMEMBERED.items()}
        self.keeps_up = {True: Categorical(cut(("visits now and then", "calls in on Sundays", "drops by for tea",
                                                "comes to supper once a month", "visits every spring",
                                                "looks in most weeks"))),
                         False: Categorical(cut(("writes now and then", "sends a card at Christmas",
                                                 "writes every spring", "sends a letter once a year",
                                                 "asks after the family", "writes on birthdays")))}
        self.d = Details(world, vocab, self.t, self.daily, self.years)
        looks = cut(GIVER_LOOKS)
        assert not {r.split()[0] for r in vocab.relative.items} & set(looks)
        self.giver = Categorical(vocab.relative.items + [f"{x} {r}" for r in vocab.relative.items for x in looks],
                                 [q / 2 for q in vocab.relative.probs] +
                                 [q / 2 / len(looks) for q in vocab.relative.probs for _ in looks])
        self._spot_index = {x: i for i, x in enumerate(vocab.spot.items)}
        self._uniform_spots = Categorical(range(max(len(vocab.spot) - 2, 1)))
        wraps = [f" wrapped in {x}" for x in cut(WRAPPINGS)] + [f" in {x}" for x in cut(BOXES)]
        self.wrap = Categorical([""] + wraps, [len(wraps)] + [1.0] * len(wraps))
        self.presents = Categorical(cut(PRESENTS))

    def _described(self, s, q) -> tuple[str, str]:
        """'a clever', 'much-loved innkeeper' (read 'a clever, much-loved innkeeper') or 'a clever', 'innkeeper'."""
        look = s.pick(self.second_look, WORD)
        return (f"{a(q.trait)}," if look else a(q.trait)), look + q.profession

    def _three(self, s, pair: tuple[str, str]) -> tuple[str, str]:
        """Two spots as they are, or (a third of the other spots, uniform, added): 'A, B' and 'C'. No
        spot has a comma, so the text tells which."""
        if len(self.v.spot) < 3 or not s.pick(_SOME, STRUCTURE):
            return pair
        out = sorted(self._spot_index[x] for x in pair)
        j = s.pick(self._uniform_spots, WORD)
        for e in out:
            j += j >= e
        return f"{pair[0]}, {pair[1]}", self.v.spot.items[j]

    def _ages(self, p, kind: str) -> Categorical:
        """Phrases that fit ``p``'s age (a fact of the world): the birthdays they have had, how long
        ago something could have happened, the ages they will reach. One pick per phrase list."""
        key = (kind, p.age, p.gender)
        c = self._by_age.get(key)
        if c is not None:
            return c
        cut, age = self.cut, p.age
        if kind == "occasion":  # ' on her tenth birthday', ' 12 years before', ' for Christmas', ''
            birthdays = [f" on {p.possessive} {o} birthday" for o in cut(ORDINALS) if AGES_OF[o] <= age]
            before = [f" {n} years before" for n in range(2, max(age - 4, 3))][: max(self.world.config.lexicon_size or 99, 2)]
            other = [x.format(P=p.possessive, S=p.subject) for x in cut(OCCASIONS)]
            parts = [[""], birthdays, before, other]
            share = [3, 2, 2, 2]
        elif kind == "ago":  # ' 12 years earlier' or nothing
            ago = [f" {n} years earlier" for n in range(2, max(min(age - 8, 41), 3))][: max(self.world.config.lexicon_size or 99, 2)]
            parts, share = [[""], ago], [1, 1]
        else:  # 'When she was 73' (older than now)
            parts = [[f"When {p.subject} was {n}" for n in range(age + 3, max(age + 4, 96))][: max(self.world.config.lexicon_size or 99, 2)]]
            share = [1]
        items, weights = [], []
        for xs, w in zip(parts, share):
            items += xs
            weights += [w / len(xs)] * len(xs) if xs else []
        c = self._by_age[key] = Categorical(items, weights)
        return c

    # ---- the first paragraph: who is who -----------------------------------------------------
    def intro_sentence(self, s, cast: Cast, p, seen: list[str] | None = None) -> str:
        tmpl = INTROS[s.pick(_INTRO, STRUCTURE)]
        years = s.pick(self.years, WORD) if "{3}" in tmpl else ""  # (only a template that says it picks it)
        where = (f"{s.pick(self.house, WORD)} {s.pick(self.daily.errands.streets[p.town], INFERENCE)}"
                 if "{4}" in tmpl else "")  # a street of the town just said
        look = a(s.pick(self.person_look, WORD) + p.profession)
        near = self.daily.visit(s, p.town, [] if seen is None else seen) if "{5}" in tmpl else ""  # (may come back)
        text = self.t(s, tmpl, "\0", look, p.town, years, where, near)
        who = cast.intro(p, True)
        return text.replace("\0", cap(who) if text.startswith("\0") else who)

    def usual(self, s, cast: Cast, p) -> str:
        """'Every Monday at 7.45 she glazes three blue jugs.' (the person's trade was just said)"""
        when, who, work = s.pick(self.every, WORD), cast.ref(p), self.v.work(s, p.profession, "third")
        if s.pick(_SOME, STRUCTURE):
            work += ", and then " + self.v.work(s, p.profession, "third")
        return f"{when} {who} {work}."

    def extra(self, s, cast: Cast, p, what: str) -> str:
        t = self.t
        if what == "pet":
            text = t(s, "{0} {had|kept|owned} {1} {2} {called|named} {3}", cap(cast.ref(p)),
                     a(s.pick(self.v.pet_looks, WORD)), p.pet, p.pet_name)
            if s.pick(_MOST, STRUCTURE):  # what the pet just said does: inference
                text += f", which {s.pick(self.pet_when, WORD)} {s.pick(self.v.pet_habits[p.pet], INFERENCE)}"
            return text + "."
        if what == "hobby":
            text = t(s, "{0} {loved|enjoyed|was fond of} {2} in {1} {spare|free} time", cap(cast.ref(p)),
                     p.possessive, p.hobby)
            doings = self.v.hobby_doings.get(p.hobby)
            if doings is not None and s.pick(_MOST, STRUCTURE):  # what the hobby just said is: inference
                text += f", and {s.pick(self.hobby_when, WORD)} {p.subject} {s.pick(doings, INFERENCE)}"
            return text + "."
        if s.pick(_TWO, STRUCTURE):
            return t(s, "{Everyone|People|Folk|The neighbours} in {0} {spoke of|talked about|remarked on} {1} {2}{3}.",
                     p.town, cast.poss(p), noun_of_quality(p.trait), s.pick(self.talk_where, WORD))
        return t(s, "{0} {1} was {well known|famous|much talked of|no secret} {in|all over|throughout|far beyond} {2}.",
                 cap(cast.poss(p)), noun_of_quality(p.trait), p.town)

    def second(self, s, cast: Cast, p):
        t = self.t
        if s.pick(_FRIEND, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            self.met = True
            text = t(s, "{0} {best|oldest|dearest|closest} friend was {1}, {2} {3} from {4}", cap(cast.poss(p)),
                     cast.intro(q), *self._described(s, q), q.town)
            return q, text + s.pick(self.feature, WORD) + "."
        q = s.pick(self.people.others(p), PERSON)
        self.met = False
        if s.pick(_TWO, STRUCTURE):
            when = t(s, "{One day|One morning|Once|One evening|One afternoon|One Sunday}")
        else:  # at a gathering somewhere
            when = f"At {s.pick(self.d.meeting, WORD)} in {s.pick(self.towns, WORD)},"
        text = t(s, "{0} {1} {met|ran into|got to know} {2}, {3} {4} from {5}", when, cast.ref(p), cast.intro(q),
                 *self._described(s, q), q.town)
        return q, text + s.pick(self.feature, WORD) + "."

    # ---- the third paragraph: a problem and help -------------------------------------------------
    def problem(self, s, cast: Cast, p, q, seen: list[str], season: str) -> tuple[list[str], dict]:
        v, t = self.v, self.t
        kind = s.pick(_PROBLEM, STRUCTURE)
        thing, noun = v.things.thing(s, kind)
        weather, daypart = s.pick(v.when_pair, WORD)
        k = s.pick(_AT, STRUCTURE)
        if k == 2:  # 'On 14 March, a windy morning, ' (the month is in the season said: inference)
            at = f"On {self.daily.date(s, season)}, {a(weather)} {daypart}, "
        else:
            tail = (f" in {s.pick(v.month_in[season], INFERENCE)}" if k != 1 else "") + \
                   (f", at {s.pick(self.time_of.get(daypart, v.time), INFERENCE)}" if k != 0 else "")
            at = t(s, "{One|Early one|Late one} {0} {1}{2}, ", weather, daypart, tail)
        who = cast.ref(p)
        if kind == "lost":
            first = t.one_of(s, LOST, who, p.possessive, thing)
        else:
            tmpl = BROKEN[s.pick(self._uniform[len(BROKEN)], STRUCTURE)]
            top = s.pick(self.tops, WORD) if "{3}" in tmpl else None
            first = t(s, tmpl, who, p.possessive, thing, top or "", s.pick(self.whiles, WORD) if "{4}" in tmpl else "")
        sents = [at + first + "."]
        gift = s.pick(_GIFT, STRUCTURE)
        if gift:  # who gave it, from where and when
            occasion = s.pick(self._ages(p, "occasion"), WORD)
            dated = "years" in occasion or "birthday" in occasion or "was small" in occasion
            sents.append(t(s, "It had been {a present|a gift} from {0} {1} in {2}{3}.", p.possessive,
                           s.pick(self.giver, WORD), s.pick(self.towns, WORD), occasion))
        elif s.pick(_TWO, STRUCTURE):  # where it was bought, and for how much
            bought, town, price, ago = (s.pick(self.bought, WORD), s.pick(self.towns, WORD),
                                        s.pick(self.price, WORD), s.pick(self._ages(p, "ago"), WORD))
            dated = bool(ago)
            sents.append(t(s, "{0} had bought it {1} in {2} for {3} {shillings|pence}{4}.", cap(p.subject),
                           bought, town, price, ago))
        else:
            dated = False
        searched = ()
        if s.pick(_TWO, STRUCTURE):  # where it had been: the spot last seen is searched, so not where it is found
            if kind == "lost":
                text, spot = self.d.last_seen(s, cast, p)
                searched = (spot,)
            else:
                text = self.d.stood(s, p, top, dated)  # where it fell from, if said; 'ever since' if its age was said
            sents.append(text)
        boast = s.pick(_BOAST, STRUCTURE)
        if boast == 0:
            sents.append(t(s, "It was {0} than any other {1} in {2}.", s.pick(v.better, WORD), noun, p.town))
        elif boast == 1:
            sents.append(t(s, "There was no {0} in {1} {2} than this one.", noun, p.town, s.pick(v.better, WORD)))
        if kind == "lost":
            pair = s.pick(v.spot_pair, WORD)
            searched += pair
            first, last = self._three(s, pair)
            searched += (last,)
            sents.append(t.one_of(s, SEARCHES, cap(cast.ref(p)), first, last, noun, s.pick(self.search_how, WORD)))
            if s.pick(_TWO, STRUCTURE):
                again = s.pick(v.spot_pair, WORD)
                w = self.daily.when(s, season)
                sents.append(cap(f"{w} " * bool(w) + t.one_of(s, SEARCHES2, cast.ref(p), *again,
                                                              s.pick(self.search_how, WORD))))
                searched += again
        asker = s.pick(self._uniform[4], STRUCTURE)  # (only the chosen phrasing makes picks)
        if asker == 0:
            sents.append(t(s, "{So|In the end|Before long} {0} asked {1} {for help|to help|to come and help}.",
                           cast.ref(p), cast.ref(q, False)))
        elif asker == 1:
            sents.append(t(s, "{0} {offered to help|offered at once to help|offered to lend a hand|said {1} would help}.",
                           cap(cast.ref(q)), q.subject))
        elif asker == 2:
            sents.append(t(s, "{0} went to fetch {1}, who came {2}.", cap(cast.ref(p)), cast.name(q),
                           s.pick(self.came, WORD)))
        else:  # past a landmark of the town (remembered: the thing may turn up there)
            sents.append(t(s, "{0} {hurried|ran|walked} {1} to fetch {2}.", cap(cast.ref(p)),
                           self.daily.visit(s, p.town, seen, True), cast.name(q)))
        if asker != 1 and s.pick(_TWO, STRUCTURE):  # how the helper came, and what they brought
            sents.append(self.d.arrival(s, cast, p, q, kind, noun))
        if s.pick(_DIALOGUE, STRUCTURE):
            sents.append(t(s, '"{0}, I will {1} your {2}{3}," {4} {said|cried|promised|declared}{5}.',
                           s.pick(self.dialogue_open, WORD), "find" if kind == "lost" else "mend", noun,
                           s.pick(self.dialogue_when, WORD), cast.ref(q), s.pick(self.said_how, WORD)))
        manner = s.pick(v.manner_of[q.trait], INFERENCE)  # leans on the helper's character, said earlier
        if kind == "lost":
            pair = s.pick(v.spot_pair, WORD)
            a1, a2 = self._three(s, pair)
            searched += pair + (a2,)
            sents.append(t(s, "{0} {1} {searched|looked|hunted|felt about} {2} and {3} {4}.", cap(cast.ref(q)), manner,
                           a1, a2, s.pick(v.until, WORD)))
        else:
            sents.append(t(s, "{0} {1} {worked on it|set to work on it|took it apart and cleaned it|got out the glue "
                              "and worked|sat down with it|bent over it|tinkered with it|worked away at it|laboured over it} {2}.", cap(cast.ref(q)), manner, s.pick(v.until, WORD)))
        return sents, dict(problem=kind, thing=thing, noun=noun, manner=manner, gift=gift, weather=weather,
                           daypart=daypart, searched=searched)

    # ---- the last paragraphs: how it ended, and what was remembered ---------------------------------
    def found_where(self, s, seen: list[str], searched: tuple) -> tuple[str, bool]:
        """Somewhere ``seen`` earlier (inference: the text said it) or a spot at home not yet searched;
        and whether it was away from home."""
        n = len(seen)
        if n:
            if n not in self._found:
                self._found[n] = Categorical(list(range(n)) + [None], [_FOUND_AWAY / n] * n + [1 - _FOUND_AWAY])
            i = s.pick(self._found[n], INFERENCE)
            if i is not None:
                return f"{s.pick(self.v.near, WORD)} {seen[i]}", True
        # one of the spots nobody searched, uniform: an index among the others, mapped past the searched ones
        out = sorted({self._spot_index[x] for x in searched if x in self._spot_index})
        n = len(self.v.spot) - len(out)
        if n < 1:
            return s.pick(self.v.spot, WORD), False
        if n not in self._uniform_left:
            self._uniform_left[n] = Categorical(range(n))
        j = s.pick(self._uniform_left[n], WORD)
        for e in out:
            j += j >= e
        return self.v.spot.items[j], False

    def reason(self, s, p, q, f: dict) -> str:
        """Why ``p`` thanked ``q``: one of the things the story said (which one is inference)."""
        doing = ("searching", "hunting", "looking") if f["problem"] == "lost" else ("working", "mending it", "taking such pains")
        reasons = [f"{x} so {f['manner']}" for x in self.cut(doing)] + [f"being so {q.trait}"]
        if q.town != p.town:
            reasons += [f"coming all the way from {q.town}", "coming so far"]
        if q.name == p.friend:
            reasons.append("being such a good friend")
        k = len(reasons)
        if k not in self._reasons:
            self._reasons[k] = Categorical(list(range(k)))
        return reasons[s.pick(self._reasons[k], INFERENCE)]

    def ending(self, s, cast: Cast, p, q, f: dict, seen: list[str]) -> tuple[list[str], bool]:
        v, t, noun = self.v, self.t, f["noun"]
        ok = s.pick(self.success[f["manner"]], INFERENCE)
        if ok:
            if f["problem"] == "lost":
                when, who = s.pick(v.at_last, WORD), cast.ref(q)
                where, away = self.found_where(s, seen, f["searched"])
                found = t(s, "{0} {1} {found|spotted|came upon|discovered|caught sight of} the {2} {3}{4}.", when, who, noun,
                          s.pick(self.lay[away], WORD), where)
            else:
                k = s.pick(_MENDED, STRUCTURE)
                if k == 0:
                    found = t(s, "{2} {0} {mended|fixed|repaired} the {1}, and it was {as good as new|better than "
                                 "before|like new again|stronger than ever|fit to use again}.", cast.ref(q), noun,
                              s.pick(v.at_last, WORD))
                elif k == 1:
                    found = t(s, "{0} mended the {1} so {well|neatly|cleverly|skilfully|carefully|finely} that "
                                 "{nobody|no one} could tell it had been broken.", cap(cast.ref(q)), noun)
                else:  # with what the trouble needs (the thing's class: inference)
                    found = t(s, "{0} {1} {mended|fixed|put right} the {2} with {3}.", s.pick(v.at_last, WORD),
                              cast.ref(q), noun, self.d.mend_kit(s, noun))
            if f["problem"] == "lost" and s.pick(_TWO, STRUCTURE):
                found += " " + self.d.cleaned(s, cast, p, noun)
            k = s.pick(self._uniform[len(THANKS)], STRUCTURE)
            who = cast.ref(p)
            feeling = s.pick(v.good, WORD) if k != 2 else ""
            to = cast.ref(q, False)
            # from the work of the trade the story has said (inference), if that work makes presents
            gift = v.goods(s, p.profession) if p.profession in GIFT_TRADES else s.pick(self.presents, WORD)
            sents = [found, t(s, THANKS[k], who if k == 1 else cap(who), feeling if k != 1 else cap(feeling),
                              p.subject, to, gift + s.pick(self.wrap, WORD),
                              " for " + self.reason(s, p, q, f) if s.pick(_MOST, STRUCTURE) else "", q.object,
                              p.possessive)]
            if s.pick(_SOME, STRUCTURE):
                sents.append(self.d.modesty(s, cast, q))
            if s.pick(_TWO, STRUCTURE):
                sents.append(self.d.supper(s, cast, p, q))
            if s.pick(_CODA, STRUCTURE):
                sents.append(t(s, "{From that day on|After that|Ever after|From then on}, {0} {kept|hid|stored} "
                                  "the {1} {2}.", cast.ref(p), noun, s.pick(v.spot, WORD)))
        else:
            lost = t(s, "{They never found the|Nobody ever saw the|That was the last of the|No one ever found the|Nobody ever found the} {0}", noun) \
                if f["problem"] == "lost" else t(s, "{Sadly|Alas|In the end|But}, the {0} could not be {mended|saved|put right|repaired}", noun)
            strong = s.pick(_STRONG[f["gift"]], INFERENCE)  # a lost gift hurts more
            feeling = s.pick(v.strong if strong else v.mild, WORD)
            sents = [t(s, "{0}, and {1} felt {2} for {3} {days|weeks|whole days|long weeks}.", lost, cast.ref(p), feeling,
                       s.pick(v.number, WORD))]
            if s.pick(_TWO, STRUCTURE):
                sents.append(self.d.another(s, cast, p, noun, self.bought))
            if s.pick(_SOME, STRUCTURE):
                sents.append(t(s, "{0} never {forgot|stopped missing} the {1}.", cap(cast.ref(p)), noun))
        return sents, ok

    def epilogue(self, s, cast: Cast, p, q, f: dict, ok: bool, seen: list[str]) -> list[str]:
        """Late sentences that restate the day of the problem in other words and recall a place."""
        if not s.pick(_EPILOGUE, STRUCTURE):
            return []
        t = self.t
        k = s.pick(_LATER, STRUCTURE)
        later = (s.pick(self.v.later, WORD) if k == 0 else f"{cap(s.pick(self.v.number, WORD))} years later" if k == 1
                 else s.pick(self._ages(p, "older"), WORD))
        weather = s.pick(self.v.weather_again[f["weather"]], INFERENCE)
        what = s.pick(self.what_happened[f["problem"]], WORD)
        if s.pick(_TWO, STRUCTURE):
            sents = [t(s, "{5}, {0} still {6} that {1} {2} when the {3} {4}.", cast.ref(p), weather, f["daypart"],
                       f["noun"], what, later, s.pick(self.remembered[ok], INFERENCE))]  # how it is remembered: inference
        else:  # whom the story was told to
            sents = [t(s, "{5}, {0} {still told|often told|would tell|liked to tell} {6} about that {1} {2} when the {3} {4}.",
                       cast.ref(p), weather, f["daypart"], f["noun"], what, later, s.pick(self.listener, WORD))]
        if seen and s.pick(_RECALL, STRUCTURE):  # which earlier place comes back: inference
            sents.append(t(s, "{Whenever|Each time} {0} {walked|went|cycled|hurried|wandered|drove} past {1}, {2} {thought of|remembered} "
                              "{that day|the {3}|that {4}}.", cast.ref(p), seen[s.pick(self._uniform[len(seen)], INFERENCE)],
                           p.subject, f["noun"], f["daypart"]))
        if s.pick(_STILL, STRUCTURE):
            sents.append(t(s, "{0} still {1} every {day|week|morning}, and {2} still {3}.", cap(cast.ref(p)),
                           self.v.work(s, p.profession, "third"), cast.ref(q),
                           s.pick(self.keeps_up[ok], INFERENCE)))  # friends who met again if it ended well
        if s.pick(_RECALL, STRUCTURE):
            sents.append(self.d.friends_after(s, cast, p, q))
        return sents

    def story(self, s, p) -> tuple[str, dict]:
        """The whole story about ``p`` (already picked); returns its text and fields."""
        v = self.v
        cast = Cast(s, [p])
        self.daily.new_story()
        season = s.pick(v.season, WORD)
        first = [cap(self.t.one_of(s, SETTINGS, season, p.town, s.pick(v.season_sky[season], WORD)))]
        seen: list[str] = []
        first.append(self.intro_sentence(s, cast, p, seen))
        extras = s.pick(_EXTRAS, STRUCTURE)
        first += [self.extra(s, cast, p, w) for w in extras]
        if s.pick(_TWO, STRUCTURE):  # a usual day of the trade just said: inference
            first.append(self.usual(s, cast, p))
        if s.pick(_TWO, STRUCTURE):  # where p lives (the landmark may come back later)
            first.append(self.d.home_sentence(s, cast, p, seen))
        q, sentence = self.second(s, cast, p)
        cast.people.append(q)
        first.append(sentence)
        if self.met and s.pick(_TWO, STRUCTURE):
            first.append(self.d.how_met(s, cast, p, q))
        if s.pick(_TWO, STRUCTURE):
            first.append(self.usual(s, cast, q))
        middle = [self.daily.episode(s, cast, (p, q), seen, extras, season)
                  for _ in range(s.pick(self.episodes, STRUCTURE))]
        trouble, f = self.problem(s, cast, p, q, seen, season)
        end, ok = self.ending(s, cast, p, q, f, seen)
        after = self.epilogue(s, cast, p, q, f, ok, seen)
        paragraphs = [" ".join(first), " ".join(middle), " ".join(trouble), " ".join(end), " ".join(after)]
        text = PARAGRAPH.join(x for x in paragraphs if x)
        fields = dict(person=p.name, other=q.name, ending="happy" if ok else "sad", season=season, **f)
        fields["searched"] = list(f["searched"])
        return text, fields
