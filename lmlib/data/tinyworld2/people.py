"""How documents choose people: Zipf weights over the world, so some people are famous and many rare."""

from __future__ import annotations

from .sampler import Categorical, zipf
from .world import Person, World


class People:
    def __init__(self, world: World):
        self.world = world
        self.anyone = zipf(world.people, world.config.zipf_s)
        self._others: dict[str, Categorical] = {}

    def others(self, p: Person) -> Categorical:
        """Anyone but ``p`` whose first name and surname both differ from ``p``'s (Zipf weights kept)."""
        if p.name not in self._others:
            pairs = [(q, w) for q, w in zip(self.anyone.items, self.anyone.probs)
                     if q.first != p.first and q.surname != p.surname]
            self._others[p.name] = Categorical([q for q, _ in pairs], [w for _, w in pairs])
        return self._others[p.name]
