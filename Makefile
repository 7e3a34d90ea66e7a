# Stockroom: `make run` serves the whole system on the embedded default; `make test` runs
# the suite (twice when TEST_DATABASE_URL / TEST_REDIS_URL point at PostgreSQL and Redis).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# What `make run` needs (the runtime requirements, byte-compiled as pip does by default:
# where PYTHONDONTWRITEBYTECODE is set, nothing compiled later is kept, and every process
# would compile its imports again at each start), and on top of it the test, lint,
# benchmark and client tools everything else needs.
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed

.PHONY: run test functions-test lint bench clients worker beat flower migrate clean

$(RUN_STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(RUN_STAMP)
	$(PY) scripts/run_embedded.py

# Regenerate clients/openapi.json and the clients from the document (a test fails when
# the committed ones differ).
clients: $(STAMP)
	$(PY) scripts/generate_clients.py

test: $(STAMP)
	@echo "== round 1: SQLite + filesystem broker (the embedded default)"
	env -u TEST_DATABASE_URL -u TEST_REDIS_URL $(PY) -m pytest
	@if [ -n "$$TEST_DATABASE_URL$$TEST_REDIS_URL" ]; then \
		echo "== round 2: PostgreSQL ($$TEST_DATABASE_URL) + Redis ($$TEST_REDIS_URL)"; \
		$(PY) -m pytest; \
	fi
	$(VENV)/bin/ruff check .

# The reference Supabase Edge Functions' own tests, on the Deno that requirements-dev.txt
# pins (the `deno` package on PyPI); their npm packages are pinned by deno.lock and cached
# under .deno/.
DENO := $(VENV)/bin/deno
DENO_FLAGS := --config supabase/functions/deno.json --frozen
functions-test: $(STAMP)
	DENO_DIR=.deno $(DENO) test --allow-net --allow-env --allow-read $(DENO_FLAGS) \
		supabase/functions/

bench: $(STAMP)
	$(PY) bench/report.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

migrate: $(RUN_STAMP)
	$(VENV)/bin/flask --app wsgi db upgrade

worker: $(RUN_STAMP)
	$(VENV)/bin/celery -A celery_app worker -l info

beat: $(RUN_STAMP)
	$(VENV)/bin/celery -A celery_app beat -l info

flower: $(RUN_STAMP)
	$(VENV)/bin/celery -A celery_app flower --address=127.0.0.1 --port=5555 \
		--basic-auth=$${FLOWER_BASIC_AUTH:-admin:stockroom}

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache .deno
