"""tinyworld 2, the frame of a story (introductions, the problem, the ending, the epilogue): its
lists, and sentences that must agree with each other and with the world."""

import re

import pytest

from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld import compose, details, lexicon, stories
from lmlib.data.tinyworld.sampler import Tally

LISTS = dict(
    PERSON_LOOKS=stories.PERSON_LOOKS, EVERY=stories.EVERY_TIMED + stories.EVERY_PLAIN, PET_WHEN=stories.PET_WHEN,
    HOBBY_WHEN=stories.HOBBY_WHEN, TALK_WHERE=stories.TALK_WHERE, FEATURES=stories.FEATURES, WHILE=stories.WHILE,
    SEARCH_HOW=stories.SEARCH_HOW, BOUGHT=stories.BOUGHT, GIVER_LOOKS=stories.GIVER_LOOKS, SAID_HOW=stories.SAID_HOW, ORDINALS=stories.ORDINALS,
    OCCASIONS=stories.OCCASIONS, DIALOGUE_OPEN=stories.DIALOGUE_OPEN, DIALOGUE_WHEN=stories.DIALOGUE_WHEN,
    LAY_HOME=stories.LAY_HOME, LAY_AWAY=stories.LAY_AWAY, WRAPPINGS=stories.WRAPPINGS, BOXES=stories.BOXES, LATER=stories.LATER,
    LISTENERS=compose.LISTENERS, ANOTHER_WHEN=details.ANOTHER_WHEN, FURNITURE=compose.FURNITURE,
    CONTAINERS=compose.CONTAINERS, ROOM_SPOTS=compose.ROOM_SPOTS,
)
SPOTS = set(compose.house_spots(list))


@pytest.fixture(scope="module")
def told():
    """(story text, its fields, the person it is about) for a few hundred stories of the default world."""
    gen = tw._generator(tw.WorldConfig())
    people = {p.name: p for p in gen.world.people}
    s, out = Tally(11), []
    for _ in range(700):
        s.reset()
        doc = gen.document(s, "story")
        out.append((doc.text, doc.fields, people[doc.fields["person"]]))
    return out


@pytest.mark.parametrize("name", sorted(LISTS))
def test_frame_lists_have_distinct_options(name):
    items = LISTS[name]
    assert len(set(items)) == len(items), f"{name} repeats an option (one text must have one derivation)"


def test_home_spots_are_distinct_and_never_a_place_in_town():
    spots = compose.house_spots(list)
    assert len(set(spots)) == len(spots) and len(spots) > 300
    assert not [x for x in spots if "," in x]  # 'A, B' and 'C' reads as three spots only if none has a comma
    landmarks = set(lexicon.LANDMARKS)
    assert not [x for x in spots if x.split()[-1] in landmarks]


def test_a_clock_time_fits_the_part_of_the_day(told):
    hours = stories.HOURS_OF
    n = 0
    for text, _, _ in told:
        for part, h in re.findall(r"\b(morning|afternoon|evening|night)(?: in [A-Z]\w+)?, at (\d+)\.\d\d", text):
            assert int(h) in hours[part], (part, h)
            n += 1
        for part, h in re.findall(r"Every (morning|afternoon|evening) at (\d+)\.\d\d", text):
            assert int(h) in hours[part], (part, h)
            n += 1
    assert n > 20


def test_a_broken_thing_stood_where_it_fell_from(told):
    n = 0
    for text, _, _ in told:
        fell = re.search(r"knocked (?:his|her) [a-z -]+? off the ([a-z ]+?)(?: while [a-z -]+)?\.", text)
        stood = re.search(r"It had (?:stood|sat|lived|always stood) on the ([a-z ]+?) in the ", text)
        if fell and stood:
            assert fell.group(1) == stood.group(1), text
            n += 1
    assert n > 3


def test_how_long_it_was_owned_is_said_once(told):
    for text, _, _ in told:
        for par in text.split(" ¶ "):
            if re.search(r"It had (?:stood|sat|lived|always stood) on the", par):
                if re.search(r"It had been a (?:present|gift) from [^.]*(?:\d+ years before|birthday)\.|"
                             r"had bought it [^.]*\d+ years earlier\.", par):
                    assert not re.search(r"It had (?:stood|sat|lived|always stood) on the [a-z ]+ for \d+ years", par), par


def test_a_birthday_gift_came_on_a_birthday_the_person_has_had(told):
    ages = stories.AGES_OF
    n = 0
    for text, _, p in told:
        for o in re.findall(r"on (?:his|her) ([a-z-]+) birthday\.", text):
            assert ages[o] <= p.age
            n += 1
    assert n > 3


def test_a_search_never_names_a_spot_twice_and_the_thing_turns_up_elsewhere(told):
    n = 0
    for text, f, _ in told:
        if f["problem"] != "lost":
            continue
        assert len(set(f["searched"])) >= 2
        for a, b, c in re.findall(r"(?:searched|looked|tried|looking|hunted|felt about) ([a-z ]+), ([a-z ]+),? "
                                  r"(?:and|and then|then) ([a-z ]+?)(?: but| in vain| until| for|\.|,)", text):
            assert len({a, b, c}) == 3, (a, b, c)
            n += 1
        found = re.search(r"(?:found|spotted|came upon|discovered|caught sight of) the [a-z -]+? "
                          r"(?:lying |tucked away |hidden |sitting |safe and sound |quite forgotten )?"
                          r"((?:in|on|under|behind|beside|underneath|inside|at the bottom of|among|down) [a-z ]+)\.", text)
        if found and found.group(1) in SPOTS:  # found at home: somewhere nobody had searched
            assert found.group(1) not in f["searched"], text
    assert n > 5


def test_stories_of_the_tiny_world_keep_distinct_texts_for_their_first_derivations():
    config = tw.WorldConfig(n_people=3, n_towns=2, lexicon_size=2, max_episodes=1, max_facts=1)
    texts = [d.text for d, _ in tw.derivations("story", config, limit=3000)]
    assert len(set(texts)) == len(texts)
