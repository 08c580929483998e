"""Everyday things by kind, with the verbs, looks and materials that fit them (data and one sampler).

A class of things lists verbs that fit every one of its nouns ("sharpened a rusty axe", never
"sharpened a coat"), looks and materials that fit every noun ("a chipped china teapot", never
"a woollen candlestick"). ``verb + determiner + look + material + noun`` is drawn within one class,
so every phrase is sensible. Nouns are distinct across classes and no look is a material, so each
phrase has one derivation.
"""

from __future__ import annotations

from .inflect import article, phrase, plural
from .lexicon import phrases
from .sampler import WORD, Categorical

# class: "verbs (base) / nouns / looks / materials (may be empty)"
_CLASSES = dict(
    crockery="wash|dry|rinse|wrap|pack|dust|mend|glue|carry|admire|fill|set out / cup|teacup|saucer|teapot|"
             "milk jug|sugar bowl|butter dish|egg cup|soup tureen|gravy boat|vase|mixing bowl|serving dish|cream jug / "
             "chipped|cracked|old|new|pretty|little|big|plain|painted|delicate|favourite|spare / china|glass|earthenware|pewter",
    clothes="wash|mend|fold|air|hang up|pack|try on|lend|borrow|patch|iron|put away / scarf|shawl|cloak|apron|"
            "bonnet|cap|glove|mitten|stocking|cardigan|jumper|petticoat|nightshirt|waistcoat|smock|muffler / "
            "old|new|warm|thick|thin|faded|worn|clean|muddy|best|striped|checked / woollen|cotton|linen|silk|flannel",
    blades="sharpen|oil|clean|grind|carry|borrow|lend|hang up|wrap|put away|check|fetch / axe|sickle|scythe|"
           "chisel|hatchet|billhook|pruning knife|bread knife|carving knife|penknife|razor|kitchen knife|cleaver / "
           "blunt|rusty|old|new|heavy|light|spare|long|short|trusty|keen / steel|iron",
    tools="oil|clean|mend|carry|borrow|lend|hang up|put away|fetch|paint|check|scrape / hammer|mallet|rake|"
          "hoe|spade|trowel|shovel|pitchfork|garden fork|crowbar|spanner|wheelbarrow|watering can|mangle / "
          "rusty|old|new|heavy|light|spare|battered|trusty|big|little|long-handled|bent / iron|wooden|steel|tin",
    books="read|sort|dust|wrap|return|borrow|lend|pack|label|look through|mend|tidy away / diary|notebook|"
          "almanac|scrapbook|sketchbook|cookery book|picture book|prayer book|storybook|address book|"
          "guidebook|map|novel|book of hymns / old|new|thick|thin|battered|dog-eared|dusty|favourite|tattered|"
          "well-thumbed|little|borrowed / leather-bound|cloth-bound|paper-covered",
    brass="polish|clean|dust|carry|mend|move|fetch|wrap|hang up|rub down|take down|put back / candlestick|kettle|"
          "warming pan|door knocker|coal scuttle|poker|fender|jelly mould|bedpan|fire screen|dinner gong|"
          "ship's bell|toasting fork|saucepan / old|new|dented|tarnished|shiny|heavy|battered|little|big|gleaming|"
          "handsome|dull / brass|copper|iron|tin|pewter",
    furniture="move|paint|polish|mend|dust|carry|sand|scrub|wax|repair|shift|oil / chair|stool|footstool|table|"
              "bench|cradle|rocking chair|cabinet|wardrobe|settle|washstand|blanket box|coffer|hat stand|towel rail / "
              "old|new|rickety|sturdy|heavy|wobbly|creaky|painted|handsome|little|big|low / oak|pine|walnut|elm|beech|cherrywood",
    music="play|clean|polish|mend|carry|borrow|lend|dust|try|fetch|practise on|pack away / violin|fiddle|"
          "flute|harp|lute|drum|trumpet|tin whistle|guitar|banjo|mandolin|cello|clarinet|accordion|concertina|"
          "harmonica|bugle|piccolo / old|new|battered|fine|little|cheap|handsome|squeaky|shabby|precious|"
          "second-hand|beautiful / ",
    toys="mend|wrap|fetch|dust|hide|paint|tidy away|carry|lend|buy|give away|wash / doll|puppet|kite|ball|"
         "spinning top|rocking horse|hoop|yo-yo|teddy bear|toy boat|toy soldier|jigsaw|skipping rope|"
         "hobby horse|rag doll|toy drum / old|new|little|big|battered|favourite|painted|bright|shabby|"
         "much-loved|brand-new|funny / ",
    vessels="fill|empty|carry|fetch|pack|label|open|lift|move|wash out|stack|seal / basket|box|hamper|crate|"
            "trunk|sack|bucket|pail|jar|bottle|flask|biscuit tin|tea chest|hatbox|cash box|sea chest|"
            "wash tub|flour bin / old|new|big|small|heavy|empty|little|battered|sturdy|leaky|tall|squat / ",
    keepsakes="polish|clean|wrap|hide|admire|show off|put away|lend|fetch|wear|dust|treasure / locket|necklace|"
              "bracelet|medal|thimble|hairpin|hat pin|snuffbox|hand mirror|comb|watch fob|keepsake box|"
              "pendant watch|charm|cameo / old|little|tiny|precious|tarnished|shiny|pretty|dainty|lucky|"
              "favourite|antique|plain / gold|silver|brass|enamel",
    bags="pack|unpack|carry|mend|clean|empty|fill|polish|brush|fetch|hang up|lend / satchel|handbag|purse|"
         "wallet|haversack|rucksack|briefcase|suitcase|school bag|pouch|shopping bag|carpet bag|kitbag|"
         "doctor's bag|music case|tool bag / old|new|battered|worn|heavy|shabby|smart|little|big|favourite|"
         "scuffed|sturdy / leather|canvas|cloth|wicker",
)

# what a pair of determiners makes: 'the', 'a', 'some' and small numbers (everyday things)
# which classes a lost or a broken thing comes from ('dropped her china teapot and it cracked')
LOSABLE = ("keepsakes", "books", "toys", "bags", "music", "blades", "clothes")
BREAKABLE = ("crockery", "music", "toys")
DETERMINERS = ("the", "a", "some", "two", "three", "four", "a few", "several")


def _spec(text: str):
    verbs, nouns, looks, made = (p.strip() for p in text.split(" / "))
    return phrases(verbs), phrases(nouns), phrases(looks), phrases(made) if made else ()


CLASSES = {k: _spec(v) for k, v in _CLASSES.items()}


def _check(classes) -> None:
    nouns = [n for _, ns, _, _ in classes.values() for n in ns]
    assert len(set(nouns)) == len(nouns), "a noun of things belongs to one class"
    for _, ns, looks, made in classes.values():
        assert not set(looks) & set(made), "a look is never a material (one text, one derivation)"
        words = set(looks) | set(made) | {f"{x} {y}" for x in looks for y in made}
        for n in ns:  # 'egg cup' must not also read as a look 'egg' and the noun 'cup' of the same class
            assert not any(n.endswith(" " + m) and n[:-len(m) - 1] in words for m in ns)


_check(CLASSES)


def clashes(fixed: list[str], goods: set[str]) -> set[str]:
    """Nouns that a fixed phrase ('cleaned the flute') or a trade's good could also give: left out."""
    from .inflect import past
    verbs = {past(v.split()[0]) for vs, _, _, _ in CLASSES.values() for v in vs}
    out = set()
    for _, nouns, _, _ in CLASSES.values():
        for n in nouns:
            forms = (n, plural(n))
            if any(n == g or n.endswith(" " + g) or g.endswith(" " + n) for g in goods):
                out.add(n)
            elif any(x.split()[0] in verbs and x.endswith(forms) for x in fixed):
                out.add(n)
    return out


class Things:
    """Draws 'polished two tarnished brass candlesticks' (class, verb, determiner, look, material, noun)."""

    def __init__(self, words, exclude: set[str] = frozenset()):
        self.classes, names = [], []
        for name in words(list(CLASSES)):
            verbs, nouns, looks, made = CLASSES[name]
            nouns = [n for n in words(nouns) if n not in exclude]
            if not nouns:
                continue
            looks, made = words(looks), words(made)
            names.append(name)
            self.classes.append((
                words(verbs), Categorical(nouns),
                Categorical([""] + [x + " " for x in looks], [len(looks) / 2] + [1.0] * len(looks)),
                Categorical([""] + [x + " " for x in made], [max(len(made), 1)] + [1.0] * len(made))))
        self.kind = Categorical(range(len(self.classes)))
        self.trouble = {what: Categorical([k for k, n in enumerate(names) if n in group] or [0])
                        for what, group in (("lost", LOSABLE), ("broken", BREAKABLE))}
        dets = words(DETERMINERS)
        self.det = Categorical([(d, d not in ("the", "a")) for d in dets], ([4, 3, 1] + [0.5] * len(dets))[:len(dets)])
        self.plural = {n: plural(n) for _, ns, _, _ in self.classes for n in ns.items}
        self.nouns = set(self.plural)
        self._verbs: dict = {}

    def verbs(self, k: int, form) -> Categorical:
        c = self._verbs.get((k, form))
        if c is None:
            c = self._verbs[(k, form)] = Categorical([phrase(v, form) for v in self.classes[k][0]])
        return c

    def noun_phrase(self, s, k: int) -> str:
        """'two tarnished brass candlesticks' of class ``k`` (four word decisions)."""
        _, nouns, looks, made = self.classes[k]
        det, many = s.pick(self.det, WORD)
        rest = s.pick(looks, WORD) + s.pick(made, WORD)
        noun = s.pick(nouns, WORD)
        rest += self.plural[noun] if many else noun
        return f"{article(rest)} {rest}" if det == "a" else f"{det} {rest}"

    def doing(self, s, form) -> str:
        """'sharpened a rusty axe': a class, a verb that fits it, and one of its things."""
        k = s.pick(self.kind, WORD)
        return f"{s.pick(self.verbs(k, form), WORD)} {self.noun_phrase(s, k)}"

    def thing(self, s, trouble: str) -> tuple[str, str]:
        """A thing that can be lost or broken, and its noun: ('tarnished silver locket', 'locket')."""
        _, nouns, looks, made = self.classes[s.pick(self.trouble[trouble], WORD)]
        rest = s.pick(looks, WORD) + s.pick(made, WORD)
        noun = s.pick(nouns, WORD)
        return rest + noun, noun
