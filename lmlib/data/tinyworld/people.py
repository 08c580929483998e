"""How documents choose people: Zipf weights over the world, so some people are famous and many rare."""

from __future__ import annotations

import math
from itertools import accumulate

from .sampler import Categorical, zipf
from .world import Person, World


class People:
    def __init__(self, world: World):
        self.world = world
        self.anyone = zipf(world.people, world.config.zipf_s)
        self._others: dict[str, Categorical] = {}

    def others(self, p: Person) -> Categorical:
        """Anyone but ``p`` whose first name and surname both differ from ``p``'s (Zipf weights kept)."""
        c = self._others.get(p.name)
        if c is None:  # built by hand from ``anyone`` (this runs once per person, so it must be quick)
            a = self.anyone
            keep = [i for i, q in enumerate(a.items) if q.first != p.first and q.surname != p.surname]
            z = math.fsum(a.probs[i] for i in keep)
            c = Categorical.__new__(Categorical)
            c.items = [a.items[i] for i in keep]
            c.probs = [a.probs[i] / z for i in keep]
            lz = math.log2(z)
            c.log2p = [a.log2p[i] - lz for i in keep]
            c._cum = list(accumulate(c.probs))
            c._cum[-1] = 1.0
            self._others[p.name] = c
        return c
