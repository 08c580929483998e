"""Document generators: stories, facts, questions with answers, labelled stories, preference pairs.

Each generator makes every random decision through a :class:`~.sampler.Sampler`, so the sampler's
``log2p`` is the exact log-probability of the document. Every decision leaves a distinct mark in
the text (no two derivations give the same text; the tests check this on a small world), so this
is the probability of the text itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property

from . import lexicon
from .lexicon import article
from .sampler import Categorical, Sampler, zipf
from .world import ATTRIBUTES, Person, World

KINDS = ("story", "fact", "qa", "label", "preference")
KIND_WEIGHTS = (0.40, 0.25, 0.15, 0.10, 0.10)


@dataclass
class Document:
    """One document: its kind, its text, the exact log2-probability of the text, and its fields
    (the person it is about, the question and answer, the label, the preferred answer, ...)."""

    kind: str
    text: str
    log2p: float
    fields: dict = field(default_factory=dict)


def _a(word: str) -> str:
    return f"{article(word)} {word}"


# --- facts and answers: (attribute) -> list of templates -------------------------------------
# Templates take the person ``p`` and the value ``v`` of the attribute.

FACTS_BY_NAME = {
    "town": ["{p.name} lives in {v}.", "{p.name} comes from {v}.", "The home town of {p.name} is {v}."],
    "profession": ["{p.name} works as {av}.", "{p.name} is {av} by trade.",
                   "The {v} of {p.town} is called {p.name}."],
    "friend": ["{p.name}'s best friend is {v}.", "The best friend of {p.name} is {v}.",
               "{v} is the best friend of {p.name}."],
    "pet": ["{p.name} has {av}.", "{p.name} keeps {av} at home."],
    "colour": ["{p.name}'s favourite colour is {v}.", "{p.name} likes the colour {v} best."],
}
FACTS_BY_PRONOUN = {
    "town": ["{S} lives in {v}.", "{S} comes from {v}."],
    "profession": ["{S} works as {av}."],
    "friend": ["{P} best friend is {v}."],
    "pet": ["{S} has {av}."],
    "colour": ["{P} favourite colour is {v}."],
}
QUESTIONS = {
    "town": ["Where does {p.name} live?", "Which town is {p.name} from?"],
    "profession": ["What does {p.name} do for a living?", "What is {p.name}'s job?"],
    "friend": ["Who is {p.name}'s best friend?"],
    "pet": ["What pet does {p.name} have?"],
    "colour": ["What is {p.name}'s favourite colour?"],
}
_ARTICLED = {"profession", "pet"}


def fill(template: str, p: Person, attribute: str, value: str) -> str:
    av = _a(value) if attribute in _ARTICLED and value else value
    return template.format(p=p, v=value, av=av, S=p.gender.capitalize(), P=p.possessive.capitalize())


def short_answer(attribute: str, value: str) -> str:
    """The bare answer: 'Mirefold.', 'A baker.'"""
    text = _a(value) if attribute in _ARTICLED else value
    return text[0].upper() + text[1:] + "."


def full_answer(p: Person, attribute: str, value: str) -> str:
    """The answer as a complete sentence that names the person."""
    return fill(FACTS_BY_NAME[attribute][0], p, attribute, value)


def preference_score(world: World, person: Person, attribute: str, answer: str) -> int:
    """The stated rule of the preference data: a true answer beats a false one, and between two
    answers equally true a complete sentence that names the person beats a bare value.
    Score = 2 * true + complete."""
    value = world.value(person, attribute)
    true = answer in (short_answer(attribute, value), full_answer(person, attribute, value))
    return 2 * int(true) + int(person.name in answer)


class Generator:
    """Draws documents about one world. All distributions are built once here."""

    def __init__(self, world: World):
        self.world = world
        w = world.config.words
        s = world.config.zipf_s
        self.kind = Categorical(KINDS, KIND_WEIGHTS)
        self.person = zipf(world.people, s)
        self.attribute = Categorical(ATTRIBUTES)
        self.n_facts = Categorical([1, 2, 3], [0.5, 0.3, 0.2])
        self.subject = Categorical(["name", "pronoun"])
        self.answer_style = Categorical(["short", "full"], [0.6, 0.4])
        self.pair_type = Categorical([("true_full", "false_full"), ("true_short", "false_short"),
                                      ("true_full", "true_short"), ("true_short", "false_full")])
        self.order = Categorical(["A", "B"])
        self.intro = Categorical(range(3), [0.5, 0.25, 0.25])
        self.weather, self.daypart = zipf(w(lexicon.WEATHER), s), zipf(w(lexicon.DAYPARTS), s)
        self.found = Categorical(["found", "discovered"], [0.7, 0.3])
        self.event, self.object = zipf(w(lexicon.EVENTS), s), zipf(w(lexicon.OBJECTS), s)
        self.place, self.manner = zipf(w(lexicon.PLACES), s), Categorical(w(lexicon.MANNERS))
        self.work = Categorical(range(3), [0.5, 0.3, 0.2])
        self.friend_part = Categorical(range(3), [0.4, 0.3, 0.3])
        self.outcome = {m: Categorical(["happy", "sad"], [q, 1 - q]) for m, q in lexicon.MANNERS}
        self.ending = Categorical(range(2))
        self.joyful, self.sad = zipf(w(lexicon.JOYFUL), s), zipf(w(lexicon.SAD), s)
        self.relative = zipf(w(lexicon.RELATIVES), s)
        self.templates = {table: {a: Categorical(t) for a, t in table_.items()}
                          for table, table_ in (("name", FACTS_BY_NAME), ("pronoun", FACTS_BY_PRONOUN),
                                                ("question", QUESTIONS))}

    @cached_property
    def wrong_values(self) -> dict:
        return {a: {v: Categorical([u for u in self.world.values(a) if u != v])
                    for v in self.world.values(a)} for a in ATTRIBUTES}

    @functools.lru_cache(maxsize=None)
    def _attributes_except(self, used: tuple[str, ...]) -> Categorical:
        return Categorical([a for a in ATTRIBUTES if a not in used])

    # -- the kinds ------------------------------------------------------------------------------

    def story(self, s: Sampler) -> Document:
        p: Person = s.pick(self.person)
        friend = self.world.by_name[p.friend]
        S, pos = p.gender.capitalize(), p.possessive
        intro = s.pick(self.intro)
        sentences = [
            (f"{p.name} was {_a(p.profession)} in {p.town}.",
             f"In {p.town} there lived {_a(p.profession)} called {p.name}.",
             f"{p.name} worked as {_a(p.profession)} in {p.town}.")[intro]
        ]
        weather, daypart, found = s.pick(self.weather), s.pick(self.daypart), s.pick(self.found)
        (adj, verb, past), obj, place = s.pick(self.event), s.pick(self.object), s.pick(self.place)
        sentences.append(f"One {weather} {daypart}, {p.gender} {found} {_a(adj)} {obj} {place}.")
        work, (manner, _) = s.pick(self.work), s.pick(self.manner)
        sentences.append((f"{S} took it home and {past} it {manner}.",
                          f"{S} decided to {verb} it, and worked {manner}.",
                          f"{manner.capitalize()}, {p.gender} {past} it.")[work])
        part = s.pick(self.friend_part)
        if part == 1:
            sentences.append(f"{S} showed it to {pos} friend {friend.name}.")
        elif part == 2:
            sentences.append(f"Later {p.gender} told {friend.name} about it.")
        outcome, ending = s.pick(self.outcome[manner]), s.pick(self.ending)
        if outcome == "happy":
            joy = s.pick(self.joyful)
            if ending == 0:
                rel = s.pick(self.relative)
                sentences.append(f"{friend.name} was {joy}, because the {obj} had belonged to "
                                 f"{friend.possessive} {rel}.")
            else:
                sentences.append(f"In the end the {obj} was as good as new, and {p.first} was {joy}.")
        elif ending == 0:
            sentences.append(f"But it did not work, and {p.first} felt {s.pick(self.sad)}.")
        else:
            sentences.append(f"Sadly, {friend.name} said that the {obj} could not be saved.")
        fields = dict(person=p.name, event=adj, object=obj, manner=manner, ending=outcome)
        return Document("story", " ".join(sentences), 0.0, fields)

    def label(self, s: Sampler) -> Document:
        doc = self.story(s)
        label = doc.fields["ending"]
        return Document("label", f"{doc.text} Label: {label}.", 0.0, {**doc.fields, "label": label})

    def fact(self, s: Sampler) -> Document:
        p: Person = s.pick(self.person)
        sentences, attributes = [], []
        for i in range(s.pick(self.n_facts)):
            # each fact of a document is about a different attribute
            attribute = s.pick(self._attributes_except(tuple(attributes)))
            subject = "name" if i == 0 else s.pick(self.subject)
            template = s.pick(self.templates[subject][attribute])
            sentences.append(fill(template, p, attribute, self.world.value(p, attribute)))
            attributes.append(attribute)
        return Document("fact", " ".join(sentences), 0.0, dict(person=p.name, attributes=attributes))

    def _question(self, s: Sampler) -> tuple[Person, str, str]:
        p: Person = s.pick(self.person)
        attribute = s.pick(self.attribute)
        question = fill(s.pick(self.templates["question"][attribute]), p, attribute, "")
        return p, attribute, question

    def qa(self, s: Sampler) -> Document:
        p, attribute, question = self._question(s)
        value = self.world.value(p, attribute)
        style = s.pick(self.answer_style)
        answer = short_answer(attribute, value) if style == "short" else full_answer(p, attribute, value)
        fields = dict(person=p.name, attribute=attribute, question=question, answer=answer, value=value)
        return Document("qa", f"Question: {question} Answer: {answer}", 0.0, fields)

    def preference(self, s: Sampler) -> Document:
        p, attribute, question = self._question(s)
        true = self.world.value(p, attribute)
        better_kind, worse_kind = s.pick(self.pair_type)
        false = s.pick(self.wrong_values[attribute][true]) if worse_kind.startswith("false") else true

        def render(kind: str) -> str:
            v = true if kind.startswith("true") else false
            return short_answer(attribute, v) if kind.endswith("short") else full_answer(p, attribute, v)

        chosen, rejected = render(better_kind), render(worse_kind)
        better = s.pick(self.order)
        a, b = (chosen, rejected) if better == "A" else (rejected, chosen)
        text = f"Question: {question} Answer A: {a} Answer B: {b} Better: {better}."
        fields = dict(person=p.name, attribute=attribute, question=question,
                      chosen=chosen, rejected=rejected, better=better)
        return Document("preference", text, 0.0, fields)

    def document(self, s: Sampler, kind: str | None = None) -> Document:
        """One document (of ``kind``, or of a kind drawn from the mixture) with its log2p."""
        s.reset()
        doc = getattr(self, kind or s.pick(self.kind))(s)
        doc.log2p = s.log2p
        return doc
