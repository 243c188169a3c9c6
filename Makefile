# chanjiao: every target sets up what it needs (virtual environment in .venv, pinned by uv.lock).
PYTHON      ?= python3
UV_VERSION  := 0.13.8
TOOLS       := .tools
UV          := $(TOOLS)/bin/uv
VENV        := .venv
STAMP       := $(VENV)/.synced-stamp
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: run test lint ui bench browser postgres clean evaluate

run: $(STAMP)  ## the main job: whole pipeline on the bundled sample corpus, publishing a release
	$(VENV)/bin/chanjiao refresh

test: $(STAMP) browser postgres lint  ## the test suite (lint and format check first)
	$(VENV)/bin/python -m pytest

lint: $(STAMP)  ## one style: ruff's lint rules and formatter (`make format` applies them)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

ui: $(STAMP)  ## the Dagster UI on 127.0.0.1
	$(VENV)/bin/chanjiao ui

bench: $(STAMP) browser  ## speed ratios, measured side by side in one run
	$(VENV)/bin/python -m pipelines.devtools.bench $(BENCH_ARGS)

evaluate: $(STAMP)  ## score the extractor on the bundled gold corpus (and ../shared's dev set if present)
	$(VENV)/bin/chanjiao evaluate --gold samples/real/gold --reports samples/real/inbox
	$(VENV)/bin/chanjiao evaluate --gold tests/fixtures/team/gold --reports tests/fixtures/team/inbox
	@if [ -d ../shared/corpus/dev ]; then $(VENV)/bin/chanjiao evaluate --gold ../shared/corpus/dev/gold.csv --reports ../shared/corpus/dev; fi

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --compile-bytecode: the packages' .pyc files are written once here, so that no process compiles
# them again where the environment sets PYTHONDONTWRITEBYTECODE (as these machines do): importing
# the code location takes 1.4 s with them, 3.2 s without.
$(STAMP): pyproject.toml uv.lock Makefile | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

# Headless Chromium (and a CJK font, so screenshots show Chinese) for the catalogue-page and
# UI screenshot tests: Debian packages, installed once.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; then \
	  echo "installing Debian chromium and fonts-noto-cjk (for browser tests)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# PostgreSQL server binaries, for the test of a Dagster instance in PostgreSQL (the test starts
# its own server in a temporary folder, on a free port with its socket there): Debian's package,
# installed once.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "installing Debian postgresql (for the PostgreSQL instance test)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; \
	fi

clean:
	rm -rf $(VENV) $(TOOLS) .dagster_home/storage .dagster_home/history .dagster_home/logs .pytest_cache
