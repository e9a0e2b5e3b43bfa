# Zhuyu: `make run` starts the suite, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench demo setup system-deps clean console layers catalogue mutation openapi-lint client

# The staff console (console/), built by Vite into console/dist, which the gateway serves.
CONSOLE_STAMP := console/dist/.built
CONSOLE_SOURCES := $(shell find console/src -type f 2>/dev/null) console/index.html console/package.json \
	console/package-lock.json console/vite.config.js

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# The style lint of the merged OpenAPI document (Spectral, from openapi/package-lock.json;
# offline once installed). tests/test_openapi_document.py runs it with openapi/.spectral.yaml.
LINT_STAMP := openapi/node_modules/.installed

$(LINT_STAMP): openapi/package.json openapi/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: the OpenAPI lint (openapi/) needs Node.js 20 or later with npm" >&2; exit 1; }
	cd openapi && npm ci --no-audit --no-fund
	touch $@

openapi-lint: $(LINT_STAMP)

# The typed Python client (clients/python/), regenerated from the merged OpenAPI document.
client: $(STAMP)
	$(PY) -m scripts.python_client

system-deps:
	scripts/install-system-deps.sh --postgres --browser

console: $(CONSOLE_STAMP)

$(CONSOLE_STAMP): $(CONSOLE_SOURCES)
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: building the console (console/) needs Node.js 20.19 or later with npm; install it from https://nodejs.org or your distribution, then run make again" >&2; exit 1; }
	cd console && npm ci --no-audit --no-fund && npm run build
	touch $@

run: $(STAMP) console
	@scripts/install-system-deps.sh
	$(VENV)/bin/zhuyu run

demo: $(STAMP)
	$(VENV)/bin/zhuyu demo

test: $(STAMP) system-deps console $(LINT_STAMP)
	$(PY) -m pytest
	$(PY) -m scripts.mutation --changed

test-fast: $(STAMP) $(LINT_STAMP)
	ZHUYU_TEST_DATABASES=sqlite $(PY) -m pytest -m "not slow"

bench: $(STAMP) system-deps
	$(PY) -m bench.gateway
	$(PY) -m bench.identity
	$(PY) -m bench.events
	$(PY) -m bench.read_models
	$(PY) -m bench.checkin_flow
	$(PY) -m bench.pipeline_latency
	$(PY) -m bench.memory
	$(PY) -m bench.store_scale
	$(PY) -m bench.settlement
	$(PY) -m bench.nameko_peer
	$(PY) -m bench.soak
	$(PY) -m bench.rush
	$(PY) -m bench.profile

# The import picture: parts, arrows between them with counts, arrows that run back up.
layers: $(STAMP)
	$(PY) -m ops.layers

# The event catalogue (docs/events/*.json) from the schemas each producer declares.
catalogue: $(STAMP)
	$(PY) -m scripts.event_catalogue

# Mutation score of every rule module (services/*/domain.py) against its fast unit tests, per
# module next to its 90 % target; CHANGED=1 measures only the modules changed since their
# recorded run (docs/mutation-scores.json), MODULES="services/x/domain.py" only those.
mutation: $(STAMP)
	$(PY) -m scripts.mutation $(if $(CHANGED),--changed) $(MODULES)

clean:
	rm -rf var .pytest_cache
