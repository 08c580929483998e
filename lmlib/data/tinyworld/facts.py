"""Facts about people, each in several phrasings: biographies and fact sheets.

A fact is (person, attribute); its value comes from the world, so once the person and the
attribute are chosen the fact costs no bits: a model that has read about someone can predict it.
The same phrasings answer questions (:mod:`.questions`) and serve as retrieval evidence.
"""

from __future__ import annotations

from .cast import cap
from .inflect import a
from .sampler import INFERENCE, KNOWLEDGE, STRUCTURE, WORD, Categorical
from .world import ATTRIBUTES, Person

# {N}: the person's name, {S}/{P}: their pronoun / possessive (capitalised), {S2}/{P2}: 'she' / 'her' (object)
# inside a sentence, {v}: the value, {av}: 'a value', {pn}: the pet's name
PHRASINGS = {
    "town": ("{N} lives in {v}.", "{N} comes from {v}.", "The home town of {N} is {v}.", "{N} has a house in {v}.",
             "{N} makes a home in {v}.", "{v} is where {N} lives.", "{N} has lived in {v} for years.",
             "{N} is a resident of {v}.", "You will find {N} in {v}.", "{N} has made a home in {v}.",
             "{N} lives in the town of {v}.", "{N} settled in {v} long ago."),
    "profession": ("{N} works as {av}.", "{N} is {av} by trade.", "{N} earns a living as {av}.",
                   "{N} has a job as {av}.", "By trade, {N} is {av}.", "{N} has always worked as {av}.",
                   "{N} trained as {av}.", "{N} makes a living as {av}.", "{N} is employed as {av}.",
                   "{N} keeps busy as {av}.", "For a living, {N} works as {av}."),
    "friend": ("The best friend of {N} is {v}.", "{N} is best friends with {v}.", "{v} is the closest friend of {N}.",
               "{N} and {v} are the best of friends.", "Nobody is closer to {N} than {v}.",
               "{v} is the dearest friend of {N}.", "The closest friend {N} has is {v}.", "{N} is closest of all to {v}.",
               "{N} trusts nobody more than {v}."),
    "pet": ("{N} has {av} called {pn}.", "{N} keeps {av} named {pn}.", "The pet of {N} is {av} called {pn}.",
            "{N} owns {av} called {pn}.", "{N} looks after {av} named {pn}.", "{pn} is the {v} that belongs to {N}.",
            "{N} shares a home with {av} called {pn}.", "{N} takes good care of {av} called {pn}.",
            "At home, {N} has {av} named {pn}."),
    "hobby": ("{N} enjoys {v}.", "The favourite pastime of {N} is {v}.", "{N} spends every weekend on {v}.",
              "{N} loves {v}.", "{N} is very fond of {v}.", "The great love of {N} is {v}.", "{N} is keen on {v}.",
              "{N} likes nothing better than {v}.", "In spare hours {N} turns to {v}.", "{N} never tires of {v}."),
    "trait": ("{N} is known for being {v}.", "People say that {N} is very {v}.", "{N} is {av} person.",
              "Everyone agrees that {N} is {v}.", "{N} has always been {v}.", "Friends call {N} {v}.",
              "By nature {N} is {v}.", "Those who know {N} find {P2} {v}.", "{N} is thought to be very {v}."),
    "colour": ("The favourite colour of {N} is {v}.", "{N} likes {v} best of all colours.",
               "{N} loves the colour {v}.", "{v} is the favourite colour of {N}.", "Of all colours, {N} prefers {v}.",
               "The colour {N} likes most is {v}.", "{N} is fondest of the colour {v}.", "{N} would choose {v} over any colour."),
    "age": ("{N} is {v} years old.", "{N} was born {v} years ago.", "{N} is aged {v}.", "{N} is now {v}.",
            "{N} has turned {v}.", "{N} is {v} this year.", "The age of {N} is {v}.", "{N} is now {v} years of age.",
            "{N} has reached the age of {v}."),
}
PRONOUN_PHRASINGS = {
    "town": ("{S} lives in {v}.", "{S} comes from {v}.", "{S} has a house in {v}.", "{S} has lived in {v} for years.",
             "{S} is a resident of {v}.", "{S} makes a home in {v}.", "{P} home is in {v}."),
    "profession": ("{S} works as {av}.", "{S} is {av} by trade.", "{S} earns a living as {av}.", "{S} has a job as {av}.",
                   "{S} trained as {av}.", "{S} makes a living as {av}.", "By trade {S2} is {av}."),
    "friend": ("{P} best friend is {v}.", "{S} is best friends with {v}.", "{P} closest friend is {v}.",
               "{P} dearest friend is {v}.", "{S} is closest of all to {v}.", "{S} trusts nobody more than {v}."),
    "pet": ("{S} has {av} called {pn}.", "{S} keeps {av} named {pn}.", "{S} owns {av} called {pn}.",
            "{S} looks after {av} named {pn}.", "{S} shares a home with {av} called {pn}.",
            "{S} takes good care of {av} called {pn}."),
    "hobby": ("{S} enjoys {v}.", "{P} favourite pastime is {v}.", "{S} loves {v}.", "{S} is keen on {v}.",
              "{S} is very fond of {v}.", "{P} great love is {v}.", "{S} never tires of {v}."),
    "trait": ("{S} is known for being {v}.", "{S} is {av} person.", "{S} has always been {v}.", "{S} is {v} by nature.",
              "People say that {S2} is very {v}.", "Everyone agrees that {S2} is {v}."),
    "colour": ("{P} favourite colour is {v}.", "{S} likes {v} best of all colours.", "{S} loves the colour {v}.",
               "{S} prefers {v} to any other colour.", "{S} is fondest of the colour {v}.", "{P} best-loved colour is {v}."),
    "age": ("{S} is {v} years old.", "{S} was born {v} years ago.", "{S} is now {v}.", "{S} has turned {v}.",
            "{S} is aged {v}.", "{S} is {v} this year.", "{S} has reached the age of {v}."),
}
DETAILS = ("profession", "hobby", "pet", "trait", "town", "colour")
SHEET_LABELS = {"town": ("Home", "Town", "Lives in", "Home town"), "profession": ("Trade", "Occupation", "Job", "Work"),
                "friend": ("Best friend", "Closest friend", "Dearest friend", "Friend"),
                "pet": ("Pet", "Animal", "Keeps", "Pet animal"), "hobby": ("Hobby", "Pastime", "Interests", "Spare time"),
                "trait": ("Character", "Nature", "Temperament", "Known for being"),
                "colour": ("Favourite colour", "Colour", "Best-loved colour", "Likes the colour"),
                "age": ("Age", "Years", "Aged", "Years of age")}


def value(p: Person, attribute: str) -> str:
    return str(getattr(p, attribute))


def state(p: Person, attribute: str, template: str, name: str | None = None, v: str | None = None) -> str:
    """One fact about ``p`` in the phrasing ``template`` (``name`` for another form of the name;
    ``v`` for another value than the true one: a false fact, the way a wrong answer states it)."""
    v = value(p, attribute) if v is None else v
    return cap(template.format(N=name or p.name, S=p.subject.capitalize(), P=p.possessive.capitalize(), v=v,
                               av=a(v), pn=p.pet_name, S2=p.subject, P2=p.object))


def short_answer(p: Person, attribute: str) -> str:
    """The bare value: 'Gubury.', 'A baker.', 'A goat called Pip.'"""
    v = value(p, attribute)
    if attribute == "pet":
        return f"{cap(a(v))} called {p.pet_name}."
    return cap(a(v) if attribute == "profession" else v) + "."


class Facts:
    def __init__(self, people, vocab, max_facts: int = 6):
        self.people = people
        w = people.world.config.words  # (a tiny world keeps the first phrasings only)
        self.by_name = {k: Categorical(w(v)) for k, v in PHRASINGS.items()}
        self.by_pronoun = {k: Categorical(w(v)) for k, v in PRONOUN_PHRASINGS.items()}
        self.labels = {k: Categorical(w(v)) for k, v in SHEET_LABELS.items()}
        sizes = [n for n in (3, 4, 5, 6) if n <= max_facts] or [max_facts]
        self.n_facts = Categorical(sizes, [0.3, 0.3, 0.2, 0.2][:len(sizes)])
        self.subject = Categorical(["name", "pronoun", "first"], [0.3, 0.5, 0.2])
        self.opening = Categorical(range(3))
        self._rest: dict[tuple, Categorical] = {}
        self.daily = Categorical([False, True], [0.15, 0.85])
        self.every = Categorical(people.world.config.words(("day", "morning", "week", "evening", "Monday", "Saturday",
                                                             "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday",
                                                             "afternoon", "spring", "summer", "autumn", "winter")))
        self.vocab = vocab
        w = people.world.config.words
        # when a detail happened: 'Last Friday', 'Last Friday evening', 'On 5 June', 'One morning in May'
        weekdays, parts = vocab.weekday.items, w(("morning", "afternoon", "evening"))
        groups = [[f"Last {d}" for d in weekdays], [f"Last {d} {x}" for d in weekdays for x in parts],
                  [f"On {d}" for d in vocab.date.items], [f"One {x} in {m}" for x in parts for m in vocab.month.items]]
        self.when = Categorical([x for g in groups for x in g], [1.0 / len(g) for g in groups for _ in g])
        plain = [groups[0], groups[2]]  # a habit may name its own time of day ('baked three cakes in a morning')
        self.when_plain = Categorical([x for g in plain for x in g], [1.0 / len(g) for g in plain for _ in g])
        cfg = people.world.config
        self.sheet_head = Categorical(w(("Fact sheet.", "Record card.", "Profile.", "Register entry.", "Index card.",
                                         "Town record.", "Personal file.", "Census card.")))
        self.file_no = Categorical([str(n) for n in range(100, 1000)][: max(cfg.lexicon_size or 999, 2)])
        self.updated = Categorical(w(("Updated", "Last updated", "Checked", "Entered", "Revised")))
        self.year = Categorical([str(y) for y in range(1950, 1990)][: max(cfg.lexicon_size or 99, 2)])
        self.colour_things = Categorical(w(("front door", "coat", "scarf", "hat", "bicycle", "umbrella", "garden gate",
                                            "kitchen", "teapot", "bedroom", "jumper", "boat", "shawl", "cart",
                                            "garden bench", "best jacket")))
        self.found = Categorical(w(("can often be found", "is often seen", "likes to sit", "spends many hours",
                                    "is a familiar sight", "often stops to chat")))

    def attributes(self, s, n: int, first: tuple[str, ...] = ()) -> list[str]:
        """``n`` distinct attributes, in the order drawn (knowledge: which facts get told)."""
        chosen = list(first)
        while len(chosen) < n:
            key = tuple(sorted(chosen))
            if key not in self._rest:
                self._rest[key] = Categorical([x for x in ATTRIBUTES if x not in chosen])
            chosen.append(s.pick(self._rest[key], KNOWLEDGE))
        return chosen

    def detail(self, s, p: Person, attr: str) -> str:
        """A sentence that follows from the fact just stated: a day's work, a pastime, a pet's trick, a habit."""
        v = self.vocab
        if attr == "profession":
            return f"Every {s.pick(self.every, WORD)} {p.subject} {v.work(s, p.profession, 'third')}."
        if attr == "town":
            return f"{p.subject.capitalize()} {s.pick(self.found, WORD)} {s.pick(v.place, WORD)}."
        if attr == "colour":
            return f"{p.possessive.capitalize()} {s.pick(self.colour_things, WORD)} is {p.colour}."
        if attr == "hobby":
            return f"{s.pick(self.when, WORD)} {p.subject} {s.pick(v.hobby_doings[p.hobby], INFERENCE)}."
        if attr == "pet":
            return f"{s.pick(self.when, WORD)} {p.pet_name} {s.pick(v.pet_habits[p.pet], INFERENCE)}."
        return f"{s.pick(self.when_plain, WORD)} {p.subject} {s.pick(v.trait_habits[p.trait], INFERENCE)}."

    def bio(self, s, p: Person) -> tuple[str, dict]:
        """A short biography: a sentence that gives the gender, then facts by name or pronoun."""
        o = s.pick(self.opening, STRUCTURE)  # openings 0 and 2 already say the town
        attrs = self.attributes(s, s.pick(self.n_facts, STRUCTURE), first=("town",) if o != 1 else ())
        intro = (f"{p.title} {p.name} is {a(p.noun)} from {p.town}." if o == 0 else
                 f"This is the story of {p.title} {p.name}." if o == 1 else
                 f"{p.name} is {a(p.noun)} who lives in {p.town}.")
        sentences = [intro]
        for attr in attrs:
            if o != 1 and attr == "town":
                continue  # the opening said it
            how = s.pick(self.subject, STRUCTURE)
            if how == "pronoun":
                sentences.append(state(p, attr, s.pick(self.by_pronoun[attr], STRUCTURE)))
            else:
                name = p.name if how == "name" else p.first
                sentences.append(state(p, attr, s.pick(self.by_name[attr], STRUCTURE), name))
            if attr in DETAILS and s.pick(self.daily, STRUCTURE):  # what the stated fact lets one predict
                sentences.append(self.detail(s, p, attr))
        return " ".join(sentences), dict(person=p.name, attributes=attrs)

    def sheet(self, s, p: Person) -> tuple[str, dict]:
        """A fact sheet: labelled fields in any order, each label in one of two words."""
        attrs = self.attributes(s, s.pick(self.n_facts, STRUCTURE) + 1)
        rows = [f"{s.pick(self.labels[x], WORD)}: {short_answer(p, x)}" for x in attrs]
        head = s.pick(self.sheet_head, STRUCTURE)
        if s.pick(self.daily, STRUCTURE):
            head += f" No. {s.pick(self.file_no, WORD)}."
        tail = ""
        if s.pick(self.daily, STRUCTURE):
            tail = f" {s.pick(self.updated, WORD)}: {s.pick(self.vocab.date, WORD)} {s.pick(self.year, WORD)}."
        return f"{head} Name: {p.title} {p.name}. " + " ".join(rows) + tail, dict(person=p.name, attributes=attrs)
