"""A classification task that needs more than one keyword, with a known Bayes-optimal accuracy.

A short account of someone's day out names three cues, each in many words: the weather (fine or
foul), the activity (outdoors or indoors) and the company (alone or with a friend). Whether the
day was good is a noisy function of all three together (rain spoils a walk but suits a museum),
so no single word decides it. The generator knows ``p(good | text)``: the cues are in the text and
the label is drawn from ``P_GOOD[cues]``; the best any classifier can do is ``max(p, 1 - p)``.
"""

from __future__ import annotations

from .sampler import INFERENCE, STRUCTURE, WORD, Categorical

FINE = ("sunny", "bright", "warm", "clear", "mild", "dry", "pleasant", "fair", "glorious", "lovely", "balmy",
        "perfect", "beautiful", "cloudless", "sunlit", "calm")
FOUL = ("rainy", "stormy", "wet", "windy", "grey", "cold", "foggy", "drizzly", "bleak", "dreary", "gusty", "sleety",
        "icy", "murky", "thundery", "freezing")
OUTDOORS = ("walked along the cliffs", "went for a picnic", "climbed the hill", "rowed on the lake",
            "visited the orchard", "cycled to the coast", "played cricket on the green", "fished by the weir",
            "picked blackberries in the lanes", "flew a kite on the downs", "walked in the woods", "sailed round the bay",
            "swam in the sea", "hiked over the moor", "sketched by the harbour", "played tennis in the park")
INDOORS = ("visited the museum", "went to the theatre", "played cards at the inn", "read in the library",
           "watched a puppet show", "went to a concert", "looked round the gallery", "took tea at a cafe",
           "played chess at the club", "went to the pictures", "visited the aquarium", "heard a lecture at the institute",
           "played billiards at the hotel", "sang in the church hall", "went to the swimming baths",
           "watched a play at the town hall")
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
        w = world.config.words
        # 'Monday', 'Monday morning', '5 June': when the day out was
        days = vocab.weekday.items + [f"{d} {x}" for d in vocab.weekday.items for x in w(("morning", "afternoon"))]
        self.day = Categorical(days + vocab.date.items, [1.0 / len(days)] * len(days) +
                               [1.0 / len(vocab.date.items)] * len(vocab.date.items))
        if world.config.lexicon_size:  # a tiny world stays small enough to enumerate
            self.day = Categorical(w(days))
        self.together = Categorical(w(("{0} and {1}", "{0} and {2} friend {1}", "{0}, with {1},")))
        self.alone = Categorical(w(("{0}, alone,", "{0}, all alone,", "{0}, quite alone,")))

    def label_doc(self, s, p) -> tuple[str, dict]:
        v = self.v
        (weather, fine), (activity, outdoors) = s.pick(self.weather, WORD), s.pick(self.activity, WORD)
        with_friend = s.pick(self.company, STRUCTURE)
        friend = self.world.friend_of(p).first
        who = s.pick(self.together, STRUCTURE).format(p.first, friend, p.possessive) if with_friend else \
            s.pick(self.alone, STRUCTURE).format(p.first)
        day = s.pick(self.day, WORD)
        where = f" in {p.town}" if s.pick(self.order, STRUCTURE) else ""
        if s.pick(self.order, STRUCTURE):
            text = f"On {day} the weather{where} was {weather}. {who} {activity}."
        else:
            text = f"On {day} {who} {activity}. The weather{where} was {weather}."
        cues = (outdoors, fine, with_friend)
        label = s.pick(self.label[cues], INFERENCE)
        fields = dict(person=p.name, input=text, label=label, p_good=P_GOOD[cues],
                      outdoors=bool(outdoors), fine=bool(fine), with_friend=bool(with_friend))
        return f"{text} Label: {label}.", fields
