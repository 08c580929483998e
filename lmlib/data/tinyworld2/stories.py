"""Stories: two or more people, a problem, help, and an ending that depends on the beginning.

A story has paragraphs (joined by `` ¶ ``): the season and who the people are (the helper's
character is said when they are met); a few episodes of everyday life (:mod:`.episodes`); a
problem with a thing (lost or broken), a search or a repair done in a manner that leans on the
helper's character; an ending whose odds depend on that manner, found where someone had been in
an earlier episode, with a reason that refers back to what was said; and sometimes an epilogue
that restates the day of the problem in other words and recalls an earlier place. Nearly every
word has synonyms (:mod:`.phrasing`).
"""

from __future__ import annotations

from . import lexicon as L
from .cast import Cast, cap
from .details import Details
from .episodes import Episodes
from .inflect import a, noun_of_quality
from .phrasing import Phrasebook
from .sampler import INFERENCE, PERSON, STRUCTURE, WORD, Categorical

PARAGRAPH = " ¶ "
_EXTRAS = Categorical([(), ("pet",), ("hobby",), ("trait",), ("pet", "hobby"), ("hobby", "pet"),
                       ("trait", "pet"), ("hobby", "trait"), ("pet", "trait"), ("trait", "hobby")],
                      [3, 2, 2, 2, 1, 1, 1, 1, 1, 1])
_FRIEND = Categorical(["friend", "stranger"], [0.6, 0.4])
_PROBLEM = Categorical(["lost", "broken"])
_GIFT = Categorical([False, True], [0.6, 0.4])
_DIALOGUE = Categorical([False, True], [0.7, 0.3])
_CODA = Categorical([False, True], [0.5, 0.5])
_BOAST = Categorical([None, 0, 1], [0.8, 0.1, 0.1])
_STRONG = {True: Categorical([True, False], [0.75, 0.25]), False: Categorical([True, False], [0.25, 0.75])}
_EPILOGUE = Categorical([False, True], [0.5, 0.5])
_STILL = Categorical([False, True], [0.5, 0.5])
_OCCASION = Categorical(["", " on {P} birthday", " years before", " for luck", " when {S} was small"],
                        [4, 1, 1, 1, 1])
_TWO = Categorical([False, True])
_RECALL = Categorical([False, True], [0.5, 0.5])
_FOUND_AWAY = 0.6  # the chance that a lost thing turns up at a place someone had been earlier

SETTINGS = ("It was {early |late |}{0} in {1}, and {2}.", "In {1} it was {0}{ at last| again|}, and {2}.",
            "That {0} in {1}, {2}.")
INTROS = ("{0} {was|worked as} {1} in {2}.", "In {2} there {lived|was} {0}, who {worked as|was} {1}.",
          "{Once upon a time|Long ago|Not so long ago|Some years ago}, {0} lived in {2} and {worked as|was} {1}.",
          "{0}, {1}, had lived in {2} for {3} years.", "{0} had {been|worked as} {1} in {2} for {3} years.")
# how a person is described when their trade is said ('a busy baker')
PERSON_LOOKS = ("", "busy ", "skilled ", "hard-working ", "well-known ", "local ", "talented ", "respected ",
                "humble ", "cheerful ", "young ", "famous ", "good ", "careful ", "thrifty ", "tireless ")
LOST = ("{0} lost {1} {2}", "{0} could not find {1} {2} {anywhere|at all}", "{0} found that {1} {2} had {gone|vanished}",
        "{0} {mislaid|misplaced} {1} {2}")
BROKEN = ("{0} dropped {1} {2} and it {broke|cracked|split}", "{0} knocked {1} {2} off the {table|shelf|dresser}",
          "{0} sat on {1} {2} by {mistake|accident}", "{0} stepped on {1} {2} {in the dark|by mistake}")
BOUGHT = ("at the market", "at a jumble sale", "from a pedlar", "at an auction", "at the fair", "from a junk shop",
          "from a stall", "at a farm sale", "from a travelling tinker", "at the Saturday market")
SEARCHES = ("{0} searched {1} and {2}, but the {3} was not there.", "{0} looked {1} and then {2}, but found nothing.",
            "{0} turned the house upside down, looking {1} and {2}.")
SEARCHES2 = ("{0} {searched|tried|looked} {1} and {2} as well.", "{0} {went back to look|looked again} {1} and {2}.")
ASKS = ("So {0} asked {1} for help.", "{0} offered to help.", "{0} went to see {1}, who came {at once|straight away}.")


class Stories:
    """The story genre (third person, past tense)."""

    def __init__(self, world, vocab, people):
        self.world, self.v, self.people = world, vocab, people
        cfg = world.config
        self.t = Phrasebook(cfg.lexicon_size)
        self.daily = Episodes(world, vocab, self.t)
        self.episodes = Categorical(list(range(1, cfg.max_episodes + 1)), [k * k for k in range(1, cfg.max_episodes + 1)])
        self.success = {m: Categorical([True, False], [q, 1 - q]) for m, q in vocab.success.items()}
        self.years = Categorical([str(n) for n in range(2, 41)][: max(cfg.lexicon_size or 99, 2)])
        self._found: dict[tuple, Categorical] = {}
        self._reasons: dict[int, Categorical] = {}
        self._spots_left: dict[tuple, Categorical] = {}
        self._uniform = {n: Categorical(range(n)) for n in range(1, 60)}
        self.towns = Categorical(world.towns)
        self.every = Categorical(cfg.words(("morning", "evening", "week", "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday")))
        self.bought = Categorical(cfg.words(BOUGHT))
        self.price = Categorical([str(n) for n in range(2, 61)][: max(cfg.lexicon_size or 99, 2)])
        looks = PERSON_LOOKS[: max(cfg.lexicon_size or 99, 2)]
        self.person_look = Categorical(looks, [6] + [1] * (len(looks) - 1))
        self.d = Details(world, vocab, self.t, self.daily, self.years)

    # ---- the first paragraph: who is who -----------------------------------------------------
    def intro_sentence(self, s, cast: Cast, p) -> str:
        k = s.pick(self._uniform[len(INTROS)], STRUCTURE)
        years = s.pick(self.years, WORD) if "{3}" in INTROS[k] else ""  # (only a template that says it picks it)
        text = self.t(s, INTROS[k], "\0", a(s.pick(self.person_look, WORD) + p.profession), p.town, years)
        who = cast.intro(p, True)
        return text.replace("\0", cap(who) if text.startswith("\0") else who)

    def usual(self, s, cast: Cast, p) -> str:
        """'Every Monday she glazes three blue jugs.' (the person's trade was just said)"""
        return self.t(s, "Every {0} {1} {2}.", s.pick(self.every, WORD), cast.ref(p),
                      self.v.work(s, p.profession, "third"))

    def extra(self, s, cast: Cast, p, what: str) -> str:
        t = self.t
        if what == "pet":
            return t(s, "{0} {had|kept|owned} {1} {2} {called|named} {3}.", cap(cast.ref(p)),
                     a(s.pick(self.v.pet_looks, WORD)), p.pet, p.pet_name)
        if what == "hobby":
            verb, where = self.v.hobby[p.hobby]
            return t(s, "{0} {loved|enjoyed|was fond of} {2} in {1} {spare|free} time.", cap(cast.ref(p)),
                     p.possessive, p.hobby)
        return t(s, "{Everyone|People} in {0} {spoke of|knew of|admired|talked about} {1} {2}.", p.town,
                 cast.poss(p), noun_of_quality(p.trait))

    def second(self, s, cast: Cast, p):
        t = self.t
        if s.pick(_FRIEND, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            self.met = True
            return q, t(s, "{0} {best|oldest|dearest|closest} friend was {1}, {2} {3} from {4}.", cap(cast.poss(p)),
                        cast.intro(q), a(q.trait), q.profession, q.town)
        q = s.pick(self.people.others(p), PERSON)
        self.met = False
        return q, t(s, "{One day|One morning|Once|One evening} {0} {met|ran into|got to know} {1}, {2} {3} from {4}.",
                    cast.ref(p), cast.intro(q), a(q.trait), q.profession, q.town)

    # ---- the third paragraph: a problem and help -------------------------------------------------
    def problem(self, s, cast: Cast, p, q, seen: list[str], season: str) -> tuple[list[str], dict]:
        v, t = self.v, self.t
        kind = s.pick(_PROBLEM, STRUCTURE)
        thing, noun = v.things.thing(s, kind)
        weather, daypart = s.pick(v.when_pair, WORD)
        at = t(s, "{One|Early one|Late one} {0} {1}{2}, ", weather, daypart,
               f" in {s.pick(v.month_in[season], INFERENCE)}" if s.pick(_TWO, STRUCTURE) else f", at {s.pick(v.time, WORD)}")
        sents = [at + t.one_of(s, LOST if kind == "lost" else BROKEN, cast.ref(p), p.possessive, thing) + "."]
        gift = s.pick(_GIFT, STRUCTURE)
        if gift:  # who gave it, from where and when
            sents.append(t(s, "It had been {a present|a gift} from {0} {1} in {2}{3}.", p.possessive,
                           s.pick(v.relative, WORD), s.pick(self.towns, WORD),
                           s.pick(_OCCASION, WORD).format(P=p.possessive, S=p.subject)))
        elif s.pick(_TWO, STRUCTURE):  # where it was bought, and for how much
            sents.append(t(s, "{0} had bought it {1} in {2} for {3} {shillings|pence}.", cap(p.subject),
                           s.pick(self.bought, WORD), s.pick(self.towns, WORD), s.pick(self.price, WORD)))
        searched = ()
        if s.pick(_TWO, STRUCTURE):  # where it had been: the spot last seen is searched, so not where it is found
            if kind == "lost":
                text, spot = self.d.last_seen(s, cast, p)
                searched = (spot,)
            else:
                text = self.d.stood(s, p)
            sents.append(text)
        boast = s.pick(_BOAST, STRUCTURE)
        if boast == 0:
            sents.append(t(s, "It was {0} than any other {1} in {2}.", s.pick(v.better, WORD), noun, p.town))
        elif boast == 1:
            sents.append(t(s, "There was no {0} in {1} {2} than this one.", noun, p.town, s.pick(v.better, WORD)))
        if kind == "lost":
            pair = s.pick(v.spot_pair, WORD)
            searched += pair
            sents.append(t.one_of(s, SEARCHES, cap(cast.ref(p)), pair[0], pair[1], noun))
            if s.pick(_TWO, STRUCTURE):
                again = s.pick(v.spot_pair, WORD)
                w = self.daily.when(s, season)
                sents.append(cap(f"{w} " * bool(w) + t.one_of(s, SEARCHES2, cast.ref(p), *again)))
                searched += again
        asker = s.pick(self._uniform[4], STRUCTURE)  # (only the chosen phrasing makes picks)
        if asker == 0:
            sents.append(t(s, "So {0} asked {1} for help.", cast.ref(p), cast.ref(q, False)))
        elif asker == 1:
            sents.append(t(s, "{0} offered to help.", cap(cast.ref(q))))
        elif asker == 2:
            sents.append(t(s, "{0} went to fetch {1}, who came {at once|straight away|within the hour}.",
                           cap(cast.ref(p)), cast.name(q)))
        else:  # past a landmark of the town (remembered: the thing may turn up there)
            sents.append(t(s, "{0} {hurried|ran|walked} {1} to fetch {2}.", cap(cast.ref(p)),
                           self.daily.visit(s, p.town, seen, True), cast.name(q)))
        if asker != 1 and s.pick(_TWO, STRUCTURE):  # how the helper came, and what they brought
            sents.append(self.d.arrival(s, cast, p, q, kind, noun))
        if s.pick(_DIALOGUE, STRUCTURE):
            sents.append(t(s, '"{Do not worry|Never fear|Leave it to me}, I will {0} your {1}{| for you| by tonight}," '
                              "{2} {said|cried|promised}.", "find" if kind == "lost" else "mend", noun, cast.ref(q)))
        manner = s.pick(v.manner_of[q.trait], INFERENCE)  # leans on the helper's character, said earlier
        if kind == "lost":
            a1, a2 = s.pick(v.spot_pair, WORD)
            searched += (a1, a2)
            sents.append(t(s, "{0} {1} {searched|looked|hunted|felt about} {2} and {3} {4}.", cap(cast.ref(q)), manner,
                           a1, a2, s.pick(v.until, WORD)))
        else:
            sents.append(t(s, "{0} {1} {worked on it|set to work on it|took it apart and cleaned it|got out the glue "
                              "and worked} {2}.", cap(cast.ref(q)), manner, s.pick(v.until, WORD)))
        return sents, dict(problem=kind, thing=thing, noun=noun, manner=manner, gift=gift, weather=weather,
                           daypart=daypart, searched=searched)

    # ---- the last paragraphs: how it ended, and what was remembered ---------------------------------
    def found_where(self, s, seen: list[str], searched: tuple) -> str:
        """Somewhere ``seen`` earlier (inference: the text said it) or a spot at home not yet searched."""
        n = len(seen)
        if n:
            if n not in self._found:
                self._found[n] = Categorical(list(range(n)) + [None], [_FOUND_AWAY / n] * n + [1 - _FOUND_AWAY])
            i = s.pick(self._found[n], INFERENCE)
            if i is not None:
                return f"{s.pick(self.v.near, WORD)} {seen[i]}"
        key = frozenset(searched)
        if key not in self._spots_left:
            spot = self.v.spot
            left = [(x, w) for x, w in zip(spot.items, spot.probs) if x not in key] or list(zip(spot.items, spot.probs))
            if len(self._spots_left) > 50000:
                self._spots_left.clear()
            self._spots_left[key] = Categorical([x for x, _ in left], [w for _, w in left])
        return s.pick(self._spots_left[key], WORD)

    def reason(self, s, p, q, f: dict) -> str:
        """Why ``p`` thanked ``q``: one of the things the story said (which one is inference)."""
        reasons = [f"{'searching' if f['problem'] == 'lost' else 'working'} so {f['manner']}",
                   f"being so {q.trait}"]
        if q.town != p.town:
            reasons.append(f"coming all the way from {q.town}")
        if q.name == p.friend:
            reasons.append("being such a good friend")
        k = len(reasons)
        if k not in self._reasons:
            self._reasons[k] = Categorical(list(range(k)))
        return reasons[s.pick(self._reasons[k], INFERENCE)]

    def ending(self, s, cast: Cast, p, q, f: dict, seen: list[str]) -> tuple[list[str], bool]:
        v, t, noun = self.v, self.t, f["noun"]
        ok = s.pick(self.success[f["manner"]], INFERENCE)
        if ok:
            if f["problem"] == "lost":
                found = t(s, "{0} {1} {found|spotted|came upon} the {2} {3}.",
                          s.pick(v.at_last, WORD), cast.ref(q), noun, self.found_where(s, seen, f["searched"]))
            elif s.pick(_CODA, STRUCTURE):
                found = t(s, "{2} {0} mended the {1}, and it was "
                             "{as good as new|better than before|like new again}.", cast.ref(q), noun, s.pick(v.at_last, WORD))
            else:
                found = t(s, "{0} mended the {1} so {well|neatly|cleverly} that {nobody|no one} could tell it had "
                             "been broken.", cap(cast.ref(q)), noun)
            if f["problem"] == "lost" and s.pick(_TWO, STRUCTURE):
                found += " " + self.d.cleaned(s, cast, p, noun)
            gift = v.goods(s, p.profession)  # from the trade the story has said: inference
            sents = [found, t(s, "{0} was so {1} that {2} {gave|brought|made} {3} {4} for {5}.", cap(cast.ref(p)),
                              s.pick(v.good, WORD), p.subject, cast.ref(q, False), gift, self.reason(s, p, q, f))]
            if s.pick(_TWO, STRUCTURE):
                sents.append(self.d.modesty(s, cast, q))
            if s.pick(_TWO, STRUCTURE):
                sents.append(self.d.supper(s, cast, p, q))
            if s.pick(_CODA, STRUCTURE):
                sents.append(t(s, "From that day on, {0} {kept|hid|stored} the {1} {2}.", cast.ref(p), noun,
                               s.pick(v.spot, WORD)))
        else:
            lost = t(s, "{They never found the|Nobody ever saw the|That was the last of the} {0}", noun) \
                if f["problem"] == "lost" else t(s, "{Sadly|Alas|In the end}, the {0} could not be {mended|saved}", noun)
            strong = s.pick(_STRONG[f["gift"]], INFERENCE)  # a lost gift hurts more
            feeling = s.pick(v.strong if strong else v.mild, WORD)
            sents = [t(s, "{0}, and {1} felt {2} for {3} {days|weeks}.", lost, cast.ref(p), feeling,
                       s.pick(v.number, WORD))]
            if s.pick(_TWO, STRUCTURE):
                sents.append(self.d.another(s, cast, p, noun, self.bought))
            if s.pick(_CODA, STRUCTURE):
                sents.append(t(s, "{0} never {forgot|stopped missing} the {1}.", cap(cast.ref(p)), noun))
        return sents, ok

    def epilogue(self, s, cast: Cast, p, q, f: dict, ok: bool, seen: list[str]) -> list[str]:
        """Late sentences that restate the day of the problem in other words and recall a place."""
        if not s.pick(_EPILOGUE, STRUCTURE):
            return []
        t = self.t
        weather = s.pick(self.v.weather_again[f["weather"]], INFERENCE)
        what = ("went missing" if f["problem"] == "lost" else "broke")
        sents = [t(s, "{5}, {0} still {remembered|thought of|talked about} that {1} "
                      "{2} when the {3} {4}.", cast.ref(p), weather, f["daypart"], f["noun"], what,
                   s.pick(self.v.later, WORD))]
        if seen and s.pick(_RECALL, STRUCTURE):  # which earlier place comes back: inference
            sents.append(t(s, "{Whenever|Each time} {0} {walked|went} past {1}, {2} {thought of|remembered} that day.",
                           cast.ref(p), seen[s.pick(self._uniform[len(seen)], INFERENCE)], p.subject))
        if s.pick(_STILL, STRUCTURE):
            sents.append(t(s, "{0} still {1} every {day|week|morning}, and {2} still {3} now and then.", cap(cast.ref(p)),
                           self.v.work(s, p.profession, "third"), cast.ref(q),
                           "visits" if ok else "writes"))
        if s.pick(_TWO, STRUCTURE):
            sents.append(self.d.friends_after(s, cast, p, q))
        return sents

    def story(self, s, p) -> tuple[str, dict]:
        """The whole story about ``p`` (already picked); returns its text and fields."""
        v = self.v
        cast = Cast(s, [p])
        self.daily.new_story()
        season = s.pick(v.season, WORD)
        first = [cap(self.t.one_of(s, SETTINGS, season, p.town, s.pick(v.season_sky[season], WORD)))]
        first.append(self.intro_sentence(s, cast, p))
        extras = s.pick(_EXTRAS, STRUCTURE)
        first += [self.extra(s, cast, p, w) for w in extras]
        if s.pick(_TWO, STRUCTURE):  # a usual day of the trade just said: inference
            first.append(self.usual(s, cast, p))
        seen: list[str] = []
        if s.pick(_TWO, STRUCTURE):  # where p lives (the landmark may come back later)
            first.append(self.d.home_sentence(s, cast, p, seen))
        q, sentence = self.second(s, cast, p)
        cast.people.append(q)
        first.append(sentence)
        if self.met and s.pick(_TWO, STRUCTURE):
            first.append(self.d.how_met(s, cast, p, q))
        if s.pick(_TWO, STRUCTURE):
            first.append(self.usual(s, cast, q))
        middle = [self.daily.episode(s, cast, (p, q), seen, extras, season)
                  for _ in range(s.pick(self.episodes, STRUCTURE))]
        trouble, f = self.problem(s, cast, p, q, seen, season)
        end, ok = self.ending(s, cast, p, q, f, seen)
        after = self.epilogue(s, cast, p, q, f, ok, seen)
        paragraphs = [" ".join(first), " ".join(middle), " ".join(trouble), " ".join(end), " ".join(after)]
        text = PARAGRAPH.join(x for x in paragraphs if x)
        fields = dict(person=p.name, other=q.name, ending="happy" if ok else "sad", season=season, **f)
        fields["searched"] = list(f["searched"])
        return text, fields
