"""Questions with answers (single- and multi-hop), retrieval pairs, and preference pairs.

A question names a person directly ("Anna Holt") or through a chain of best friends ("the best
friend of Anna Holt"): answering it needs the facts of biographies read elsewhere, composed.
Preference pairs show two answers and which one a stated rule prefers; see :func:`preference_score`.
"""

from __future__ import annotations

import re

from . import lexicon as L
from .facts import PHRASINGS, short_answer, state, value
from .sampler import KNOWLEDGE, PERSON, STRUCTURE, WORD, Categorical
from .world import ATTRIBUTES, Person

QUESTIONS = {
    "town": ("Where does {X} live?", "Which town is {X} from?", "In which town does {X} live?",
             "Where is the home of {X}?", "Where can I find {X}?", "Which place does {X} call home?",
             "Where does {X} have a house?", "What town does {X} live in?", "Where is {X} living now?",
             "In what town is the house of {X}?", "Which town is home to {X}?", "Where would I find the house of {X}?"),
    "profession": ("What does {X} do for a living?", "What is the job of {X}?", "What work does {X} do?",
                   "What is the trade of {X}?", "How does {X} earn a living?", "What job does {X} have?",
                   "What does {X} work as?", "What is the occupation of {X}?", "What line of work is {X} in?",
                   "What did {X} train as?", "What trade does {X} follow?", "How does {X} make a living?"),
    "friend": ("Who is the best friend of {X}?", "Do you know the best friend of {X}?",
               "Can you name the best friend of {X}?", "Tell me who the best friend of {X} is.",
               "Who would you call the best friend of {X}?", "Who might be the best friend of {X}?",
               "Whom do people call the best friend of {X}?", "Name the best friend of {X}, please."),
    "pet": ("What pet does {X} keep?", "Which animal does {X} have?", "What kind of pet does {X} own?",
            "What animal lives with {X}?", "What is the pet of {X}?", "Does {X} have a pet, and what is it?",
            "What animal does {X} look after?", "Which pet shares the home of {X}?", "What creature does {X} keep?"),
    "hobby": ("What does {X} do for fun?", "What is the favourite pastime of {X}?", "What hobby does {X} have?",
              "How does {X} spend spare time?", "What pastime does {X} enjoy?", "What is {X} keen on?",
              "What does {X} love doing?", "Which pastime is {X} fond of?", "What keeps {X} busy at weekends?"),
    "trait": ("What is {X} like?", "What sort of person is {X}?", "How would you describe {X}?",
              "What kind of person is {X}?", "What is the character of {X}?", "How do people describe {X}?",
              "What is {X} known for being?", "What is the nature of {X}?", "In one word, what is {X} like?"),
    "colour": ("What is the favourite colour of {X}?", "Which colour does {X} like best?",
               "What colour does {X} prefer?", "What is the best-loved colour of {X}?", "Which colour is {X} fondest of?",
               "What colour does {X} love most?", "Which colour would {X} choose?", "What colour suits {X} best?"),
    "age": ("How old is {X}?", "What age is {X}?", "How many years old is {X}?", "What is the age of {X}?",
            "How many years has {X} lived?", "What is the present age of {X}?", "How old is {X} this year?",
            "How old is {X} now?", "Tell me the age of {X}."),
}
# ways to open a question (the asker's voice)
OPENINGS = ("", "Please tell me: ", "Quick question: ", "I wonder: ", "Can you help? ", "Tell me this: ",
            "One more thing: ", "Excuse me: ", "Hello! ", "A question: ", "Just wondering: ", "Help me out: ",
            "Here is one: ", "Next question: ", "I need to know: ", "Sorry to bother you: ")
FILLERS = ("Good question! ", "Let me think about that. ", "I am happy to help. ")
DONT_KNOW = "I do not know."
_HOPS = Categorical([0, 1, 2], [0.6, 0.3, 0.1])
_STYLE = Categorical(["short", "full"], [0.5, 0.5])
_PARTS = Categorical([1, 2], [0.5, 0.5])
_ORDER = Categorical(["A", "B"])


def chain(world, p: Person, hops: int) -> tuple[str, Person]:
    """'the best friend of ... Anna Holt' and the person it names."""
    phrase, q = p.name, p
    for _ in range(hops):
        phrase, q = f"the best friend of {phrase}", world.friend_of(q)
    return phrase, q


def flaws_score(false: int, incomplete: int, irrelevant: int, verbose: int) -> int:
    return 8 * (not false) + 4 * (not incomplete) + 2 * (not irrelevant) + (not verbose)


def _pattern(person: Person, attribute: str) -> re.Pattern:
    t = re.escape(PHRASINGS[attribute][0]).replace(re.escape("{N}"), re.escape(person.name))
    for slot in ("{v}", "{av}", "{pn}"):
        t = t.replace(re.escape(slot), ".+?")
    return re.compile(t + "$")


def preference_score(world, person: Person, attributes: list[str], answer: str) -> int:
    """The stated rule: truth first, then completeness, then relevance, then concision.

    An answer is *true* if every fact it states about ``person`` is right, *complete* if it
    states one for every asked attribute, *relevant* if it states nothing about anyone else, and
    *concise* if it has no filler. Score = 8 true + 4 complete + 2 relevant + 1 concise.
    """
    body = answer
    concise = not answer.startswith(FILLERS)
    for f in FILLERS:
        body = body.removeprefix(f)
    claims = [c if c.endswith(".") else c + "." for c in body.split(". ")] if body != DONT_KNOW else []
    about = {x: [c for c in claims if _pattern(person, x).match(c)] for x in attributes}
    mine = [c for cs in about.values() for c in cs]
    true = all(c == state(person, x, PHRASINGS[x][0]) for x, cs in about.items() for c in cs)
    complete = all(about[x] for x in attributes)
    relevant = len(mine) == len(claims)
    return 8 * true + 4 * complete + 2 * relevant + concise


class Questions:
    def __init__(self, world, people, vocab):
        self.world, self.people = world, people
        self.templates = {k: Categorical(world.config.words(v) if world.config.lexicon_size else v)
                          for k, v in QUESTIONS.items()}
        self.opening = Categorical(world.config.words(OPENINGS), [4] + [1] * (len(world.config.words(OPENINGS)) - 1))
        self.phrasings = {k: Categorical(world.config.words(v)) for k, v in PHRASINGS.items()}
        self.attribute = Categorical(ATTRIBUTES)
        leads = world.config.words(("", "That would be ", "I believe it is ", "The answer is ", "It is ",
                                    "As far as I know, ", "Easy: "))
        self.lead = Categorical(leads, [4] + [1] * (len(leads) - 1))
        self.pair = Categorical([(x, y) for x in ATTRIBUTES for y in ATTRIBUTES if x != y])
        self.filler = Categorical(FILLERS)
        self.flaw_pairs = {}
        for parts in (1, 2):  # with one part, a false claim needs the claim (not incomplete)
            flaws = [(f, i, r, v) for f in (0, 1) for i in (0, 1) for r in (0, 1) for v in (0, 1)
                     if not (parts == 1 and f and i)]
            self.flaw_pairs[parts] = Categorical([(x, y) for x in flaws for y in flaws
                                                  if flaws_score(*x) > flaws_score(*y)])
        self.every, self.uniform = {}, {}
        self.friend_index = {q.name: i for i, q in enumerate(world.people)}

    def wrong_value(self, s, p: Person, attribute: str) -> str:
        """A value of ``attribute`` that is not ``p``'s (uniform over the others): a false answer."""
        every = self.every.get(attribute)
        if every is None:
            cfg = self.world.config
            every = self.every[attribute] = dict(
                town=self.world.towns, profession=cfg.words(list(L.PROFESSIONS)), pet=cfg.words(L.PETS),
                hobby=cfg.words([h[0] for h in L.HOBBIES]), trait=cfg.words(L.TRAITS),
                colour=cfg.words(L.COLOURS), age=[str(n) for n in range(12, 90)],
                friend=[q.name for q in self.world.people])[attribute]
        banned = {value(p, attribute), p.name}
        skip = sorted(i for i, x in enumerate(every) if x in banned) if attribute != "friend" else sorted(
            self.friend_index[x] for x in banned)
        n = len(every) - len(skip)
        if n not in self.uniform:
            self.uniform[n] = Categorical(range(n))
        i = s.pick(self.uniform[n], WORD)
        for j in skip:  # the i-th value that is not banned
            if j <= i:
                i += 1
        return every[i]

    def question(self, s, hops: int | None = None):
        p = s.pick(self.people.anyone, PERSON)
        hops = s.pick(_HOPS, STRUCTURE) if hops is None else hops
        attr = s.pick(self.attribute, KNOWLEDGE)
        phrase, q = chain(self.world, p, hops)
        opening = s.pick(self.opening, STRUCTURE)
        return p, q, hops, attr, opening + s.pick(self.templates[attr], STRUCTURE).format(X=phrase)

    def qa(self, s) -> tuple[str, dict]:
        p, q, hops, attr, question = self.question(s)
        if s.pick(_STYLE, STRUCTURE) == "short":
            answer = short_answer(q, attr)
            lead = s.pick(self.lead, STRUCTURE)
            if lead:  # 'That would be a baker.' (a town or a name keeps its capital)
                answer = lead + (answer if attr in ("town", "friend") else answer[:1].lower() + answer[1:])
        else:
            steps = [state(*chain(self.world, p, h)[1:], "friend", PHRASINGS["friend"][0]) for h in range(hops)]
            answer = " ".join(steps + [state(q, attr, s.pick(self.phrasings[attr], STRUCTURE))])
        fields = dict(person=p.name, hops=hops, answer_person=q.name, attribute=attr, question=question,
                      answer=answer, value=value(q, attr))
        return f"Question: {question} Answer: {answer}", fields

    def retrieval(self, s) -> tuple[str, dict]:
        p, q, _, attr, question = self.question(s, hops=0)
        evidence = state(p, attr, s.pick(self.phrasings[attr], STRUCTURE))
        return (f"Question: {question} Evidence: {evidence}",
                dict(person=p.name, attribute=attr, question=question, evidence=evidence, value=value(p, attr)))

    def response(self, s, p: Person, attrs: list[str], flaws: tuple) -> str:
        false, incomplete, irrelevant, verbose = flaws
        told = attrs[:-1] if incomplete else attrs
        claims = [state(p, x, PHRASINGS[x][0]) for x in told]
        if false:
            x = told[0]
            claims[0] = state(p, x, PHRASINGS[x][0], v=self.wrong_value(s, p, x))
        if irrelevant:
            f = self.world.friend_of(p)
            claims.append(state(f, "town", PHRASINGS["town"][0]))  # true, but about someone else
        text = " ".join(claims) or DONT_KNOW
        return (s.pick(self.filler, WORD) + text) if verbose else text

    def preference(self, s) -> tuple[str, dict]:
        p = s.pick(self.people.anyone, PERSON)
        parts = s.pick(_PARTS, STRUCTURE)
        attrs = [s.pick(self.attribute, KNOWLEDGE)] if parts == 1 else list(s.pick(self.pair, KNOWLEDGE))
        question = s.pick(self.opening, STRUCTURE) + " ".join(s.pick(self.templates[x], STRUCTURE).format(X=p.name)
                                                              for x in attrs)
        good, bad = s.pick(self.flaw_pairs[parts], STRUCTURE)
        chosen, rejected = self.response(s, p, attrs, good), self.response(s, p, attrs, bad)
        better = s.pick(_ORDER, STRUCTURE)
        a, b = (chosen, rejected) if better == "A" else (rejected, chosen)
        text = f"Question: {question} Answer A: {a} Answer B: {b} Better: {better}."
        return text, dict(person=p.name, attributes=attrs, question=question, chosen=chosen, rejected=rejected,
                          better=better, chosen_flaws=good, rejected_flaws=bad)
