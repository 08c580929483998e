"""The project's set-up stays consistent: environment.yml vs pyproject.toml, notebooks' setup cells."""

import ast
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
        assert any("remove-cell" in c["metadata"].get("tags", []) and "claims." in "".join(c["source"])
                   for c in cells), f"{path.name} has no hidden claims cell"


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


# A checked cell must reproduce its output exactly on any machine, so its output must not depend on
# the floating-point arithmetic of training. We follow the names that training produces through the
# notebook: a cell that trains (calls fit(), backward() or an optimizer's step(), calls a function of
# the notebook that does, or is tagged "trained") taints every name it assigns and every object it
# passes to a call; a cell that reads a tainted name taints the names it assigns; a cell that assigns
# a name without reading anything tainted cleans it. A checked cell may read no tainted name.
TRAINED = "trained"  # the cell tag that marks a cell as training by hand
TRAINING_CALLS = {"fit", "backward", "step"}


def _called(node: ast.AST) -> str | None:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _statement_names(stmt: ast.stmt) -> tuple[set[str], set[str], set[str]]:
    """(names read, names assigned, objects that training changes in place: the model given to
    ``fit``, the receiver of ``backward()`` or ``step()``) of one top-level statement."""
    if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
        return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}, \
            {stmt.name}, set()
    loads, stores, changed, called = set(), set(), set(), set()
    by_hand = False  # a loop written out: backward() and step() change whatever the loop calls
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name):
            (loads if isinstance(node.ctx, ast.Load) else stores).add(node.id)
        elif isinstance(node, ast.Call):
            called |= {n.id for n in ast.walk(node.func) if isinstance(n, ast.Name)}
            if _called(node) == "fit" and node.args:
                changed |= {n.id for n in ast.walk(node.args[0]) if isinstance(n, ast.Name)}
            by_hand |= _called(node) in ("backward", "step")
    return loads, stores, changed | (called if by_hand else set())


def _trains(stmt: ast.stmt, trainers: set[str]) -> bool:
    return not isinstance(stmt, (ast.FunctionDef, ast.ClassDef)) and any(
        isinstance(n, ast.Call) and _called(n) in trainers for n in ast.walk(stmt))


def trained_checked_cells(cells: list[dict]) -> list[int]:
    """Indices of the checked cells of a notebook whose output can depend on training."""
    trainers, tainted, imported, bad = set(TRAINING_CALLS), set(), set(), []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        try:
            tree = ast.parse("\n".join(line for line in source.splitlines() if not line.startswith(("%", "!"))))
        except SyntaxError:
            continue
        for node in ast.walk(tree):  # a function (or class) of the notebook that trains is a trainer
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and any(
                    isinstance(n, ast.Call) and _called(n) in trainers for n in ast.walk(node)):
                trainers.add(node.name)
        tags = cell.get("metadata", {}).get("tags", [])
        depends = trained = False
        for stmt in tree.body:  # in order: a name assigned afresh from clean inputs is clean again
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                imported |= {(a.asname or a.name).split(".")[0] for a in stmt.names}
                continue
            loads, stores, changed = _statement_names(stmt)
            changed -= imported
            trained |= TRAINED in tags or _trains(stmt, trainers)  # and so is the rest of the cell
            trains = trained
            depends |= trains or bool(loads & tainted)
            if trains:
                tainted |= stores | changed
            elif loads & tainted:
                tainted |= stores
            else:
                tainted -= stores
        if CHECKED in tags and depends:
            bad.append(i)
    return bad


def _cell(source: str, *tags: str) -> dict:
    return {"cell_type": "code", "source": source, "metadata": {"tags": list(tags)}}


def test_trained_checked_cells_detects_what_it_should():
    data = _cell("docs = make_data(5)\nprint(len(docs))", CHECKED)
    model = _cell("model = Model(3)\nprint(model.num_parameters())", CHECKED)
    train = _cell("history = fit(model, docs)")
    good = [data, model, train, _cell("print(scaling.flops(7))", CHECKED)]
    assert trained_checked_cells(good) == []
    # a checked cell that reads what training produced, directly or through another name
    assert trained_checked_cells([*good, _cell("print(history.last('loss'))", CHECKED)]) == [4]
    assert trained_checked_cells([*good, _cell("acc = history.last('acc')"), _cell("print(acc)", CHECKED)]) == [5]
    assert trained_checked_cells([*good, _cell("print(model(docs))", CHECKED)]) == [4]  # fit() changed model
    # a function of the notebook that trains, a loop written by hand, a cell tagged as training
    helper = _cell("def train(x):\n    m = Model(x)\n    fit(m, docs)\n    return m")
    assert trained_checked_cells([helper, _cell("runs = [train(x) for x in (1, 2)]"),
                                  _cell("print(runs[0])", CHECKED)]) == [2]
    loop = "for x in batches:\n    loss = model(x).sum()\n    loss.backward()\n    opt.step()"
    assert trained_checked_cells([_cell(loop), _cell("print(model.weight)", CHECKED)]) == [1]
    assert trained_checked_cells([_cell("import torch\n" + loop), _cell("print(torch.ones(2))", CHECKED)]) == []
    assert trained_checked_cells([_cell("loss.backward()\nw = model.weight"), _cell("print(w)", CHECKED)]) == [1]
    assert trained_checked_cells([_cell("w = run_my_loop()", TRAINED), _cell("print(w)", CHECKED)]) == [1]
    # a name assigned afresh from untrained inputs is clean again
    assert trained_checked_cells([train, _cell("docs = make_data(9)"), _cell("print(docs)", CHECKED)]) == []


def test_no_checked_cell_depends_on_training():
    for path in notebooks():
        cells = json.loads(path.read_text())["cells"]
        bad = trained_checked_cells(cells)
        assert not bad, (f"{path.name}: cells {bad} are checked by nbval but their output comes from "
                         "training; check it with a tolerance in the hidden claims cell instead")


TIMING = re.compile(r"\b\d+(\.\d+)? (s|ms|seconds)\b(?!/)")  # "in 12 s", "(3.1 s)", "6.5 ms per token"


def test_no_checked_cell_prints_a_wall_time():
    # a wall time differs from run to run, so a cell that nbval compares exactly must not print one
    for path in notebooks():
        cells = json.loads(path.read_text())["cells"]
        bad = [i for i, c in enumerate(cells) if c["cell_type"] == "code"
               and CHECKED in c["metadata"].get("tags", [])
               and any(TIMING.search("".join(o.get("text", ""))) for o in c.get("outputs", []))]
        assert not bad, (f"{path.name}: cells {bad} are checked by nbval but print a wall time; print "
                         "it in a cell that nbval does not compare")


def test_every_notebook_verifies_its_claims_and_trains_from_the_training_seed():
    literal_seed = re.compile(r"(seed_everything\(\s*\d|\bfit\([^)]*\bseed\s*=\s*\d)", re.S)
    for path in notebooks():
        cells = json.loads(path.read_text())["cells"]
        hidden = ["".join(c["source"]) for c in cells if "remove-cell" in c["metadata"].get("tags", [])]
        assert any("claims.verify()" in h for h in hidden), f"{path.name}: no hidden cell verifies its claims"
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert not literal_seed.search(code), (f"{path.name} trains from a literal seed; use "
                                               "lmlib.profile.training_seed() so that $LMLIB_SEED moves it")
        if MODEL_BUILDERS.search(code):
            assert "training_seed()" in code, f"{path.name} builds models but never reads training_seed()"


# The website's column holds 97 characters of code at a 1280-pixel-wide window (_ext/static/book.css;
# the browser test measures it): every line a reader sees, code or output, fits in 96.
PAGE_WIDTH = 96
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours of a traceback, not shown as characters


def too_wide_lines(cells: list[dict], width: int = PAGE_WIDTH) -> list[tuple[int, str]]:
    """(cell index, line) for every line of shown code or text output longer than `width`."""
    wide = []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code" or {"remove-cell", "remove-input"} & set(cell["metadata"].get("tags", [])):
            continue
        texts = ["".join(cell["source"])]
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain", "")
            texts.append("".join(text) if isinstance(text, list) else text)
            texts += out.get("traceback", [])
        lines = (ANSI.sub("", line) for text in texts for line in text.splitlines())
        wide += [(i, line) for line in lines if len(line) > width]
    return wide


def test_too_wide_lines_detects_what_it_should():
    ok = "x" * PAGE_WIDTH
    cells = [_cell(ok), _cell(ok + "y"), _cell("print(1)"), _cell("#" * 200, "remove-cell")]
    cells[2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": [ok + "\n", "z" * 97]}]
    assert too_wide_lines(cells) == [(1, ok + "y"), (2, "z" * 97)]


def test_every_line_a_reader_sees_fits_the_page():
    for path in notebooks():
        wide = too_wide_lines(json.loads(path.read_text())["cells"])
        assert not wide, (f"{path.name}: {len(wide)} lines wider than {PAGE_WIDTH} characters, which "
                          f"the website wraps mid-line, e.g. cell {wide[0][0]}: {wide[0][1][:60]!r}...")
