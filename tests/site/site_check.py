"""Check a built website the way a reader sees it: every page opened in headless Chromium, offline.

`check_site(root)` opens every HTML page under `root` from disk (file:// URLs) with all other
requests blocked, and reports per page: console errors and requests that left the machine,
formulas left as raw TeX, images that did not load, code or output lines wider than the
column, internal links and #anchors that lead
nowhere, and (for notebook pages) a Colab launch link and an .ipynb download that differ from
what is expected. Chromium is the system's (Debian's /usr/bin/chromium), driven by Playwright.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SKIPPED_DIRS = {"_static", "_sources", "_images", "_downloads"}  # assets, not pages
COLAB = "https://colab.research.google.com/"
_REFRESH = re.compile(r'<meta[^>]+http-equiv="refresh"[^>]+url=([^"]+)"', re.IGNORECASE)

# Runs in the page once it has loaded: waits for MathJax, then collects what Python checks.
_INSPECT = r"""
async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const code = "pre, code, kbd, samp, script, style, textarea, noscript, mjx-container, .highlight";
  const raw = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest(code)) continue;
    const t = n.textContent;
    if (/\\\(|\\\[|\$\$|\\begin\{/.test(t) || /\$[^$\n]*\\[A-Za-z]+[^$\n]*\$/.test(t))
      raw.push(t.trim().replace(/\s+/g, " ").slice(0, 80));
  }
  const math = [...document.querySelectorAll(".math")];
  const untypeset = math.filter(e => !e.querySelector("mjx-container"))
                        .map(e => e.textContent.trim().slice(0, 80));
  const errors = [...document.querySelectorAll("mjx-merror")]
                        .map(e => e.getAttribute("data-mjx-error") || e.textContent);
  const images = [];
  for (const img of document.images) {
    img.loading = "eager";
    if (!img.complete)
      await new Promise(r => { img.addEventListener("load", r); img.addEventListener("error", r);
                               setTimeout(r, 5000); });
    if (!(img.naturalWidth > 0)) images.push(img.getAttribute("src") || "(no src)");
  }
  const longest = t => t.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
  // A line is too wide if, laid out without wrapping, it runs past the block's right edge: cut
  // off (or behind a scroll bar) where the theme does not wrap, broken mid-line where it does.
  const tooWide = e => {
    const wrap = e.style.whiteSpace;
    e.style.whiteSpace = "pre";
    const wide = e.scrollWidth > e.clientWidth + 1;
    e.style.whiteSpace = wrap;
    return wide;
  };
  const cut = [...document.querySelectorAll("pre")]
    .filter(e => e.clientWidth > 0 && tooWide(e))
    .map(e => longest(e.textContent).trim().slice(0, 80));
  return {
    raw, untypeset, errors, images, cut,
    formulas: math.length, typeset: document.querySelectorAll("mjx-container").length,
    links: [...document.querySelectorAll("a[href]")].map(a => [a.getAttribute("href"), a.href]),
    downloads: [...document.querySelectorAll("a.btn-download-source-button")].map(a => a.href),
    ids: [...document.querySelectorAll("[id]")].map(e => e.id)
         .concat([...document.querySelectorAll("a[name]")].map(e => e.name)),
  };
}
"""


@dataclass
class SiteReport:
    """What the check found: for each page (path relative to the site), its problems."""

    root: Path
    problems: dict[str, list[str]] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)

    def add(self, page: str, problem: str) -> None:
        self.problems.setdefault(page, []).append(problem)

    def __str__(self) -> str:
        lines = [f"{len(self.pages)} pages checked under {self.root}"]
        for page, problems in sorted(self.problems.items()):
            lines += [f"{page}:"] + [f"  - {p}" for p in problems]
        return "\n".join(lines)


def site_pages(root: Path) -> list[str]:
    """Every HTML page of the site, relative to `root`, assets excluded."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")
                  if not SKIPPED_DIRS & set(p.relative_to(root).parts[:1]))


def colab_links(config: dict, source_root: Path) -> dict[str, str]:
    """Page -> the Colab URL its launch button must have, for every notebook of the book.

    `config` is the book's `_config.yml`: the repository's `url`, `branch` and `path_to_book`, and
    `launch_buttons.colab_url`; `source_root` is the folder of `_config.yml`.
    """
    repo = config["repository"]
    org_repo = urlparse(repo["url"]).path.strip("/").removesuffix(".git")
    base = config["launch_buttons"]["colab_url"].rstrip("/")
    book = repo.get("path_to_book", "").strip("/")
    links = {}
    for nb in sorted(source_root.rglob("*.ipynb")):
        rel = nb.relative_to(source_root)
        if {".ipynb_checkpoints", "_build", ".venv"} & set(rel.parts):
            continue
        path = "/".join(filter(None, [book, rel.as_posix()]))
        links[rel.with_suffix(".html").as_posix()] = \
            f"{base}/github/{org_repo}/blob/{repo.get('branch', 'main')}/{path}"
    return links


class _Ids(HTMLParser):
    """The ids (and legacy `<a name>`s) of an HTML file that the browser did not visit."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.ids |= {v for k, v in d.items() if k == "id" or (tag == "a" and k == "name") if v}


def _ids_of(path: Path, seen: dict[Path, set[str]]) -> set[str]:
    if path not in seen:
        parser = _Ids()
        parser.feed(path.read_text(errors="replace"))
        seen[path] = parser.ids
    return seen[path]


def _check_links(report: SiteReport, found: dict[str, dict], ids: dict[Path, set[str]]) -> None:
    """Every file:// link leads to a file inside the site, and every #anchor to an id there."""
    root = report.root.resolve()
    for page, info in found.items():
        for written, resolved in info["links"]:
            url, fragment = urldefrag(resolved)
            if urlparse(url).scheme != "file":
                continue
            target = Path(unquote(urlparse(url).path))
            if not target.is_relative_to(root):
                report.add(page, f"link leaves the site: {written}")
            elif not target.is_file():
                report.add(page, f"broken link: {written} (no file {target.relative_to(root)})")
            elif fragment and target.suffix == ".html" and \
                    unquote(fragment) not in _ids_of(target, ids):
                report.add(page, f"broken anchor: {written} (no id {unquote(fragment)!r} "
                                 f"in {target.relative_to(root)})")


def _check_notebook_page(report: SiteReport, page: str, info: dict, colab: str | None) -> None:
    """A notebook page launches that notebook on Colab and offers the .ipynb for download."""
    launches = [href for _, href in info["links"] if href.startswith(COLAB)]
    if colab is None:
        for href in launches:
            report.add(page, f"Colab link on a page without a notebook: {href}")
        return
    if launches != [colab]:
        report.add(page, f"Colab link should be {colab}, found {launches or 'none'}")
    notebooks = [Path(unquote(urlparse(h).path)) for h in info["downloads"] if h.endswith(".ipynb")]
    if not notebooks:
        report.add(page, "no .ipynb download link")
    for nb in notebooks:
        try:
            assert "cells" in json.loads(nb.read_text())
        except (OSError, ValueError, AssertionError):
            report.add(page, f"the .ipynb download is not a notebook: {nb}")


def _console_text(message) -> str:
    """A console message with the resource it is about (Chromium leaves that out of the text)."""
    url = (message.location or {}).get("url")
    return f"{message.text} ({url})" if url and url not in message.text else message.text


def _check_page(report: SiteReport, page: str, info: dict, console: list[str],
                blocked: list[str]) -> None:
    for message in console:
        report.add(page, f"console error: {message}")
    for url in blocked:
        report.add(page, f"request to the network (blocked): {url}")
    for text in info["raw"]:
        report.add(page, f"raw TeX left in the page: {text!r}")
    for text in info["untypeset"]:
        report.add(page, f"formula not typeset: {text!r}")
    for text in info["errors"]:
        report.add(page, f"MathJax error: {text!r}")
    if info["formulas"] and not info["typeset"]:
        report.add(page, "the page has formulas but no MathJax output (mjx-container)")
    for src in info["images"]:
        report.add(page, f"image missing or empty: {src}")
    for line in info["cut"]:
        report.add(page, f"code or output wider than the column: {line!r}")


def check_site(root: Path, colab: dict[str, str] | None = None, screenshot: list[str] = (),
               screenshot_dir: Path | None = None, chromium: str | None = None) -> SiteReport:
    """Open every page of the site at `root` in headless Chromium, offline, and report problems.

    `colab` maps pages to the Colab URL their launch button must have (see `colab_links`); pages
    not in it must have none. Pages named in `screenshot` (without .html) are saved, full-page, as
    PNG files into `screenshot_dir`.
    """
    from playwright.sync_api import sync_playwright

    root = Path(root).resolve()
    colab = colab or {}
    report = SiteReport(root=root, pages=site_pages(root))
    found: dict[str, dict] = {}
    chromium = chromium or os.environ.get("CHROMIUM") or shutil.which("chromium") \
        or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory(prefix="site-check-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900}, service_workers="block")
        console: list[str] = []
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.pages[0] if context.pages else context.new_page()
        page.on("console", lambda m: console.append(_console_text(m)) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(f"uncaught {e}"))
        for rel in report.pages:
            redirect = _REFRESH.search((root / rel).read_text(errors="replace"))
            if redirect:  # e.g. index.html -> intro.html: only its target is checked
                target = (root / rel).parent / redirect.group(1).strip()
                found[rel] = {"links": [(redirect.group(1), target.as_uri())], "ids": []}
                continue
            console.clear()
            blocked.clear()
            page.goto((root / rel).as_uri(), wait_until="load")
            found[rel] = info = page.evaluate(_INSPECT)
            _check_page(report, rel, info, list(console), list(blocked))
            _check_notebook_page(report, rel, info, colab.get(rel))
            if rel.removesuffix(".html") in screenshot and screenshot_dir is not None:
                shot = Path(screenshot_dir) / (rel.removesuffix(".html").replace("/", "__") + ".png")
                shot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shot), full_page=True)
                report.screenshots.append(shot)
        context.close()
    missing = set(screenshot) - {p.removesuffix(".html") for p in report.pages}
    for name in sorted(missing):
        report.add(f"{name}.html", "page to screenshot does not exist")
    ids = {(root / rel).resolve(): set(info["ids"]) for rel, info in found.items()}
    _check_links(report, found, ids)
    return report
