# The two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv and installs what it needs (from the package registries only).

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## analyse examples/ and write report.html
	$(VENV)/bin/triangulate demo --db demo.db -o report.html

test: $(STAMP)  ## run the test suite
	$(VENV)/bin/pytest

lint: $(STAMP)  ## ruff and mypy
	$(VENV)/bin/ruff check src tests benchmarks training
	$(VENV)/bin/mypy

bench: $(STAMP)  ## speed and accuracy tables
	for script in benchmarks/bench_*.py; do $(VENV)/bin/python $$script || exit 1; done

clean:
	rm -rf $(VENV) demo.db report.html .pytest_cache .mypy_cache .ruff_cache
