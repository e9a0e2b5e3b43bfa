# Zhuyu: `make run` starts the suite, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench demo setup system-deps clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	scripts/install-system-deps.sh --postgres

run: $(STAMP)
	@scripts/install-system-deps.sh
	$(VENV)/bin/zhuyu run

demo: $(STAMP)
	$(VENV)/bin/zhuyu demo

test: $(STAMP) system-deps
	$(PY) -m pytest

test-fast: $(STAMP)
	ZHUYU_TEST_DATABASES=sqlite $(PY) -m pytest -m "not slow"

bench: $(STAMP) system-deps
	$(PY) -m bench.gateway
	$(PY) -m bench.events

clean:
	rm -rf var .pytest_cache
