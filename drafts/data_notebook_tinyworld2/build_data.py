"""Build chapters/00_introduction/01_data.ipynb (tinyworld 2) from the cells below; outputs come from make execute."""
import json, sys, uuid, hashlib

cells = []
def md(src): cells.append(("markdown", None, src.strip("\n")))
def code(src, tags=None): cells.append(("code", tags, src.strip("\n")))

code('''
# Setup: on Colab, install lmlib from the book's repository; elsewhere, do nothing.
import sys

if "google.colab" in sys.modules:
    import subprocess

    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "lmlib[hub] @ git+https://github.com/lmbook/lmbook"], check=True)
''', ["remove-cell"])

md(open("drafts/data_notebook_tinyworld2/md/01_intro.md").read())
code('''
import re
import textwrap
import time
from collections import Counter

import matplotlib.pyplot as plt

from lmlib.data import pydocs, tinyworld
from lmlib.ngram import CharNGram
from lmlib.plot import bar, plot_zipf
from lmlib.claims import Claims
from lmlib.profile import get_profile, pick

profile = get_profile()
cfg = pick(
    cpu=dict(n_train=5_000, n_val=1_000, data_scales=[1, 3], orders=[1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18, 20]),
    gpu=dict(n_train=5_000, n_val=2_000, data_scales=[1, 3, 9], orders=[1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18, 20]),
)
print(profile)
print(cfg)
''')
md(open("drafts/data_notebook_tinyworld2/md/02_world.md").read())
code('''
world = tinyworld.default_world()
print(f"{len(world.people)} people in {len(world.towns)} towns, for example:")
for p in world.people[:3]:
    print(f"  {p.title} {p.name} ({p.noun}, {p.age}): {p.trait} {p.profession} in {p.town}, "
          f"best friend {p.friend},\\n      a {p.pet} called {p.pet_name}, likes {p.hobby} and {p.colour}")
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/03_kinds.md").read())
code('''
docs = tinyworld.generate(300, seed=0)
for kind in tinyworld.KINDS:
    d = next(d for d in docs if d.kind == kind)
    print(f"[{kind}] log2 p = {d.log2p:.1f} bits for {len(d.text) + 1} characters "
          f"({-d.log2p / (len(d.text) + 1):.3f} bits/char)")
    text = d.text if kind == "story" else textwrap.shorten(d.text, 600, placeholder=" [...]")
    for paragraph in text.split(" ¶ "):
        print(textwrap.fill(paragraph, 96))
    print()
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/04_fields.md").read())
code('''
for kind in ("qa", "preference", "label", "retrieval"):
    d = next(d for d in docs if d.kind == kind)
    print(f"[{kind}] {textwrap.shorten(d.text, 200)}")
    for key, value in d.fields.items():
        print(f"    {key}: {textwrap.shorten(str(value), 88)}")
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/05_links.md").read())
code('''
vocab = tinyworld.default_vocab()
ranked = sorted(vocab.success.items(), key=lambda x: -x[1])
print(f"how the helper works ({len(ranked)} manners) -> P(the thing is found or mended):")
for manner, p_ok in ranked[:4] + ranked[-4:]:
    print(f"  {manner:>14}: {p_ok:.2f}")
print("the helper's character -> P(found or mended), averaged over how that character works:")
for trait in ("patient", "careful", "clever", "curious", "lazy", "clumsy"):
    manner = vocab.manner_of[trait]
    p_ok = sum(p * vocab.success[m] for p, m in zip(manner.probs, manner.items))
    print(f"  {trait:>14}: {p_ok:.2f}")
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/06_corpus.md").read())
code('''
t0 = time.perf_counter()
train_docs = tinyworld.generate(max(cfg["data_scales"]) * cfg["n_train"], seed=1)
val_docs = tinyworld.generate(cfg["n_val"], seed=2)
seconds = time.perf_counter() - t0
val_text = tinyworld.corpus(val_docs)
train_text = {k: tinyworld.corpus(train_docs[:k * cfg["n_train"]]) for k in cfg["data_scales"]}
n_chars = len(train_text[max(cfg["data_scales"])]) + len(val_text)
print(f"{len(train_docs) + len(val_docs):,} documents, {n_chars:,} characters "
      f"in {seconds:.2f} s ({n_chars / seconds / 1e6:.1f} MB/s)")
for k, text in train_text.items():
    print(f"training text x{k}: {k * cfg['n_train']:,} documents, {len(text):,} characters")
print(f"validation text: {len(val_docs):,} documents, {len(val_text):,} characters")
long = sum(len(d.text) > 600 for d in val_docs) / len(val_docs)
print(f"{100 * long:.0f} % of the validation documents are longer than 600 characters")
''')
md(open("drafts/data_notebook_tinyworld2/md/07_words.md").read())
code('''
def word_counts(text: str) -> Counter:
    return Counter(re.findall(r"[A-Za-z'-]+", text))

tw_words = word_counts(train_text[1])
common = Counter({w: c for w, c in tw_words.items() if w not in world.names})
print(f"tinyworld: {sum(tw_words.values()):,} words, {len(tw_words):,} word types, "
      f"{len(common):,} of them not names")
print("most common:", ", ".join(w for w, _ in tw_words.most_common(12)))
families = {"inflection": r"(mend|clean|polish|bake|carry)(s|es|ed|ied|ing)?",
            "comparison": r"(old|fine|grand|pretty|sturdy)(r|er|st|est|ier|iest)?",
            "negation": r"(not|never|nobody|nothing|no)",
            "relative clauses": r"(who|which|that|where|whose)"}
for label, pattern in families.items():
    found = sorted(w for w in tw_words if re.fullmatch(pattern, w, flags=re.IGNORECASE))
    print(textwrap.fill(f"{label}: " + ", ".join(found), 96))
''', ["nbval-check-output"])
code('''
py_words = word_counts(pydocs.text("train"))
print(f"pydocs: {sum(py_words.values()):,} words, {len(py_words):,} word types")

fig, ax = plt.subplots(figsize=(6, 4))
plot_zipf(sorted(tw_words.values(), reverse=True), ax=ax, label="tinyworld", reference=False)
plot_zipf(sorted(py_words.values(), reverse=True), ax=ax, label="pydocs (Python docs)",
          title="Word frequency against rank: both follow Zipf's law")
plt.show()
''')
md(open("drafts/data_notebook_tinyworld2/md/08_entropy.md").read())
code('''
H = tinyworld.entropy_bits_per_char(val_docs)
print(f"source entropy H = {H:.4f} bits per character")
H_kind = {}
for kind in tinyworld.KINDS:
    of_kind = [d for d in val_docs if d.kind == kind]
    H_kind[kind] = tinyworld.entropy_bits_per_char(of_kind)
    share = sum(len(d.text) + 1 for d in of_kind) / len(val_text)
    print(f"  {kind:>10}: {len(of_kind):4d} documents, {100 * share:4.1f} % of the characters, "
          f"{H_kind[kind]:.3f} bits/char")
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/09_bits.md").read())
code('''
shares = tinyworld.bits_by_category(val_docs)
print(f"{'decision':>10} | share of the bits | bits/char")
for category, share in shares.items():
    print(f"{category:>10} | {100 * share:16.1f} % | {share * H:.3f}")
by_kind = {kind: tinyworld.bits_by_category([d for d in val_docs if d.kind == kind])
           for kind in tinyworld.KINDS}

fig, ax = plt.subplots(figsize=(9, 3.6))
left = [0.0] * len(by_kind)
for category in tinyworld.CATEGORIES:
    widths = [100 * by_kind[k][category] for k in by_kind]
    ax.barh(list(by_kind), widths, left=left, label=category)
    left = [l + w for l, w in zip(left, widths)]
ax.invert_yaxis()
ax.set_xlabel("share of the document's bits (%)")
ax.set_title("Where the bits of each kind of document go")
ax.legend(ncol=5, loc="lower center", bbox_to_anchor=(0.5, 1.1), fontsize=8)
plt.tight_layout()
plt.show()
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/10_kn.md").read())
code('''
text = train_text[1]
for char in ("¶", "e"):
    raw = text.count(char)
    before = {text[i - 1] for i in range(1, len(text)) if text[i] == char}
    print(f"{char!r}: seen {raw:,} times, after {len(before)} different characters")
''', ["nbval-check-output"])
md(open("drafts/data_notebook_tinyworld2/md/11_sweep.md").read())
code('''
bpc = {}
for k, text in train_text.items():
    t0 = time.perf_counter()
    models = CharNGram.fit_orders(text, cfg["orders"])  # one count serves every order
    bpc[k] = {n: model.bits_per_char(val_text) for n, model in models.items()}
    print(f"{profile}: counted {len(text):,} characters (x{k}) for orders 1 to {max(cfg['orders'])} "
          f"and scored {len(val_text):,} in {time.perf_counter() - t0:.1f} s")
print(f"{'order':>5} | " + " | ".join(f"x{k} bits/char  above H" for k in bpc))
for n in cfg["orders"]:
    print(f"{n:5d} | " + " | ".join(f"{bpc[k][n]:13.4f} {100 * (bpc[k][n] / H - 1):6.0f} %" for k in bpc))
best_k, best = min(((k, n) for k in bpc for n in bpc[k]), key=lambda kn: bpc[kn[0]][kn[1]])
best_bpc = bpc[best_k][best]
print(f"best count model: order {best} on x{best_k} the data, {best_bpc:.3f} bits/char, "
      f"{100 * (best_bpc / H - 1):.0f} % above the entropy {H:.3f}")
''')
code('''
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
for k in bpc:
    ax1.semilogy(list(bpc[k]), list(bpc[k].values()), "o-", label=f"Kneser-Ney, x{k} training text")
ax1.axhline(H, color="tab:red", ls="--", label=f"source entropy ({H:.3f})")
ax1.set_xlabel("order n (context of n-1 characters)")
ax1.set_ylabel("bits per character (log scale)")
ax1.set_title("Count models on held-out tinyworld text")
ax1.grid(alpha=0.3, which="both")
ax1.legend()
ax2.plot(list(bpc[best_k]), list(bpc[best_k].values()), "o-", label=f"x{best_k} training text")
ax2.axhline(H, color="tab:red", ls="--", label="source entropy")
ax2.set_xlim(5.5, max(cfg["orders"]) + 0.5)
ax2.set_ylim(0, 1.5 * best_bpc)
ax2.set_xlabel("order n")
ax2.set_ylabel("bits per character")
ax2.set_title("The curve flattens far above the bound")
ax2.grid(alpha=0.3)
ax2.legend()
plt.tight_layout()
plt.show()
''')
md(open("drafts/data_notebook_tinyworld2/md/12_gap.md").read())
code('''
top = CharNGram.fit_orders(train_text[best_k], [best])[best]
print(f"{'kind':>10} | entropy | order-{best} KN | above the entropy")
gap = {}
for kind in tinyworld.KINDS:
    of_kind = [d for d in val_docs if d.kind == kind]
    kn = top.bits_per_char(tinyworld.corpus(of_kind))
    gap[kind] = kn - H_kind[kind]
    print(f"{kind:>10} | {H_kind[kind]:7.3f} | {kn:12.3f} | {100 * (kn / H_kind[kind] - 1):6.0f} %")
''')
md(open("drafts/data_notebook_tinyworld2/md/13_meaning.md").read())
code(open("drafts/data_notebook_tinyworld2/claims.py").read(), ["remove-cell"])
md(open("drafts/data_notebook_tinyworld2/md/14_exercises.md").read())

out = json.load(open(sys.argv[1])) if len(sys.argv) > 2 else None
nb = {"cells": [], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
      "language_info": {"name": "python", "version": "3.11.7"}}, "nbformat": 4, "nbformat_minor": 5}
for i, (kind, tags, src) in enumerate(cells):
    cid = hashlib.sha1(f"data-{i}-{kind}".encode()).hexdigest()[:8]
    lines = src.splitlines(keepends=True)
    cell = {"cell_type": kind, "id": cid, "metadata": {"tags": tags} if tags else {}, "source": lines}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    nb["cells"].append(cell)
json.dump(nb, open(sys.argv[-1], "w"), indent=1, ensure_ascii=False)
print("wrote", sys.argv[-1], len(nb["cells"]), "cells")
