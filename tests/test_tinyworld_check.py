"""lmlib.data.tinyworld.check: the statements a text makes about the world's people, checked."""

import pytest

from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld.check import claims, invented_names
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
