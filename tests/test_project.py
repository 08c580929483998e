"""The project's set-up stays consistent: environment.yml vs pyproject.toml, notebooks' setup cells."""

import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECKED = "nbval-check-output"  # nbval's cell tag: the output must reproduce exactly


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;@]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["book"] \
        + project["optional-dependencies"]["test"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    python = next(d for d in conda if d.startswith("python"))
    assert python.replace(" ", "") == "python" + project["requires-python"].replace(">=", ">=")
    assert {_name(r): r.replace(" ", "") for r in pip if not r.startswith("-e")} == \
        {_name(r): r.replace(" ", "") for r in wanted}
    assert any(r.startswith("-e") for r in pip)  # lmlib itself


def setup_cell_source() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    return (
        "# Setup: on Colab, install lmlib from the book's repository; elsewhere, do nothing.\n"
        "import sys\n"
        "\n"
        "if \"google.colab\" in sys.modules:\n"
        "    import subprocess\n"
        "\n"
        f"    subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"-q\", \"lmlib[hub] @ git+{url}\"], check=True)"
    )


def notebooks():
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_every_notebook_starts_with_the_setup_cell():
    expected = setup_cell_source()
    assert notebooks()
    for path in notebooks():
        cells = json.loads(path.read_text())["cells"]
        first_code = next(c for c in cells if c["cell_type"] == "code")
        assert "".join(first_code["source"]) == expected, f"{path.name}: setup cell differs"


def test_every_notebook_is_in_the_toc_and_checked():
    toc = (ROOT / "_toc.yml").read_text()
    for path in notebooks():
        rel = path.relative_to(ROOT).with_suffix("").as_posix()
        assert rel in toc, f"{rel} is not in _toc.yml"
        text = path.read_text()
        assert "NBVAL_CHECK_OUTPUT" not in text, f"{path.name}: mark checked cells by tag, not comment"
        cells = json.loads(text)["cells"]
        assert any(CHECKED in c["metadata"].get("tags", []) for c in cells), f"{path.name} has no checked cell"
        assert any("remove-cell" in c["metadata"].get("tags", []) and "assert " in "".join(c["source"])
                   for c in cells), f"{path.name} has no hidden assertion cell"


# Building a model draws its initial weights from torch's default generator, which torch seeds
# differently in every process: a notebook must seed before it builds its first model.
MODEL_BUILDERS = re.compile(r"\b(GPT|Bert|CausalLM|MaskedLM|SequenceClassifier)\(")


def first_model_unseeded(code: str) -> bool:
    """True when the first model built in ``code`` (a notebook's code, in order) comes before any
    ``seed_everything(...)`` call."""
    built = MODEL_BUILDERS.search(code)
    seeded = code.find("seed_everything(")
    return built is not None and (seeded == -1 or seeded > built.start())


def test_first_model_unseeded_detects_what_it_should():
    assert first_model_unseeded("lm = CausalLM(GPTConfig(8))\nseed_everything(0)")
    assert first_model_unseeded("model = Bert(config)")
    assert not first_model_unseeded("seed_everything(0)\nlm = CausalLM(config)")
    assert not first_model_unseeded("config = GPTConfig(8)\nprint(config)")


def test_every_notebook_seeds_before_it_builds_a_model():
    for path in notebooks():
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        code = re.sub(r"^\s*(from|import) .*$", "", code, flags=re.M)  # imports name, not build
        assert not first_model_unseeded(code), f"{path.name} builds a model before seed_everything()"
