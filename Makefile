# Every target works from a fresh clone: `make demo` and `make test` install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck bench samples reports clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job on the bundled sample data: the SERVQUAL gaps per service and the scale's
# reliability (then the measurement trend, the KPIs and the report as those commands land).
demo: $(STAMP)
	$(BIN)/servqual gap data/samples/karlstad_servqual.xlsx --by Tjänst --no-items
	$(BIN)/servqual reliability data/samples/karlstad_servqual.xlsx --no-items
	$(BIN)/servqual kpi data/samples/kpi.toml

lint: $(STAMP)
	$(BIN)/ruff check src tests bench data/samples
	$(BIN)/ruff format --check src tests bench data/samples

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

samples: $(STAMP)
	$(BIN)/python data/samples/generate.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
