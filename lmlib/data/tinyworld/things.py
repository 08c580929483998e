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


# more of each class: "verbs / nouns / looks / materials" (each new word fits every old one too)
_MORE = dict(
    crockery="stack|put away|unpack|wipe|fetch|buy|sell|examine|scrub|lay out / coffee cup|soup bowl|fruit bowl|"
             "cake stand|toast rack|cruet|salt cellar|pepper pot|tea bowl|cheese dish|sauce boat|bread plate|cake plate|"
             "water jug|flower vase|tea set|coffee pot|dinner service / flowered|gilt-edged|blue-and-white|"
             "rose-patterned|willow-pattern|fine|heavy|dainty|matching|odd|antique|treasured / porcelain|stoneware",
    clothes="darn|brush|shake out|sew|alter|sponge|starch|wear|fetch|buy|sell / blouse|frock|nightgown|dressing gown|"
            "sun hat|straw hat|beret|tippet|pinafore|jersey|sock|neckerchief|handkerchief|bow tie|mackintosh|raincoat|"
            "hood|sash|cravat|hat / spotted|patched|darned|frayed|shabby|smart|tatty|brand-new|second-hand|favourite|"
            "plain|pretty|crumpled|damp|dusty|moth-eaten|baggy|little / ",
    blades="hone|whet|polish|wipe|test|sell|buy|wash|dry / dagger|paper knife|fish knife|butter knife|cheese knife|"
           "fruit knife|pair of shears|pair of scissors|hunting knife|adze|drawknife / sharp|nicked|notched|shiny|bright|"
           "curved|broad|narrow|bone-handled|horn-handled|little|big|favourite|battered / ",
    tools="wash|dry|grease|repair|wipe|buy|sell|store|test|pack / screwdriver|pair of pliers|handsaw|hacksaw|"
          "spirit level|bradawl|gimlet|rasp|mattock|pickaxe|sledgehammer|stepladder|dibber|hand fork|pruning saw|"
          "lawn mower|wrench|pump / muddy|well-used|shiny|sturdy|dirty|clean|borrowed|favourite|worn|chipped|handy|"
          "short-handled / ",
    books="leaf through|flick through|open|study|shelve|put away|fetch|buy|sell|give away|hide|treasure / exercise book|"
          "recipe book|book of fairy tales|birthday book|autograph book|school reader|primer|grammar book|book of puzzles|"
          "book of riddles|joke book|bird book|book of ghost stories|book of sermons|road map|jotter|notepad|phrase book|"
          "book of recipes|book of stories|book of jokes|book of birds|book of prayers|book of songs|book of games|"
          "sketch pad|chapbook|penny dreadful|map of the county|book of wild flowers / "
          "damp|torn|faded|precious|tiny|fat|slim|shabby|handsome|much-read|second-hand|illustrated|treasured / gilt-edged",
    brass="wipe|buff|shine|hang|lift|sell|buy|admire|put away|scour / bed warmer|door handle|horse brass|oil lamp|bell|tray|"
          "umbrella stand|doorstop|candle snuffer|coal shovel|preserving pan|frying pan|ladle|ship's lantern|hand bell|"
          "letter rack|lamp stand / polished|burnished|antique|well-polished|ornate|plain|spotless|grimy|dusty|bright|"
          "favourite|small / bronze|nickel",
    furniture="varnish|clean|sell|buy|lift|drag|push|stain|restore|measure / armchair|chaise longue|ottoman|bureau|"
              "writing table|card table|tea table|side table|sofa|couch|pew|coat stand|towel horse|clothes horse|"
              "linen chest|footrest|tallboy|whatnot / battered|scratched|polished|shabby|antique|elegant|plain|carved|"
              "solid|worm-eaten|second-hand|favourite|dusty|tall / mahogany|maple|rosewood|teak|birch",
    music="sell|buy|wrap|repair|show off|admire|put away / oboe|bassoon|cornet|euphonium|tuba|trombone|French horn|viola|"
          "double bass|ukulele|zither|dulcimer|tambourine|recorder|fife|melodeon|penny whistle|xylophone|triangle|"
          "hurdy-gurdy / dented|scratched|polished|shiny|borrowed|favourite|treasured|antique|well-worn|much-played|"
          "dusty|out-of-tune / ",
    toys="repair|play with|share|clean|pack away|sell|admire|put away / tin soldier|wooden horse|Noah's ark|doll's house|"
         "jack-in-the-box|toy train|model ship|clockwork mouse|wooden duck|pull-along dog|rattle|box of bricks|pop-gun|"
         "cup-and-ball|paper kite|bag of marbles|paintbox|kaleidoscope|magic lantern|toy theatre|glove puppet / chipped|"
         "faded|tattered|tiny|splendid|cheap|precious|treasured|grubby|colourful|lopsided|home-made / ",
    vessels="scrub|clean|sell|buy|put away|fetch down|stow / water butt|milk can|oil can|trug|log basket|picnic basket|"
            "shopping basket|laundry basket|bread bin|tin box|tuck box|tool box|button box|sewing box|money box|deed box|"
            "ink bottle|stone jar|pickle jar|jam jar|demijohn|hip flask|butter churn|keg / dented|rusty|full|half-full|"
            "handy|spare|dusty|cracked|wide|deep|borrowed|sealed / ",
    keepsakes="cherish|show|examine|mend|look at|sell|buy|tuck away / tie clip|collar stud|shoe buckle|hair slide|"
              "hair comb|rosary|crucifix|medallion|amulet|talisman|string of beads|powder compact|scent bottle|"
              "vinaigrette|posy ring|watch key|silhouette / treasured|delicate|elegant|ornate|simple|well-worn|battered|"
              "gleaming|heavy|valuable|cheap|beloved|handsome|fine|engraved / jet|ivory|coral|bone|tortoiseshell|copper|pewter",
    bags="patch|sell|buy|borrow|dust|pick up / knapsack|holdall|portmanteau|valise|overnight bag|Gladstone bag|saddlebag|"
         "game bag|reticule|drawstring bag|string bag|duffel bag|attaché case|tobacco pouch|coin purse|writing case|"
         "sponge bag|laundry bag|beach bag|sewing bag / patched|faded|bulging|empty|light|roomy|handsome|cheap|dusty|"
         "muddy|borrowed|brand-new|travel-stained / velvet|tapestry|oilcloth|straw|suede|silk",
)


def _merge(old, more):
    out = []
    for a, b in zip(old, more):
        extra = tuple(x for x in b if x not in a)
        out.append(a + extra)
    return tuple(out)


CLASSES = {k: _merge(_spec(v), _spec(_MORE[k])) for k, v in _CLASSES.items()}


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
