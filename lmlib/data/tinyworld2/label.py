"""A classification task that needs more than one keyword, with a known Bayes-optimal accuracy.

A short account of someone's day out names three cues, each in many words: the weather (fine or
foul), the activity (outdoors or indoors) and the company (alone or with a friend). Whether the
day was good is a noisy function of all three together (rain spoils a walk but suits a museum),
so no single word decides it. The generator knows ``p(good | text)``: the cues are in the text and
the label is drawn from ``P_GOOD[cues]``; the best any classifier can do is ``max(p, 1 - p)``.
"""

from __future__ import annotations

from .sampler import INFERENCE, STRUCTURE, WORD, Categorical

FINE = ("sunny", "bright", "warm", "clear", "mild", "dry", "pleasant", "fair")
FOUL = ("rainy", "stormy", "wet", "windy", "grey", "cold", "foggy", "drizzly")
OUTDOORS = ("walked along the cliffs", "went for a picnic", "climbed the hill", "rowed on the lake",
            "visited the orchard", "cycled to the coast", "played cricket on the green", "fished by the weir")
INDOORS = ("visited the museum", "went to the theatre", "played cards at the inn", "read in the library",
           "watched a puppet show", "went to a concert", "looked round the gallery", "took tea at a cafe")
# p(good day | outdoors?, fine weather?, with a friend?)
P_GOOD = {(1, 1, 1): 0.95, (1, 1, 0): 0.8, (1, 0, 1): 0.3, (1, 0, 0): 0.05,
          (0, 1, 1): 0.5, (0, 1, 0): 0.25, (0, 0, 1): 0.85, (0, 0, 0): 0.6}


class Labels:
    def __init__(self, vocab, world):
        self.v, self.world = vocab, world
        self.weather = Categorical([(w, 1) for w in FINE] + [(w, 0) for w in FOUL])
        self.activity = Categorical([(x, 1) for x in OUTDOORS] + [(x, 0) for x in INDOORS])
        self.company = Categorical([0, 1])
        self.label = {k: Categorical(["good", "bad"], [q, 1 - q]) for k, q in P_GOOD.items()}
        self.order = Categorical(range(2))

    def label_doc(self, s, p) -> tuple[str, dict]:
        v = self.v
        (weather, fine), (activity, outdoors) = s.pick(self.weather, WORD), s.pick(self.activity, WORD)
        with_friend = s.pick(self.company, STRUCTURE)
        who = f"{p.first} and {self.world.friend_of(p).first}" if with_friend else f"{p.first}, alone,"
        day = s.pick(v.weekday, WORD)
        if s.pick(self.order, STRUCTURE):
            text = f"On {day} the weather in {p.town} was {weather}. {who} {activity}."
        else:
            text = f"On {day} {who} {activity}. The weather in {p.town} was {weather}."
        cues = (outdoors, fine, with_friend)
        label = s.pick(self.label[cues], INFERENCE)
        fields = dict(person=p.name, input=text, label=label, p_good=P_GOOD[cues],
                      outdoors=bool(outdoors), fine=bool(fine), with_friend=bool(with_friend))
        return f"{text} Label: {label}.", fields
