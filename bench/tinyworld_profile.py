"""Where the bits of tinyworld 2 go, part by part of a story: bits per character and share of the
characters for each part (episodes, problem, ending, epilogue, introductions) and each kind.

    python bench/tinyworld_profile.py [n_docs]

Measured on 1,500 documents (seed 5, 2026-12-02): all 0.333 bits/char; story 0.356 (86.6 % of the
characters); episodes 0.485 (44.7 % of the characters, 65.1 % of the bits); problem 0.252; ending
0.184; epilogue 0.149; introductions 0.115-0.140; short kinds 0.124-0.249.
"""
import collections, sys
from lmlib.data import tinyworld as tw
from lmlib.data.tinyworld import stories as S, episodes as E, documents as D
acc = collections.defaultdict(lambda: [0.0, 0])
def wrap(cls, name, textof=lambda r: r):
    f = getattr(cls, name)
    def g(self, s, *a, **k):
        b = s.log2p
        r = f(self, s, *a, **k)
        t = textof(r)
        if isinstance(t, list): t = " ".join(t)
        acc[name][0] += b - s.log2p; acc[name][1] += len(t) + 1
        return r
    setattr(cls, name, g)
wrap(E.Episodes, "episode")
wrap(S.Stories, "problem", lambda r: r[0])
wrap(S.Stories, "ending", lambda r: r[0])
wrap(S.Stories, "epilogue")
wrap(S.Stories, "intro_sentence")
wrap(S.Stories, "second", lambda r: r[1])
wrap(S.Stories, "extra")
wrap(S.Stories, "usual")
docs = tw.generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1500, seed=5)
tot_b = -sum(d.log2p for d in docs); tot_c = sum(len(d.text)+1 for d in docs)
print("all", round(tot_b/tot_c,3), tot_c)
for k in tw.KINDS:
    ds=[d for d in docs if d.kind==k]
    if ds: print(f"kind {k:12s} bpc {tw.entropy_bits_per_char(ds):.3f} charshare {sum(len(d.text)+1 for d in ds)/tot_c:.3f}")
for k,(b,c) in sorted(acc.items(), key=lambda x:-x[1][1]):
    print(f"{k:15s} bpc {b/c:.3f} charshare {c/tot_c:.3f} bitshare {b/tot_b:.3f}")
