"""Browser test of the website: every page of `_build/html` in headless Chromium, offline.

`make browser` runs it after the strict book build (`make test` = unit, notebooks, book-strict,
browser). The fixture tests build a tiny broken site to show that the checker catches each problem.
"""

import os
import shutil
import time
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml

from site_check import check_site, colab_links

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
# The intro and one page of each chapter, for a person to look at.
SCREENSHOT_PAGES = [
    "intro",
    "chapters/00_introduction/01_data",
    "chapters/01_input_representation/02_embeddings",
    "chapters/02_pretraining/01_next_word_prediction",
    "chapters/02_pretraining/03_masked_language_modeling",
]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"



@pytest.fixture(scope="module", autouse=True)
def chromium_present():
    """The browser test never skips itself: without Chromium it fails and says what to install."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install it (Debian: apt-get install chromium) "
                    "or point the CHROMIUM variable at one", pytrace=False)


def mathjax_dir() -> Path:
    """The MathJax 3 that the book ships (the files of the sphinx-mathjax-offline package)."""
    spec = find_spec("sphinx-mathjax-offline")
    assert spec is not None, "sphinx-mathjax-offline is not installed (pip install -e '.[book]')"
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax"


def test_built_site_reads_offline():
    if not (SITE / "intro.html").exists():
        pytest.fail(f"no built site in {SITE}: run `make book` first (`make test` builds it)",
                    pytrace=False)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    start = time.perf_counter()
    report = check_site(SITE, colab=colab_links(config, ROOT), screenshot=SCREENSHOT_PAGES,
                        screenshot_dir=SCREENSHOTS, chromium=CHROMIUM)
    seconds = time.perf_counter() - start
    print(f"{len(report.pages)} pages in {seconds:.1f} s; screenshots in {SCREENSHOTS}")
    assert not report.problems, str(report)
    assert len(report.screenshots) == len(SCREENSHOT_PAGES)
    assert all(p.stat().st_size > 10_000 for p in report.screenshots)


# A tiny site with one defect per page, written the way Sphinx writes math, images and links.
_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{name}</title>
<script defer src="{mathjax}"></script></head>
<body><h1 id="top">{name}</h1>{body}</body></html>
"""
_GOOD = """<p>A formula <span class="math notranslate nohighlight">\\(p(x) = 2^{-n}\\)</span>.</p>
<img src="dot.svg" alt="a dot">
<p><a href="other.html#part">a section</a>, <a href="#top">the top</a>, <a href="index.html">home</a>,
<a href="https://example.org/">the web</a>.</p>
<h2 id="part">Part</h2>"""
_BROKEN = {
    # MathJax loaded from a CDN, as the site did before: offline, the formula stays raw TeX.
    "raw_formula": ("https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js", _GOOD),
    "missing_image": (None, _GOOD.replace("dot.svg", "no-such-figure.png")),
    "broken_link": (None, _GOOD.replace("other.html#part", "gone.html")
                    .replace("#top", "other.html#no-such-id")),
    # a line of code wider than the column, which the book's CSS would wrap mid-line
    "wide_code": (None, _GOOD + '<pre style="white-space: pre-wrap">short\n' + "x = 1; " * 60 + "</pre>"),
}
_DOT = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="8"/></svg>'


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A site whose index.html and other.html are sound and each other page has one defect."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(mathjax_dir(), root / "_static" / "mathjax")
    (root / "dot.svg").write_text(_DOT)
    local = "_static/mathjax/tex-chtml.js"
    for name, body in {"index": _GOOD, "other": _GOOD}.items():
        (root / f"{name}.html").write_text(_PAGE.format(name=name, mathjax=local, body=body))
    for name, (mathjax, body) in _BROKEN.items():
        (root / f"{name}.html").write_text(_PAGE.format(name=name, mathjax=mathjax or local,
                                                        body=body))
    return check_site(root, chromium=CHROMIUM)


def test_checker_passes_sound_pages(broken_site):
    assert set(broken_site.pages) == {"index.html", "other.html"} | {f"{n}.html" for n in _BROKEN}
    assert set(broken_site.problems) == {f"{n}.html" for n in _BROKEN}, str(broken_site)


def test_checker_catches_raw_formula(broken_site):
    problems = broken_site.problems["raw_formula.html"]
    assert any(p.startswith("raw TeX left in the page") and "2^{-n}" in p for p in problems)
    assert any(p.startswith("formula not typeset") for p in problems)
    assert any(p.startswith("request to the network (blocked): https://cdn.jsdelivr.net")
               for p in problems), problems


def test_checker_catches_missing_image(broken_site):
    problems = broken_site.problems["missing_image.html"]
    assert "image missing or empty: no-such-figure.png" in problems
    assert not any("TeX" in p or "link" in p for p in problems), problems


def test_checker_catches_code_wider_than_the_column(broken_site):
    problems = broken_site.problems["wide_code.html"]
    assert problems == ["code or output wider than the column: " + repr(("x = 1; " * 60).strip()[:80])]


def test_checker_catches_broken_links(broken_site):
    problems = broken_site.problems["broken_link.html"]
    assert "broken link: gone.html (no file gone.html)" in problems
    assert "broken anchor: other.html#no-such-id (no id 'no-such-id' in other.html)" in problems
    assert len(problems) == 2, problems
