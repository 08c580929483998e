"""lmlib.data.tinyworld.check: the statements a text makes about the world's people, checked."""

import pytest

from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld.check import claims, invented_names, mentions, references
from lmlib.data.tinyworld.facts import PHRASINGS, state

WORLD = tw.default_world()


def test_every_named_phrasing_is_read_back_true_and_a_false_value_false():
    people = WORLD.people[:40]
    for attribute, templates in PHRASINGS.items():
        for k, template in enumerate(templates):
            if "{N}" not in template:
                continue
            p = people[k % len(people)]
            other = next(q for q in people if str(getattr(q, attribute)) != str(getattr(p, attribute)))
            true, = claims(state(p, attribute, template))
            assert (true.name, true.attribute, true.correct) == (p.name, attribute, True), template
            false, = claims(state(p, attribute, template, v=str(getattr(other, attribute))))
            assert false.attribute == attribute and false.known and not false.correct, template


def test_documents_that_state_facts_state_true_ones():
    # a bio states several facts; an answer is often a short phrase ('Answer: Calm.'), not a sentence
    for kind, per_doc in (("bio", 1.0), ("qa", 0.5), ("retrieval", 0.9)):
        docs = tw.generate(200, seed=8, kind=kind)
        found = [c for d in docs for c in claims(d.text)]
        assert len(found) >= per_doc * len(docs) and all(c.correct for c in found), kind


def test_false_statements_of_preference_answers_are_the_generators_count():
    # an independent reading of the answers: the rule's 'false' flaw is the number of false statements
    docs = tw.generate(600, seed=9, kind="preference")
    for d in docs:
        for side in ("chosen", "rejected"):
            wrong = sum(not c.correct for c in claims(d.fields[side]))
            assert wrong == d.fields[side + "_flaws"][0], d.fields[side]
    assert any(d.fields["rejected_flaws"][0] for d in docs)


def test_made_up_people_are_not_known_and_their_names_are_found():
    p, q = WORLD.people[0], WORLD.people[1]
    mixed = f"{p.first} {q.surname}"
    assert mixed not in WORLD.by_name
    c, = claims(f"{mixed} works as a painter.")
    assert not c.known and not c.correct
    text = f"{p.name} met {mixed} in High Street. Mr {q.surname} waved."
    assert invented_names(text) == [mixed]
    assert claims("He works as a painter. Boro mended the fence.") == []


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="text must be a string"):
        claims(["Boro Paton works as a painter."])


def _man_and_woman():
    world = tw.default_world()
    man = next(p for p in world.people if p.gender == "m")
    woman = next(p for p in world.people if p.gender == "f")
    return man, woman


def test_pronouns_are_checked_against_the_gender_of_the_person_named_last():
    man, woman = _man_and_woman()
    text = (f"{man.name} lives here. He is kind, and his dog likes him. "
            f"{woman.name} came by. She said that her cat was lost. He waved.")
    found = references(text)
    assert [(r.name, r.word.lower(), r.agrees) for r in found] == [
        (man.name, "he", True), (man.name, "his", True), (man.name, "him", True),
        (woman.name, "she", True), (woman.name, "her", True), (woman.name, "he", False)]
    assert found[-1].expected == "she"


def test_first_names_titles_nouns_and_ambiguous_pronouns():
    man, woman = _man_and_woman()
    text = (f"There lived a woman named {man.name}. {woman.name} met {man.first}. "
            f"She waved, while {man.first} smiled. {man.title} {man.surname} said she was late.")
    found = references(text)
    assert [(r.word, r.expected, r.agrees) for r in found] == [
        ("woman", "man", False),  # the noun of "a woman named ..." disagrees with the world
        ("she", "he", False)]  # "She waved, while X smiled": skipped; "Mr S said she": X's
    # nobody named, or a person the world does not know: no reference is resolved
    assert references("She smiled. Then Zzq Qqz came, and he left.") == []


def test_the_rule_agrees_with_the_corpus_where_one_person_is_spoken_of():
    docs = [d for d in tw.generate(400, seed=5) if d.kind in ("bio", "news")]
    found = [r for d in docs for r in references(d.text)]
    assert len(found) > 50
    assert sum(r.agrees for r in found) / len(found) > 0.85


def test_mentions_find_the_facts_a_document_uses_where_it_writes_them():
    docs = tw.generate(60, seed=3)
    world = tw.default_world()
    bio = next(d for d in docs if d.kind == "bio")
    found = mentions(bio)
    person = world.by_name[bio.fields["person"]]
    ours = {m.attribute for m in found if m.name == person.name}
    assert set(bio.fields["attributes"]) - {"pet"} <= ours | {"pet"}
    for m in found:
        assert bio.text[m.start:m.end].lower() == m.value.lower()
    assert [m.start for m in found] == sorted(m.start for m in found)
    label = next(d for d in docs if d.kind == "label")
    assert all(m.name == label.fields["person"] for m in mentions(label))
