"""tinyworld 2 episodes: clock times that follow one another, prices that fit their goods, distinct texts."""

import re

from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld import errands
from lmlib.data.tinyworld.trades import FEW


def minutes(t: str) -> int:
    h, m = t.split(".")
    return int(h) % 12 * 60 + int(m)


def test_work_that_began_by_the_clock_stops_later():
    docs = tw.generate(400, seed=31, kind="story")
    pairs = [m.groups() for d in docs for m in
             re.finditer(r"At (\d+\.\d\d) on [^.,]*? until (\d+\.\d\d)\.", d.text)]
    assert len(pairs) > 20
    for start, end in pairs:
        assert 15 <= (minutes(end) - minutes(start)) % 720 <= 360, (start, end)


def test_prices_lie_within_what_their_goods_may_cost(monkeypatch):
    seen = []
    price = errands.Errands.price

    def price_(self, s, short=None, pence=None):
        text = price(self, s, short, pence)
        seen.append((text, pence))
        return text
    monkeypatch.setattr(errands.Errands, "price", price_)
    tw.generate(800, seed=32, kind="story")
    assert len(seen) > 100
    for text, pence in seen:
        assert pence is not None and pence[0] < pence[1]
        sh = re.search(r"(\d+)s\.|(\d+) shillings|a shilling", text)
        d = re.search(r"(\d+)d\.|(\d+) pence|a penny|sixpence", text)
        value = 0
        if sh:
            value += 12 * (int(sh.group(1) or sh.group(2)) if sh.group(1) or sh.group(2) else 1)
        if d:
            value += int(d.group(1) or d.group(2)) if d.group(1) or d.group(2) else (1 if "penny" in d.group(0) else 6)
        assert min(pence[0], 478) <= value <= min(pence[1], 479), (text, pence)
    assert not any(errands.scale(m) > 6 for m in ("twenty", "twelve"))


def test_trades_that_work_a_few_at_a_time_never_count_in_figures():
    gen = tw._generator(tw.WorldConfig())
    daily = gen.stories.daily
    for trade, counts in daily.count.items():
        figures = [d for d, _ in counts.items if d.isdigit()]
        assert bool(figures) == (trade not in FEW), trade
    assert all(len(set(c.items)) == len(c.items) for c in daily.count.values())


def test_episodes_of_a_sampled_story_leave_distinct_texts_when_one_choice_changes():
    # as in test_tinyworld, for more stories of the default world (episodes draw most of a story's choices)
    from test_tinyworld import Recording, neighbour_texts

    gen = tw._generator(tw.WorldConfig())
    s = Recording(41)
    for _ in range(4):
        doc = gen.document(s, "story")
        texts, n = neighbour_texts(gen, "story", list(s.trace), 3)
        assert len(texts | {doc.text}) == n
