"""English inflection and derivation by rule, with a table of exceptions.

Nouns take a plural, verbs a third person singular, a past, a past participle and a present
participle, adjectives a comparative, a superlative and an adverb (``-ly``). The rules are the
regular ones of English spelling; the words that break them are listed in ``IRREGULAR_*``.
"""

from __future__ import annotations

import functools

VOWELS = "aeiou"

IRREGULAR_PLURALS = dict(
    child="children", man="men", woman="women", mouse="mice", goose="geese", foot="feet",
    tooth="teeth", sheep="sheep", fish="fish", deer="deer", knife="knives", loaf="loaves",
    leaf="leaves", shelf="shelves", wolf="wolves", scarf="scarves", calf="calves", half="halves",
    potato="potatoes", tomato="tomatoes", hero="heroes", person="people", ox="oxen", roof="roofs",
    chief="chiefs", bread="bread", cheese="cheese", soup="soup", honey="honey", jam="jam", butter="butter",
    milk="milk", tea="tea", porridge="porridge", thief="thieves", wife="wives", life="lives", salmon="salmon", trout="trout",
    cod="cod", mackerel="mackerel", plaice="plaice", grouse="grouse", woodcock="woodcock", pike="pike",
)

# base: (past, past participle)
IRREGULAR_VERBS = dict(
    be=("was", "been"), have=("had", "had"), do=("did", "done"), go=("went", "gone"),
    make=("made", "made"), take=("took", "taken"), give=("gave", "given"), find=("found", "found"),
    lose=("lost", "lost"), buy=("bought", "bought"), bring=("brought", "brought"),
    sell=("sold", "sold"), tell=("told", "told"), say=("said", "said"), see=("saw", "seen"),
    come=("came", "come"), know=("knew", "known"), think=("thought", "thought"),
    get=("got", "got"), put=("put", "put"), keep=("kept", "kept"), leave=("left", "left"),
    feel=("felt", "felt"), meet=("met", "met"), run=("ran", "run"), sit=("sat", "sat"),
    stand=("stood", "stood"), write=("wrote", "written"), read=("read", "read"),
    sing=("sang", "sung"), swim=("swam", "swum"), ride=("rode", "ridden"), drive=("drove", "driven"),
    build=("built", "built"), break_=("broke", "broken"), fall=("fell", "fallen"),
    forget=("forgot", "forgotten"), hide=("hid", "hidden"), hold=("held", "held"),
    catch=("caught", "caught"), teach=("taught", "taught"), fight=("fought", "fought"),
    draw=("drew", "drawn"), grow=("grew", "grown"), throw=("threw", "thrown"), fly=("flew", "flown"),
    blow=("blew", "blown"), sew=("sewed", "sewn"), sweep=("swept", "swept"), spin=("spun", "spun"),
    weave=("wove", "woven"), dig=("dug", "dug"), cut=("cut", "cut"), shut=("shut", "shut"),
    set=("set", "set"), let=("let", "let"), hang=("hung", "hung"), wear=("wore", "worn"),
    tear=("tore", "torn"), bend=("bent", "bent"), lend=("lent", "lent"), send=("sent", "sent"),
    spend=("spent", "spent"), mend=("mended", "mended"), feed=("fed", "fed"), lead=("led", "led"),
    light=("lit", "lit"), win=("won", "won"), begin=("began", "begun"), drink=("drank", "drunk"),
    eat=("ate", "eaten"), speak=("spoke", "spoken"), wake=("woke", "woken"), steal=("stole", "stolen"),
    freeze=("froze", "frozen"), shake=("shook", "shaken"), bite=("bit", "bitten"), sleep=("slept", "slept"),
    sweep_=("swept", "swept"), grind=("ground", "ground"), wind=("wound", "wound"), pay=("paid", "paid"),
    lay=("laid", "laid"), seek=("sought", "sought"), understand=("understood", "understood"),
    choose=("chose", "chosen"), forgive=("forgave", "forgiven"), shine=("shone", "shone"),
    strike=("struck", "struck"), shoe=("shod", "shod"), stick=("stuck", "stuck"), sting=("stung", "stung"),
    swing=("swung", "swung"), ring=("rang", "rung"), carve=("carved", "carved"),
    split=("split", "split"), shoot=("shot", "shot"), hear=("heard", "heard"), bind=("bound", "bound"),
)
IRREGULAR_VERBS = {k.rstrip("_"): v for k, v in IRREGULAR_VERBS.items()}
DOUBLING = set("stop plan shop drop chop grab hug jog knit pat pet rob rub scrub skip slip step "
               "tap trim trip wrap beg hop nod nap plug ship dip sip tug hum jam mop pin skin stir fit "
               "chat dab spot gut trap slam hem swap unwrap admit commit permit regret refer prefer "
               "cut dig put set sit spin split map run win swim begin shut let get hit forget strip clip "
               "whip fan tan pop bat rot sob wed chisel label level travel model signal tunnel quarrel shovel".split())

# base: (comparative, superlative)
IRREGULAR_ADJECTIVES = dict(good=("better", "best"), bad=("worse", "worst"), far=("farther", "farthest"),
                            little=("less", "least"), many=("more", "most"))
IRREGULAR_ADVERBS = dict(good="well", fast="fast", hard="hard", early="early", late="late",
                         true="truly", whole="wholly", shy="shyly", sly="slyly", dry="drily")


def plural(noun: str) -> str:
    """'box' -> 'boxes', 'city' -> 'cities', 'loaf' -> 'loaves'. Multi-word nouns inflect the head."""
    if " " in noun:
        head, _, rest = noun.partition(" of ")
        if rest:  # 'loaf of bread' -> 'loaves of bread'
            return f"{plural(head)} of {rest}"
        *mods, last = noun.split(" ")
        return " ".join(mods + [plural(last)])
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def _stem(verb: str, suffix: str) -> str:
    if verb.endswith("ie") and suffix == "ing":
        return verb[:-2] + "ying"
    if verb.endswith("e") and (suffix == "ed" or suffix[0] == "e" or not verb.endswith(("ee", "ye", "oe"))):
        return verb[:-1] + suffix
    if verb.endswith("y") and verb[-2] not in VOWELS and suffix == "ed":
        return verb[:-1] + "ied"
    if verb in DOUBLING:
        return verb + verb[-1] + suffix
    return verb + suffix


def third(verb: str) -> str:
    """'bake' -> 'bakes', 'carry' -> 'carries', 'have' -> 'has'."""
    if verb in ("have", "be", "do", "go"):
        return {"have": "has", "be": "is", "do": "does", "go": "goes"}[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        return verb + "es"  # 'wash' -> 'washes'
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"  # not the nouns' exceptions: the verb 'milk' -> 'milks'


def past(verb: str) -> str:
    return IRREGULAR_VERBS[verb][0] if verb in IRREGULAR_VERBS else _stem(verb, "ed")


def participle(verb: str) -> str:
    return IRREGULAR_VERBS[verb][1] if verb in IRREGULAR_VERBS else _stem(verb, "ed")


def gerund(verb: str) -> str:
    """'bake' -> 'baking', 'tie' -> 'tying', 'knit' -> 'knitting'."""
    if verb in ("be", "see", "flee", "agree"):
        return verb + "ing"
    return _stem(verb, "ing")


def phrase(verb_phrase: str, form) -> str:
    """Inflect the first word of a verb phrase: phrase('bake bread', past) -> 'baked bread'."""
    head, _, rest = verb_phrase.partition(" ")
    return f"{form(head)} {rest}" if rest else form(head)


def _short(adj: str) -> bool:
    return len(adj) <= 5 or adj.endswith("y") and len(adj) <= 6


def comparative(adj: str) -> str:
    """'old' -> 'older', 'happy' -> 'happier', 'careful' -> 'more careful'."""
    if adj in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[adj][0]
    if not _short(adj):
        return "more " + adj
    if adj.endswith("y") and adj[-2] not in VOWELS:
        return adj[:-1] + "ier"
    if adj.endswith("e"):
        return adj + "r"
    if len(adj) >= 3 and adj[-1] not in VOWELS + "wxy" and adj[-2] in VOWELS and adj[-3] not in VOWELS:
        return adj + adj[-1] + "er"  # big -> bigger
    return adj + "er"


def superlative(adj: str) -> str:
    """'old' -> 'oldest', 'happy' -> 'happiest', 'careful' -> 'most careful'."""
    if adj in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[adj][1]
    c = comparative(adj)
    return "most " + adj if c.startswith("more ") else c[:-1] + "st"


def adverb(adj: str) -> str:
    """'quick' -> 'quickly', 'happy' -> 'happily', 'gentle' -> 'gently' (derivation by -ly)."""
    if adj in IRREGULAR_ADVERBS:
        return IRREGULAR_ADVERBS[adj]
    if adj.endswith("y") and adj[-2] not in VOWELS:
        return adj[:-1] + "ily"
    if adj.endswith("le") and adj[-3] not in VOWELS:
        return adj[:-1] + "y"
    if adj.endswith("ic"):
        return adj + "ally"
    return adj + "ly"


IRREGULAR_QUALITIES = dict(shy="shyness", sly="slyness", dry="dryness", generous="generosity", curious="curiosity", honest="honesty", patient="patience",
                           brave="bravery", proud="pride", wise="wisdom", modest="modesty", bold="boldness", busy="busyness")


def noun_of_quality(adj: str) -> str:
    """'kind' -> 'kindness', 'happy' -> 'happiness' (derivation by -ness), 'wise' -> 'wisdom'."""
    if adj in IRREGULAR_QUALITIES:
        return IRREGULAR_QUALITIES[adj]
    return (adj[:-1] + "i" if adj.endswith("y") and adj[-2] not in VOWELS else adj) + "ness"


def article(phrase_: str) -> str:
    """'a' or 'an' before ``phrase_`` (by its first letter; 'hour' and 'unicorn' excepted)."""
    first = phrase_.split(" ", 1)[0]
    if first in ("hour", "honest", "heir"):
        return "an"
    if first.startswith(("uni", "use", "eu", "one", "ewe")):
        return "a"
    return "an" if first[0] in VOWELS else "a"


@functools.lru_cache(maxsize=1 << 16)
def a(phrase_: str) -> str:
    """'a key', 'an old key' (cached: it is called for nearly every noun phrase)."""
    return f"{article(phrase_)} {phrase_}"
