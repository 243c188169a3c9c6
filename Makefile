# chanjiao: every target sets up what it needs (virtual environment in .venv, pinned by uv.lock).
PYTHON      ?= python3
UV_VERSION  := 0.13.8
TOOLS       := .tools
UV          := $(TOOLS)/bin/uv
VENV        := .venv
STAMP       := $(VENV)/.synced-stamp
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: run test ui bench browser clean evaluate

run: $(STAMP)  ## the main job: whole pipeline on the bundled sample corpus, publishing a release
	$(VENV)/bin/chanjiao refresh

test: $(STAMP) browser  ## the test suite
	$(VENV)/bin/python -m pytest

ui: $(STAMP)  ## the Dagster UI on 127.0.0.1
	$(VENV)/bin/chanjiao ui

bench: $(STAMP)  ## speed ratios, measured side by side in one run
	$(VENV)/bin/python -m pipelines.bench

evaluate: $(STAMP)  ## score the extractor on the bundled gold corpus (and ../shared's dev set if present)
	$(VENV)/bin/chanjiao evaluate --gold samples/gold --reports samples/inbox
	@if [ -d ../shared/corpus/dev ]; then $(VENV)/bin/chanjiao evaluate --gold ../shared/corpus/dev/gold.csv --reports ../shared/corpus/dev; fi

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

# Headless Chromium for the catalogue-page and UI screenshot tests (Debian packages).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium (for browser tests)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) $(TOOLS) .dagster_home/storage .dagster_home/history .dagster_home/logs .pytest_cache
