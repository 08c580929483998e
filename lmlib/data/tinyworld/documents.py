"""Documents of every kind, drawn from one mixture, each with its exact log-probability.

Every decision goes through the sampler with its category, so a document knows both ``log2p``
(the exact log-probability of its text: the grammar is unambiguous) and how many bits each kind
of decision cost (``bits``; they sum to ``-log2p``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .facts import Facts
from .genres import Genres
from .label import Labels
from .people import People
from .questions import Questions
from .sampler import CATEGORIES, PERSON, STRUCTURE, Categorical
from .stories import Stories
from .vocab import Vocab
from .world import World

KINDS = ("story", "letter", "news", "bio", "sheet", "qa", "retrieval", "preference", "label")
KIND_WEIGHTS = (0.40, 0.08, 0.08, 0.12, 0.05, 0.10, 0.05, 0.06, 0.06)
GENRES = ("story", "letter", "news")  # the narrative domains; the rest are tasks about the world


@dataclass
class Document:
    """One document: its kind, its text, the exact log2-probability of the text, the bits spent
    per category of decision (they sum to ``-log2p``) and its fields (the ground truth)."""

    kind: str
    text: str
    log2p: float
    fields: dict = field(default_factory=dict)
    bits: dict = field(default_factory=dict)


class Generator:
    """Draws documents about one world. All distributions are built once here."""

    def __init__(self, world: World):
        self.world = world
        self.vocab = Vocab(world.config)
        self.people = People(world)
        self.stories = Stories(world, self.vocab, self.people)
        self.genres = Genres(world, self.vocab, self.people, self.stories)
        self.facts = Facts(self.people, self.vocab, world.config.max_facts)
        self.questions = Questions(world, self.people, self.vocab)
        self.labels = Labels(self.vocab, world)
        self.kind = Categorical(KINDS, KIND_WEIGHTS)
        about = {"story": self.stories.story, "letter": self.genres.letter, "news": self.genres.news,
                 "bio": self.facts.bio, "sheet": self.facts.sheet, "label": self.labels.label_doc}
        self.make = {k: (lambda s, f=f: f(s, s.pick(self.people.anyone, PERSON))) for k, f in about.items()}
        self.make.update(qa=self.questions.qa, retrieval=self.questions.retrieval,
                         preference=self.questions.preference)

    def document(self, s, kind: str | None = None) -> Document:
        """One document (of ``kind``, or of a kind drawn from the mixture) with its log2p and bits."""
        s.reset()
        kind = kind or s.pick(self.kind, STRUCTURE)
        text, fields = self.make[kind](s)
        return Document(kind, text, s.log2p, fields, dict(zip(CATEGORIES, s.bits)))
