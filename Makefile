# Every target bootstraps .venv itself: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-all lint format schema bench eval clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "certpath needs Python >= 3.11; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,plot]'
	@touch $(STAMP)

## run: the main job on the embedded default data: a plan for the bundled example resume
run: $(STAMP)
	@$(BIN)/certpath plan examples/career-changer-resume.md --target ml-engineer --cloud aws --hours 6 --location US

## test: the fast suite (tests needing ../shared skip with a reason)
test: $(STAMP)
	$(BIN)/python -m pytest -m "not spark and not browser"

## test-all: every suite, as CI runs it
test-all: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix src tests scripts benchmarks
	$(BIN)/ruff format src tests scripts benchmarks

## bench: extraction throughput against flashtext and spaCy (needs ../shared)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/extract_throughput.py

## eval: extraction accuracy against the hand labels and SkillSpan (needs ../shared)
eval: $(STAMP)
	$(BIN)/python benchmarks/extract_accuracy.py

## schema: regenerate the catalog JSON Schemas after a model change
schema: $(STAMP)
	$(BIN)/python -m certpath.catalog.schema

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
