"""The words of tinyworld: word lists, ordered from common to rare, and a name generator.

Lists are ordered by intended frequency: the generator draws from them with Zipf weights, so the
first entries are common and the last ones rare. Names of people and towns come from a syllable
generator, which gives a long tail of rare words that a subword tokenizer must split.
"""

from __future__ import annotations

from .sampler import Categorical, Sampler

PROFESSIONS = (
    "baker farmer teacher fisher weaver potter carpenter miller smith tailor doctor painter "
    "shepherd gardener builder cook singer sailor merchant hunter brewer cobbler mason "
    "glassblower clockmaker bookbinder locksmith beekeeper candlemaker cartographer "
    "apothecary astronomer silversmith woodcarver ropemaker saddler tanner chandler "
    "falconer lamplighter"
).split()

PETS = "cat dog goat rabbit parrot horse owl tortoise goose hedgehog ferret donkey".split()

COLOURS = "red blue green yellow purple orange grey silver golden crimson amber violet".split()

# (adjective on the found object, verb for the plan, past tense of it)
EVENTS = (
    ("broken", "mend", "mended"),
    ("lost", "return", "returned"),
    ("dusty", "clean", "cleaned"),
    ("locked", "open", "opened"),
    ("torn", "sew", "sewed"),
    ("rusty", "polish", "polished"),
)

# how the person works, and the chance that the plan succeeds
MANNERS = (
    ("carefully", 0.9), ("patiently", 0.85), ("slowly", 0.75), ("quickly", 0.5),
    ("hastily", 0.3), ("carelessly", 0.15), ("clumsily", 0.1),
)

OBJECTS = (
    "lantern basket clock key box book bell kettle cup lamp chair coat hat ring bowl map "
    "jug bucket mirror drum violin flute compass spoon blanket cart wheel fiddle kite pipe "
    "brooch locket teapot ladder saddle anchor barrel candlestick chest trunk telescope "
    "spindle loom quilt scarf shawl harp lute bellows sundial hourglass inkwell quill "
    "satchel lantern-hook weathervane thimble tinderbox music-box spinning-top rocking-horse "
    "wheelbarrow birdcage snuffbox sextant astrolabe harpsichord"
).split()

WEATHER = (
    "grey sunny cold windy rainy bright quiet foggy warm misty stormy frosty chilly "
    "cloudless snowy damp golden drizzly blustery sweltering"
).split()

DAYPARTS = "morning evening afternoon night day dawn".split()

PLACES = (
    "near the old mill|by the river|in the market square|under a bridge|behind the bakery|"
    "at the edge of the forest|beside the well|on the village green|in a ditch|by the harbour|"
    "outside the church|in the attic|under a hedge|near the crossroads|in an abandoned barn|"
    "beneath the willow tree|at the bottom of the garden|among the reeds"
).split("|")

JOYFUL = (
    "overjoyed delighted grateful happy thrilled relieved amazed pleased jubilant ecstatic"
).split()

SAD = "sad unhappy disappointed heartbroken miserable gloomy upset downcast".split()

RELATIVES = "grandmother grandfather mother father aunt uncle sister brother cousin".split()

# --- names -------------------------------------------------------------------------------------

_ONSETS = "b br d dr f g gr h k l m n p r s st t th v w z c cl".split()
_NUCLEI = "a e i o u a e i o ai ea".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "th", "nd", "rt"]
_FEMININE = "a ine elle ara ia ette wen ys".split()
_MASCULINE = "o an ric ald us or in ert".split()
_SURNAME_ENDS = "son er well ford ley by wick sen holt wood ton".split()
_TOWN_ENDS = "mere fold haven dale bury moor stead brook vale combe".split()

_onset, _nucleus, _coda = Categorical(_ONSETS), Categorical(_NUCLEI), Categorical(_CODAS)


def _syllables(s: Sampler, n: int) -> str:
    return "".join(s.pick(_onset) + s.pick(_nucleus) + s.pick(_coda) for _ in range(n))


def first_name(s: Sampler, gender: str) -> str:
    ends = Categorical(_FEMININE if gender == "she" else _MASCULINE)
    stem = _syllables(s, s.pick(Categorical([1, 2], [0.6, 0.4])))
    return (stem + s.pick(ends)).capitalize()


def surname(s: Sampler) -> str:
    stem = _syllables(s, s.pick(Categorical([1, 2], [0.7, 0.3])))
    return (stem + s.pick(Categorical(_SURNAME_ENDS))).capitalize()


def town_name(s: Sampler) -> str:
    stem = _syllables(s, s.pick(Categorical([1, 2], [0.5, 0.5])))
    return (stem + s.pick(Categorical(_TOWN_ENDS))).capitalize()


def article(word: str) -> str:
    """'a' or 'an' before ``word``."""
    return "an" if word[0] in "aeiou" else "a"
