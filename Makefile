# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use; torch==2.13.0 is pinned first so that the
# local CPU build is taken where one is provided (elsewhere pip picks the usual build).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/aplguard: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[all,dev]'
	$(BIN)/aplguard models pull --if-available || true
	touch $(BIN)/aplguard

.PHONY: install demo test
install: $(BIN)/aplguard

demo: install
	$(BIN)/aplguard demo --out demo-out

test: install
	$(BIN)/python -m pytest -q -m "not gpu"
