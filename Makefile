# The two set-up-and-run commands are `make book` and `make test`; both create .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The project asks for a range of torch versions; the install step pins one.
# On the book's machines torch==2.13.0 is a CPU wheel on disk. Override for CUDA: make TORCH=torch.
TORCH  ?= torch==2.13.0
NOTEBOOKS := $(shell find chapters -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
export PYTHONHASHSEED := 0

.PHONY: help venv book test unit notebooks book-strict browser execute robust gpu-check bench clean

help:
	@echo "make book     build the website into _build/html"
	@echo "make test     unit tests, nbval over every notebook, strict book build, browser test of the site"
	@echo "make browser  every page of the built site in headless Chromium, offline; screenshots"
	@echo "make execute  re-run every notebook in place at the current profile (LMLIB_PROFILE)"
	@echo "make robust   re-run notebooks under other seeds, kernels and threads; table in bench/RESULTS.md"
	@echo "              (NOTEBOOKS=... for a subset, RUNS='seed1 seed2' for some runs, RESUME=1 to add runs)"
	@echo "make gpu-check  on a CUDA machine: every notebook at the gpu profile, step-capped, timed"
	@echo "make bench    throughput ratios (fit vs a plain loop; from-scratch vs HF tokenizers)"
	@echo "make clean    remove _build"

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[book,test]"
	touch $@

book: venv
	$(BIN)/jupyter-book build . --quiet

test: unit notebooks book-strict browser

unit: venv
	MPLBACKEND=Agg $(BIN)/python -m pytest tests -q --ignore=tests/site

notebooks: venv
	$(BIN)/python -m pytest --nbval-lax --nbval-cell-timeout=900 -p no:randomly -q $(NOTEBOOKS)

book-strict: venv
	rm -rf _build
	$(BIN)/jupyter-book build . --warningiserror --keep-going --quiet

# Every page of _build/html in headless Chromium, offline (Debian: apt-get install chromium).
# Screenshots of the intro and one page per chapter go to _build/screenshots/.
browser: venv
	$(BIN)/python -m pytest tests/site -q -p no:randomly

execute: venv
	@for nb in $(NOTEBOOKS); do \
	  echo "executing $$nb"; \
	  $(BIN)/jupyter execute --inplace --timeout=1800 "$$nb" || exit 1; \
	done

# Every claim of every notebook under perturbations (not part of make test: about an hour on 2 cores).
RUNS ?=
robust: venv
	$(BIN)/python bench/robust.py --notebooks $(NOTEBOOKS) $(if $(RUNS),--runs $(RUNS)) $(if $(RESUME),--resume)

gpu-check: venv
	$(BIN)/python bench/gpu_check.py --max-steps 300 --out gpu_check.json \
	  --alongside chapters/00_introduction/01_data.ipynb chapters/01_input_representation/01_subword_tokenization.ipynb

bench: venv
	$(BIN)/python bench/train_throughput.py
	$(BIN)/python bench/tokenize_throughput.py

clean:
	rm -rf _build
