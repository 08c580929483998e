"""Time and memory of the Kneser-Ney sweep: orders 1..20 fitted together on N tinyworld documents.

    python bench/ngram_memory.py 5000            # N training documents (seed 1), 500 to score (seed 2)
    python bench/ngram_memory.py 15000 --top 20 --val 500

Prints the wall time of each phase (generating the text, counting, scoring each order), the peak
resident memory of the process so far (resource.getrusage, so it never goes down) and bits/char
on the held-out documents for each order.

Measured 2026-12-03 on a shared 2-core AMD EPYC (load 3-6): on 5,000 documents (5.98M characters)
the dict-based counter of before ran out of memory (9 GiB cap, 450 s) fitting orders 1..20, and
took 121 s to fit and 89 s to score orders 1..8 (0.67 GiB); the array counter fits 1..20 in 22 s,
scores them in 9 s, peak 1.38 GiB. On 15,000 documents (17.7M characters): fit 58 s, scoring 6 s,
peak 2.68 GiB. The bits are those of the old counter to the last bit (tests/test_data_pydocs_ngram.py).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lmlib.data import tinyworld as tw  # noqa: E402
from lmlib.ngram import CharNGram  # noqa: E402


def peak_gib() -> float:
    """Peak resident set size of this process, in GiB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def main(argv: list[str] | None = None) -> dict[int, float]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=int, nargs="?", default=5000, help="training documents (seed 1)")
    ap.add_argument("--top", type=int, default=20, help="fit orders 1..top")
    ap.add_argument("--val", type=int, default=500, help="held-out documents (seed 2)")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    train, val = tw.corpus(tw.generate(args.docs, seed=1)), tw.corpus(tw.generate(args.val, seed=2))
    print(f"data:  {time.perf_counter() - t:6.1f} s  peak {peak_gib():5.2f} GiB  "
          f"train {len(train):,} chars ({args.docs:,} docs), held out {len(val):,} chars", flush=True)

    t = time.perf_counter()
    models = CharNGram.fit_orders(train, list(range(1, args.top + 1)))
    print(f"count: {time.perf_counter() - t:6.1f} s  peak {peak_gib():5.2f} GiB  "
          f"orders 1..{args.top}, alphabet {len(models[1].alphabet)}", flush=True)

    bpc, t_all = {}, time.perf_counter()
    for n, model in models.items():
        t = time.perf_counter()
        bpc[n] = model.bits_per_char(val)
        print(f"order {n:2d}: {bpc[n]:.4f} bits/char  ({time.perf_counter() - t:5.1f} s, "
              f"peak {peak_gib():5.2f} GiB)", flush=True)
    best = min(bpc, key=bpc.get)
    print(f"score: {time.perf_counter() - t_all:6.1f} s  peak {peak_gib():5.2f} GiB  "
          f"best order {best}: {bpc[best]:.4f} bits/char")
    return bpc


if __name__ == "__main__":
    main()
