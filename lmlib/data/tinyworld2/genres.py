"""Two more genres about the same world: letters between friends and news reports.

They use the same people, trades and things as stories, but another voice (first person and
second person; a reporter's past tense with quotations), so fine-tuning from one genre to
another is a real shift of domain.
"""

from __future__ import annotations

from .cast import Cast, cap
from .inflect import a, participle, past, phrase
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
_DAYS = Categorical([0, 1, 2, 3], [0.2, 0.35, 0.3, 0.15])
_WHOM = Categorical([False, True])


class Genres:
    def __init__(self, world, vocab, people, stories):
        self.world, self.v, self.people, self.stories = world, vocab, people, stories
        self.crowd = Categorical(list(range(2, 91))[: max(world.config.lexicon_size or 999, 2)])

    def letter(self, s, p) -> tuple[str, dict]:
        """A letter from ``p`` to their best friend: it asks about the friend's life (knowledge)
        and tells of the writer's trade and of a problem with a thing, with its outcome."""
        v, q = self.v, self.world.friend_of(p)
        t = self.stories.t
        head = f"{p.town}, {s.pick(v.date, WORD)}. {s.pick(_GREETING, STRUCTURE)} {q.first},"
        first = [t(s, "I hope this {letter|note} finds you {well|in good health|happy}.")]
        if s.pick(_WEATHER_LINE, STRUCTURE):
            since = f"since {s.pick(v.weekday, WORD)}" if s.pick(_WHOM, STRUCTURE) else ""  # (picked only if said)
            first.append(t(s, "Here in {0} the weather has been {1} " + ("{2}." if since else "{all week|for days}."),
                           p.town, s.pick(v.weather, WORD), since))
        acts = s.pick(v.trade_two[p.profession], INFERENCE)
        first.append(t(s, "{Last|On} {0} I {1}, as {any|every} {2} must.", s.pick(v.weekday, WORD), acts, p.profession))
        for _ in range(s.pick(_DAYS, STRUCTURE)):
            if s.pick(_WHOM, STRUCTURE):  # more of the trade the letter has named: inference
                first.append(t(s, "{On|Last} {0} I {1}{2}, as usual.", s.pick(v.weekday, WORD), s.pick(v.how, WORD),
                               s.pick(v.trade_past[p.profession], INFERENCE)))
                continue
            first.append(t(s, "{On|Last} {0} I {1}{2}{3}.", s.pick(v.weekday, WORD), s.pick(v.how, WORD),
                           v.things.doing(s, past),
                           f" for {s.pick(v.whom, WORD)}" if s.pick(_WHOM, STRUCTURE) else ""))
        second = []
        if s.pick(_PET_LINE, STRUCTURE):
            second.append(f"We have been eating {s.pick(v.foods, WORD)} every day.")
        if s.pick(_TROUBLE, STRUCTURE):
            (thing, noun), manner = v.things.thing(s, "broken"), s.pick(v.manner, WORD)
            second.append(t(s, "{Then|Sadly|Worse still} I {broke|cracked|dropped} my {0}, so I mended it {1} at {2}.",
                            thing, manner, s.pick(v.time, WORD)))
            ok = s.pick(self.stories.success[manner], INFERENCE)
            second.append(t(s, "Now the {0} {works|looks} as {well|good} as ever." if ok else
                            "{Alas|Sadly|Even so}, the {0} is still {broken|no use}.", noun))
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
        t = self.stories.t
        crowd = str(10 * s.pick(self.crowd, WORD))
        if line == 0:
            first = t(s, "{0} was held in {1} on {2}, and {about|nearly|more than} {3} people came.", cap(event),
                      p.town, s.pick(v.date, WORD), crowd)
        elif line == 1:
            first = t(s, "{Crowds|Visitors|Families} came to {0} in {1} on {2}: {about|nearly|more than} {3} of them.",
                      event, p.town, s.pick(v.date, WORD), crowd)
        else:
            first = t(s, "{0} held {1} on {2}, in {3} weather, {and|while} {4} people {watched|came|cheered}.", p.town,
                      event, s.pick(v.date, WORD), s.pick(v.weather, WORD), crowd)
        act = s.pick(v.trade_base[p.profession], INFERENCE)
        prize = t(s, "{, {0} pounds,| of {0} pounds}", str(s.pick(self.crowd, WORD))) if s.pick(_WHOM, STRUCTURE) else ""
        second = [f"The first prize{prize} went to {cast.intro(p)}, {p.age}, {a(p.profession)} from {p.town}."]
        if s.pick(_WHOM, STRUCTURE):  # what the winner showed follows from the trade just said: inference
            second.append(t(s, "{The winning entry was|The judges chose|Everyone admired} {0}.", v.goods(s, p.profession)))
        quote = s.pick(_QUOTE, STRUCTURE)
        second.append(
            f'"I have {phrase(act, participle)} every day for years," {cast.ref(p)} said.' if quote == 0 else
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
            third.append(t(s, "{0}, {1} {2} {spoiled|ruined|interrupted} the {afternoon|day|fun}.",
                           s.pick(v.at_last, WORD), s.pick(v.news_problem, WORD), s.pick(v.place, WORD)))
        official = s.pick(v.official, WORD)
        third.append(t(s, "The {0} {said|promised|announced} that {1} would {return|be back|come again} "
                          "{next|the following} {2}.", official, event, s.pick(v.season, WORD)))
        text = PARAGRAPH.join([first, " ".join(second), " ".join(third)])
        return text, dict(person=p.name, other=q.name, event=event)
