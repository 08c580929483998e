"""Two more genres about the same world: letters between friends and news reports.

They use the same people, trades and things as stories, but another voice (first person and
second person; a reporter's past tense with quotations), so fine-tuning from one genre to
another is a real shift of domain.
"""

from __future__ import annotations

from .cast import Cast, cap
from .inflect import a, participle, phrase
from .sampler import INFERENCE, PERSON, STRUCTURE, WORD, Categorical
from .stories import PARAGRAPH

_GREETING = Categorical(["Dear", "My dear", "Hello"], [0.6, 0.25, 0.15])
_CLOSING = Categorical(["With love", "Your friend", "Best wishes", "Yours truly"])
_WEATHER_LINE = Categorical(range(2))
_NEWS_LINE = Categorical(range(3))
_ASK_HOBBY = Categorical([False, True], [0.4, 0.6])
_PET_LINE = Categorical([False, True], [0.5, 0.5])
_QUOTE = Categorical(range(2))
_TROUBLE = Categorical([False, True], [0.5, 0.5])
_WHO = Categorical(["friend", "other"], [0.6, 0.4])


class Genres:
    def __init__(self, world, vocab, people, stories):
        self.world, self.v, self.people, self.stories = world, vocab, people, stories

    def letter(self, s, p) -> tuple[str, dict]:
        """A letter from ``p`` to their best friend: it asks about the friend's life (knowledge)
        and tells of the writer's trade and of a problem with a thing, with its outcome."""
        v, q = self.v, self.world.friend_of(p)
        head = f"{p.town}, {s.pick(v.weekday, WORD)}. {s.pick(_GREETING, STRUCTURE)} {q.first},"
        first = ["I hope this letter finds you well."]
        if s.pick(_WEATHER_LINE, STRUCTURE):
            first.append(f"Here in {p.town} the weather has been {s.pick(v.weather, WORD)} all week.")
        acts = [s.pick(v.trade_past[p.profession], INFERENCE) for _ in range(2)]
        first.append(f"Last {s.pick(v.weekday, WORD)} I {acts[0]} and {acts[1]}, as a {p.profession} must.")
        second = []
        if s.pick(_PET_LINE, STRUCTURE):
            second.append(f"We have been eating {s.pick(v.foods, WORD)} every day.")
        if s.pick(_TROUBLE, STRUCTURE):
            thing, manner = s.pick(v.thing, WORD), s.pick(v.manner, WORD)
            noun = thing.rsplit(" ", 1)[-1]
            second.append(f"Then I broke my {thing}, so I mended it {manner}.")
            ok = s.pick(self.stories.success[manner], INFERENCE)
            second.append(f"Now the {noun} works as well as ever." if ok else f"Alas, the {noun} is still broken.")
        if s.pick(_ASK_HOBBY, STRUCTURE):
            verb, where = v.hobby[q.hobby]
            second.append(f"Do you still {verb} {where}?")
        if s.pick(_PET_LINE, STRUCTURE):
            second.append(f"Give my love to {q.pet_name}, your {q.pet}.")
        close = f"{s.pick(_CLOSING, STRUCTURE)}, {p.first}."
        parts = [head, " ".join(first), " ".join(second), close]
        return PARAGRAPH.join(x for x in parts if x), dict(person=p.name, to=q.name)

    def news(self, s, p) -> tuple[str, dict]:
        """A report of an event in ``p``'s town, a prize won there, a quotation, a second person."""
        v = self.v
        cast = Cast(s, [p])
        event = s.pick(v.news_event, WORD)
        line = s.pick(_NEWS_LINE, STRUCTURE)
        if line == 0:
            first = f"{cap(event)} was held in {p.town} on {s.pick(v.weekday, WORD)}."
        elif line == 1:
            first = f"Crowds came to {event} in {p.town} this {s.pick(v.season, WORD)}."
        else:
            first = f"{p.town} held {event} last {s.pick(v.weekday, WORD)}, in {s.pick(v.weather, WORD)} weather."
        act = s.pick(v.trade_base[p.profession], INFERENCE)
        second = [f"The first prize went to {cast.intro(p)}, {p.age}, {a(p.profession)} from {p.town}."]
        quote = s.pick(_QUOTE, STRUCTURE)
        second.append(
            f'"I have {phrase(act, participle)} every day for years," said {cast.ref(p)}.' if quote == 0 else
            f'"I am {s.pick(v.good, WORD)}," {cast.ref(p)} told this paper, "and now I must {act}."')
        if s.pick(_WHO, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            second.append(f"{cap(cast.poss(p))} best friend, {cast.intro(q)}, {s.pick(v.saying, WORD)} "
                          f"that {cast.ref(p)} had worked {s.pick(v.manner, WORD)} for weeks.")
        else:
            q = s.pick(self.people.others(p), PERSON)
            second.append(f"Second came {cast.intro(q)}, {a(q.profession)} from {q.town}.")
        third = [f"{cap(cast.ref(p))} was {s.pick(v.trade_gerund[p.profession], INFERENCE)} when the news came."]
        if s.pick(_TROUBLE, STRUCTURE):
            third.append(f"Later, {s.pick(v.news_problem, WORD)} {s.pick(v.place, WORD)} spoiled the afternoon.")
        official = s.pick(v.official, WORD)
        third.append(f"The {official} said that {event} would return next {s.pick(v.season, WORD)}.")
        text = PARAGRAPH.join([first, " ".join(second), " ".join(third)])
        return text, dict(person=p.name, other=q.name, event=event)
