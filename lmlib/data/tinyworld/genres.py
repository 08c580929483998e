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

_GREETING = Categorical(["Dear", "My dear", "Hello", "Dearest", "Hi", "Dear old", "My dearest", "Hello again",
                         "Dear friend"], [0.3, 0.14, 0.1, 0.1, 0.05, 0.08, 0.07, 0.06, 0.1])
_CLOSING = Categorical(["With love", "Your friend", "Best wishes", "Yours truly", "Love", "All my love",
                        "Your old friend", "Ever yours", "Yours ever", "Fondly", "Kind regards", "Warm wishes",
                        "With warmest wishes", "Your loving friend", "Affectionately", "Yours as always",
                        "With fond regards", "Until we meet", "Your faithful friend", "Much love"])
# the letter's first line: each opener begins with its own words
_OPENERS = ("I hope this {letter|note} finds you {well|in good health|happy|in good spirits|well and happy|cheerful}.",
            "Thank you for your {kind|long|lovely|cheerful|last|funny|welcome} {letter|note|card}.",
            "I was {0} to get your {letter|note|card} of {1}.",  # {1}: a day earlier in the same month
            "It has been {far too long|an age|many weeks|months|too long|a long time} since I last wrote.",
            "Forgive me for not writing {sooner|for so long|before now|last month}.",
            "At last I have {time|a quiet hour|a free evening|a moment} to {write|write to you|answer your letter}.")
_WEATHER_LINE = Categorical(range(2))
_NEWS_LINE = Categorical(range(5))
_ASK_HOBBY = Categorical([False, True], [0.4, 0.6])
_PET_LINE = Categorical([False, True], [0.5, 0.5])
_QUOTE = Categorical(range(5))
_TROUBLE = Categorical([False, True], [0.5, 0.5])
_WHO = Categorical(["friend", "other"], [0.6, 0.4])
_DAYS = Categorical([0, 1, 2, 3], [0.2, 0.35, 0.3, 0.15])
_WHOM = Categorical([False, True])
_YEAR = Categorical([False, True], [0.6, 0.4])
_POSTSCRIPT = Categorical([None, "write", "pet"], [0.5, 0.25, 0.25])
_OPENED = Categorical([None, "gates", "official"], [0.4, 0.3, 0.3])
_UNTIL = Categorical(["season", "date", "year"], [0.5, 0.3, 0.2])


class Genres:
    def __init__(self, world, vocab, people, stories):
        self.world, self.v, self.people, self.stories = world, vocab, people, stories
        cfg = world.config
        self.crowd = Categorical(list(range(2, 91))[: max(cfg.lexicon_size or 999, 2)])
        # how many came: a round number with a hedge ('about 460') or an exact count ('437')
        hedged = [f"{h} {10 * k}" for h in cfg.words(("about", "nearly", "more than", "some", "well over"))
                  for k in self.crowd.items]
        exact = [str(n) for n in range(21, 1000) if n % 10][: max(cfg.lexicon_size or 999, 2)]
        self.count = Categorical(hedged + exact, [0.6 / len(hedged)] * len(hedged) + [0.4 / len(exact)] * len(exact))
        self.glad = Categorical([x for x in vocab.good.items if " " not in x])  # 'I was delighted to get ...'
        self._cache: dict = {}
        # 'Monday', 'Monday evening': when the writer did something
        self.when = Categorical(vocab.weekday.items + [f"{d} {x}" for d in vocab.weekday.items
                                                       for x in cfg.words(("morning", "afternoon", "evening"))])
        self.openers = Categorical(cfg.words(_OPENERS))
        self.year = Categorical([str(y) for y in range(1950, 1990)][: max(cfg.lexicon_size or 99, 2)])

    def _days(self, key, days) -> Categorical:
        c = self._cache.get(key)
        if c is None:
            c = self._cache[key] = Categorical(days)
        return c

    def before(self, s, day: str, month: str) -> str:
        """A day earlier in the month of the letter ('3 November'), or 'last Monday' on the 1st."""
        d = int(day)
        if d == 1:
            return "last " + s.pick(self.v.weekday, WORD)
        return s.pick(self._days(("before", d, month), [f"{x} {month}" for x in range(1, d)]), WORD)

    def after(self, s, day: str, month: str) -> str:
        """'On 23 November' (later in the month of the letter), or 'Next Monday' on the 28th."""
        d = int(day)
        if d >= 28:
            return "Next " + s.pick(self.v.weekday, WORD)
        return s.pick(self._days(("after", d, month), [f"On {x} {month}" for x in range(d + 1, 29)]), WORD)

    def moment(self, s) -> str:
        """'Monday', 'Monday evening' or 'Monday at 6.15': when the writer did something."""
        when = s.pick(self.when, WORD)
        if " " in when:  # a part of the day is not also given a clock time ('evening at 2.10')
            return when
        return f"{when} at {s.pick(self.v.time, WORD)}" if s.pick(_TROUBLE, STRUCTURE) else when

    def letter(self, s, p) -> tuple[str, dict]:
        """A letter from ``p`` to their best friend: it asks about the friend's life (knowledge)
        and tells of the writer's trade and of a problem with a thing, with its outcome."""
        v, q = self.v, self.world.friend_of(p)
        t = self.stories.t
        date = s.pick(v.date, WORD)
        day, month = date.split(" ", 1)
        if s.pick(_YEAR, STRUCTURE):
            date += " " + s.pick(self.year, WORD)
        head = f"{p.town}, {date}. {s.pick(_GREETING, STRUCTURE)} {q.first},"
        opener = s.pick(self.openers, STRUCTURE)
        first = [t(s, opener, s.pick(self.glad, WORD), self.before(s, day, month)) if "{0}" in opener else t(s, opener)]
        if s.pick(_WEATHER_LINE, STRUCTURE):
            since = f"since {s.pick(v.weekday, WORD)}" if s.pick(_WHOM, STRUCTURE) else ""  # (picked only if said)
            first.append(t(s, "Here in {0} the weather has been {1} " + ("{2}." if since else "{all week|for days}."),
                           p.town, s.pick(v.weather, WORD), since))
        acts = s.pick(v.trade_two[p.profession], INFERENCE)
        if s.pick(_WHOM, STRUCTURE):
            first.append(t(s, "{Last|On} {0} I {1}, as {any|every} {2} must.", self.moment(s), acts, p.profession))
        else:
            first.append(t(s, "{Last|On} {0} I {1} {2}.", self.moment(s), acts, s.pick(v.until, WORD)))
        for _ in range(s.pick(_DAYS, STRUCTURE)):
            if s.pick(_WHOM, STRUCTURE):  # more of the trade the letter has named: inference
                first.append(t(s, "{On|Last} {0} I {1}{2}{, as usual|, as always|, as I do every week}.",
                               self.moment(s), s.pick(v.how, WORD),
                               s.pick(v.trade_past[p.profession], INFERENCE)))
                continue
            first.append(t(s, "{On|Last} {0} I {1}{2}{3}.", self.moment(s), s.pick(v.how, WORD),
                           v.things.doing(s, past),
                           f" for {s.pick(v.whom, WORD)}" if s.pick(_WHOM, STRUCTURE) else ""))
        second = []
        if s.pick(_PET_LINE, STRUCTURE):
            second.append(t(s, "{We have been eating|I have been living on|We have had} {0} {every day|all week|for weeks}.",
                            s.pick(v.foods, WORD)))
        if s.pick(_TROUBLE, STRUCTURE):
            (thing, noun), manner = v.things.thing(s, "broken"), s.pick(v.manner, WORD)
            second.append(t(s, "{Then|Sadly|Worse still} I {broke|cracked|dropped} my {0}, so I mended it {1} at {2}.",
                            thing, manner, s.pick(v.time, WORD)))
            ok = s.pick(self.stories.success[manner], INFERENCE)
            second.append(t(s, "Now the {0} {works|looks} as {well|good} as ever." if ok else
                            "{Alas|Sadly|Even so}, the {0} is still {broken|no use}.", noun))
        if s.pick(_WHOM, STRUCTURE):  # an event in the writer's town, on a date
            second.append(t(s, "{0} we have {1} here{|, and I mean to go|, and I hope you can come|; do come if you can}.",
                            self.after(s, day, month), s.pick(v.news_event, WORD)))
        if s.pick(_ASK_HOBBY, STRUCTURE):
            verb, where = v.hobby[q.hobby]
            second.append(t(s, "{Do you still|How often do you|Have you had time to} {0} {1}?", verb, where))
        if s.pick(_PET_LINE, STRUCTURE):
            second.append(t.one_of(s, ("{Give my love|Say hello|My love|Give my best} to {0}{, your {1}|}.",
                                       "How is {dear |little |old |}{0}{, your {1}|}?"), q.pet_name, q.pet))
        if s.pick(_WHOM, STRUCTURE):
            second.append(t(s, "I {hope|mean|plan|would love} to {see you|visit you|come and see you} "
                               "{in|early in|late in|before the end of} {0}.", s.pick(v.month, WORD)))
        close = f"{s.pick(_CLOSING, STRUCTURE)}, {p.first}."
        ps = s.pick(_POSTSCRIPT, STRUCTURE)
        if ps == "write":
            close += t(s, " P.S. {Write|Do write|Please write} {soon|back soon|when you can|and tell me everything}.")
        elif ps == "pet":
            close += f" P.S. My {p.pet} {p.pet_name} {s.pick(v.pet_habits[p.pet], INFERENCE)}."
        parts = [head, " ".join(first), " ".join(second), close]
        return PARAGRAPH.join(x for x in parts if x), dict(person=p.name, to=q.name)

    def news(self, s, p) -> tuple[str, dict]:
        """A report of an event in ``p``'s town, a prize won there, a quotation, a second person."""
        v = self.v
        cast = Cast(s, [p])
        event = s.pick(v.news_event, WORD)
        line = s.pick(_NEWS_LINE, STRUCTURE)
        t = self.stories.t
        date, crowd = s.pick(v.date, WORD), s.pick(self.count, WORD)
        if line == 0:
            first = t(s, "{0} was held in {1} on {2}, and {3} people came.", cap(event), p.town, date, crowd)
        elif line == 1:
            first = t(s, "{Crowds|Visitors|Families} came to {0} in {1} on {2}: {3} of them.", event, p.town, date, crowd)
        elif line == 2:
            first = t(s, "{0} held {1} on {2}, in {3} weather, {and|while} {4} people {watched|came|cheered}.", p.town,
                      event, date, s.pick(v.weather, WORD), crowd)
        elif line == 3:
            first = t(s, "On {0}, {1} people {went|came|flocked} to {2} in {3}.", date, crowd, event, p.town)
        else:
            first = t(s, "{0} drew {1} {people|visitors} to {2} on {3}.", cap(event), crowd, p.town, date)
        first = [first]
        opened = s.pick(_OPENED, STRUCTURE)
        if opened == "gates":
            first.append(t(s, "The {gates|doors|stalls} opened at {0}{| sharp}.", s.pick(v.time, WORD)))
        elif opened == "official":
            first.append(t(s, "The {0} {opened|started} the {day|proceedings|festivities} at {1}.", s.pick(v.official, WORD),
                           s.pick(v.time, WORD)))
        if s.pick(_WHOM, STRUCTURE):
            first.append(t(s, "{Stalls sold|There were stalls of|Visitors ate} {0}.", s.pick(v.two_foods, WORD)))
        prize = t(s, "{, {0} pounds,| of {0} pounds}", str(s.pick(self.crowd, WORD))) if s.pick(_WHOM, STRUCTURE) else ""
        second = [t(s, "{The first prize|First prize|The top prize|The main prize}{0} {went to|was won by|was awarded to} "
                       "{1}{, {2}, {3} from {4}|, {3} from {4}|, a local {5}|, {2}, a local {5}|, aged {2}, {3} from {4}}.",
                    prize, cast.intro(p), str(p.age), a(p.profession), p.town, p.profession)]
        if s.pick(_WHOM, STRUCTURE):  # what the winner showed follows from the trade just said: inference
            second.append(t(s, "{The winning entry was|The judges chose|Everyone admired} {0}.", v.goods(s, p.profession)))
        quote = s.pick(_QUOTE, STRUCTURE)
        if quote == 0:
            act = s.pick(v.trade_base[p.profession], INFERENCE)
            second.append(f'"I have {phrase(act, participle)} every day for years," {cast.ref(p)} said.')
        elif quote == 1:
            act = s.pick(v.trade_base[p.profession], INFERENCE)
            second.append(f'"I am {s.pick(v.good, WORD)}," {cast.ref(p)} told this paper, "and now I must {act}."')
        elif quote == 2:
            second.append(t(s, '"I {never expected|did not expect|could not believe} {this|it|to win}," {0} '
                               '{said|admitted|laughed|told us}.', cast.ref(p)))
        elif quote == 3:
            act = s.pick(v.trade_base[p.profession], INFERENCE)
            second.append(t(s, '"My secret is to {0} {every morning|every day|twice a day|before breakfast}," {1} said.',
                            act, cast.ref(p)))
        else:
            second.append(t(s, '"{It is|This is} the {best|happiest|proudest|finest} day of my life," {0} said.',
                            cast.ref(p)))
        if s.pick(_WHO, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            second.append(f"{cap(cast.poss(p))} best friend, {cast.intro(q)}, {s.pick(v.saying, WORD)} "
                          f"that {cast.ref(p)} had worked {s.pick(v.manner, WORD)} for weeks.")
        else:
            q = s.pick(self.people.others(p), PERSON)
            second.append(t(s, "{Second came|Second place went to|The runner-up was} {0}, {1} from {2}.", cast.intro(q),
                            a(q.profession), q.town))
        third = [t(s, "{0} was {1} when {the news came|the result was announced|this paper called|the judges came round}.",
                   cap(cast.ref(p)), s.pick(v.trade_gerund[p.profession], INFERENCE))]
        if s.pick(_TROUBLE, STRUCTURE):
            third.append(t(s, "{0}, {1} {2} {spoiled|ruined|interrupted} the {afternoon|day|fun}.",
                           s.pick(v.at_last, WORD), s.pick(v.news_problem, WORD), s.pick(v.place, WORD)))
        official = s.pick(v.official, WORD)
        until = s.pick(_UNTIL, STRUCTURE)
        when = (f"next {s.pick(v.season, WORD)}" if until == "season" else
                f"on {s.pick(v.date, WORD)} next year" if until == "date" else "next year")
        third.append(t(s, "The {0} {said|promised|announced} that {{1}|it} would {return|be back|come again} {2}.",
                       official, event, when))
        text = PARAGRAPH.join([" ".join(first), " ".join(second), " ".join(third)])
        return text, dict(person=p.name, other=q.name, event=event)
