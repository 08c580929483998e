"""A small Sphinx extension for the book's website: everything it needs ships with it.

- MathJax comes from the PyPI package ``sphinx-mathjax-offline`` (loaded as an extension in
  ``_config.yml``), which copies MathJax 3 into ``_static/mathjax``; nothing is fetched from a CDN.
- ``book.css`` makes code cells and their outputs fit the page's column.
- Thebe (live code through Binder) is switched off unless ``launch_buttons.thebe`` asks for it: the
  book does not use it, and its script would point the page at a CDN.
"""

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC = Path(__file__).parent / "static"


def _switch_off_thebe(app: Sphinx, config: Config) -> None:
    """Disconnect sphinx-thebe's handlers, which add its scripts and per-page config, when unused."""
    launch = config.html_theme_options.get("launch_buttons", {})
    if launch.get("thebe"):
        return
    try:
        import sphinx_thebe
    except ImportError:
        return
    unused = {sphinx_thebe.init_thebe_core, sphinx_thebe.update_thebe_context}
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if listener.handler in unused:
                app.disconnect(listener.id)
    app.registry.css_files[:] = [(name, attrs) for name, attrs in app.registry.css_files
                                 if name != "sphinx-thebe.css"]


def _add_static(app: Sphinx, config: Config) -> None:
    """Serve this extension's static folder (book.css)."""
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_static)
    app.connect("config-inited", _switch_off_thebe)
    app.add_css_file("book.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
