# Two commands on a fresh machine with Python 3.11: `make report` and `make test`.
# Each creates the virtual environment .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
OUT    ?= reports

.PHONY: report test lint parse bench venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

report: $(STAMP)   ## render every notebook on the bundled seeds into reports/
	$(VENV)/bin/ukrsec report seeds --out $(OUT)

parse: $(STAMP)    ## parse the seeds into tables/
	$(VENV)/bin/ukrsec parse seeds --out tables

test: $(STAMP)     ## the whole test suite: library, notebooks (nbval, papermill), browser
	$(PY) -m pytest

lint: $(STAMP)     ## ruff, then radon: no function over CC 25 or 100 lines (aim: CC 15, 60 lines)
	$(VENV)/bin/ruff check src tests benchmarks tools
	$(PY) tools/complexity.py --cc 15 --lines 60 --warn-only | tail -1
	$(PY) tools/complexity.py

bench: $(STAMP)
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(VENV) reports tables .pytest_cache
