"""Run a notebook the way an online reader would with its data= knob on a real dataset, offline.

    python bench/online_path.py chapters/02_pretraining/01_next_word_prediction.ipynb tinystories

The notebook's `DATA = "tinyworld"` becomes the dataset named, and `lmlib.data.hub.load` is replaced
by stand-ins in the dataset's place (tinyworld documents of the dataset's kind, without their
log2p, as real text has none), so that every cell on the real-data path runs here without a network.
Set LMLIB_MAX_STEPS=5 to make the training runs short. Prints the text outputs that show `nan` or a
table, and fails on any error. Not part of `make test` (about a minute on 2 cores).
"""

from __future__ import annotations

import sys

import nbformat
from nbclient import NotebookClient

STAND_IN = '''
import dataclasses, math
from lmlib.data import hub, tinyworld

def _stand_in(name, split="train", n=None, **kwargs):
    kind = hub.DATASETS[name].kind
    seed = {"train": 11, "validation": 12, "test": 13}[split]
    return [dataclasses.replace(d, log2p=math.nan) for d in tinyworld.generate(n, seed=seed, kind=kind)]

hub.load = _stand_in
'''


def main(path: str, dataset: str) -> int:
    nb = nbformat.read(path, as_version=4)
    knobs = [c for c in nb.cells if c.cell_type == "code" and 'DATA = "tinyworld"' in c.source]
    if not knobs:
        print(f"{path} has no data= knob (a line DATA = \"tinyworld\")", file=sys.stderr)
        return 2
    for c in knobs:
        c.source = c.source.replace('DATA = "tinyworld"', f'DATA = "{dataset}"')
    nb.cells.insert(1, nbformat.v4.new_code_cell(STAND_IN))
    NotebookClient(nb, timeout=1800, kernel_name="python3").execute()  # raises on the first error
    for c in nb.cells:
        for out in c.get("outputs", []):
            text = out.get("text", "")
            if "nan" in text or "|" in text:
                print(text.rstrip())
    print(f"{path} ran with DATA = {dataset!r} (stand-ins for the hub) without errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
