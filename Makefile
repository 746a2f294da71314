# Finsam: `make run` serves the demo, `make test` runs every test.
# Both install what they need first; installing twice does nothing new.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=

.PHONY: install run test lint bench bench-nationell migreringskontroll worker beat clean load audit rok

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo ""
	@echo "Finsam körs på http://127.0.0.1:8000"
	@echo "Demoinloggningar: chef, samordnare, styrelse"
	@echo "(lösenord: FINSAM_DEMO_PASSWORD när de skapades, standard demo)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	$(PY) -m pytest tests/bench -m bench -s -p no:cacheprovider

# National scale (issue 16) on PostgreSQL: generates the data once per scale
# (1/10 and full; the full one takes minutes) and writes bench/results.json.
# Python tools only: no npm ci, which empties a node_modules shared through a symlink.
bench-nationell: $(VENV)/.installed
	tests/bench/nationell.sh

# A demo database built by an earlier commit, migrated by this one, keeps every row
# and figure; on PostgreSQL when DATABASE_URL names one.
migreringskontroll: install
	$(PY) -m pytest tests/migrering -m migrering -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check .
	$(MANAGE) makemigrations --check --dry-run

worker: install
	$(VENV)/bin/celery -A finsam worker --loglevel=INFO

# Celery beat: every minute it queues again the jobs left waiting or running
# without a sign of life (a message lost with Redis, a worker that died).
beat: install
	$(VENV)/bin/celery -A finsam beat --loglevel=INFO --schedule .celerybeat-schedule

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache

# Load and faults (not part of `make test`): 50 users for five minutes against
# gunicorn on a PostgreSQL and Redis of its own, then Redis and PostgreSQL
# restarted under traffic; every row the scenario created is accounted for.
# Python tools only: no npm ci, which empties a node_modules shared through a symlink.
load: $(VENV)/.installed
	$(PY) -m pip install --quiet ".[dev,last]"
	tests/last/kor.sh

# Smoke test of the deployment, run by .ci/run after the tests: the commands of
# docker-compose.yml (gunicorn with drift/gunicorn.conf.py, a Celery worker and beat)
# started natively in production mode against the local PostgreSQL (a database
# of their own) and Redis (db 5), then health, sign-in page, API and a report
# made by the worker, through gunicorn; under a minute. No npm ci, as for load.
rok: $(VENV)/.installed
	tests/rok/rok.sh

# bandit, pip-audit and npm audit; a tool that cannot reach its data fails the target.
audit: $(VENV)/.installed
	tests/granskning/granska.sh
