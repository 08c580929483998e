"""tinyworld 2, the kinds that are not stories: letters, news, bios, sheets, questions, labels."""

import re

from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld import facts, label


def test_label_cue_lists_do_not_overlap_and_weather_is_one_word():
    assert not set(label.FINE) & set(label.FOUL)
    assert all(re.fullmatch(r"\w+", w) for w in label.FINE + label.FOUL)
    for x in label.OUTDOORS:  # an outdoor cue is never found inside an indoor one
        assert not any(x in y for y in label.INDOORS)
    assert not any(" and " in x or "the weather" in x for x in label.OUTDOORS + label.INDOORS)


def test_fact_phrasings_are_distinct_and_keep_their_first():
    for table in (facts.PHRASINGS, facts.PRONOUN_PHRASINGS):
        for attr, phrasings in table.items():
            assert len(set(phrasings)) == len(phrasings), attr
    assert facts.PHRASINGS["town"][0] == "{N} lives in {v}."  # what preference pairs state


def test_letters_and_news_name_their_people_and_dates():
    world = tw.default_world()
    for d in tw.generate(300, seed=21, kind="letter"):
        p, q = world.by_name[d.fields["person"]], world.by_name[d.fields["to"]]
        assert d.text.startswith(f"{p.town}, ") and f" {q.first}," in d.text and f", {p.first}." in d.text
        assert not re.search(r"\b(morning|afternoon|evening) at \d", d.text)
    for d in tw.generate(300, seed=22, kind="news"):
        p = world.by_name[d.fields["person"]]
        assert p.name in d.text and p.town in d.text


def test_sheets_and_bios_state_true_values():
    world = tw.default_world()
    for d in tw.generate(500, seed=23, kind="sheet"):
        p = world.by_name[d.fields["person"]]
        assert f"Name: {p.title} {p.name}." in d.text
        for x in d.fields["attributes"]:
            assert str(getattr(p, x)).lower() in d.text.lower()
    for d in tw.generate(500, seed=24, kind="bio"):
        p = world.by_name[d.fields["person"]]
        if "colour" in d.fields["attributes"]:
            assert p.colour in d.text.lower()
