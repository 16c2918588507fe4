# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install demo test lint typecheck unit bench

$(BIN)/realpolitik: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,web,spark]"
	touch $(BIN)/realpolitik

install: $(BIN)/realpolitik

demo: install
	$(BIN)/realpolitik demo

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2 --dist loadfile -q

bench: install
	$(BIN)/python bench/throughput.py --stories 2000
