# Stockroom: `make run` serves the whole system on the embedded default; `make test` runs
# the suite (twice when TEST_DATABASE_URL / TEST_REDIS_URL point at PostgreSQL and Redis).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench worker beat flower migrate clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) scripts/run_embedded.py

test: $(STAMP)
	@echo "== round 1: SQLite + filesystem broker (the embedded default)"
	env -u TEST_DATABASE_URL -u TEST_REDIS_URL $(PY) -m pytest
	@if [ -n "$$TEST_DATABASE_URL$$TEST_REDIS_URL" ]; then \
		echo "== round 2: PostgreSQL ($$TEST_DATABASE_URL) + Redis ($$TEST_REDIS_URL)"; \
		$(PY) -m pytest; \
	fi
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) bench/report.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

migrate: $(STAMP)
	$(VENV)/bin/flask --app wsgi db upgrade

worker: $(STAMP)
	$(VENV)/bin/celery -A celery_app worker -l info

beat: $(STAMP)
	$(VENV)/bin/celery -A celery_app beat -l info

flower: $(STAMP)
	$(VENV)/bin/celery -A celery_app flower --address=127.0.0.1 --port=5555 \
		--basic-auth=$${FLOWER_BASIC_AUTH:-admin:stockroom}

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
