# Developer commands. The README's quick start is `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEV := DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install catalogues checks browser-deps lint format bench demo messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) catalogues

catalogues: $(STAMP)
	$(DEV) $(PY) manage.py compile_catalogues -v0

demo: install
	$(DEV) $(PY) manage.py migrate --noinput -v0
	$(DEV) $(PY) manage.py load_demo

run: demo
	$(DEV) $(PY) manage.py ensure_demo_admin
	@echo "Serving http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(DEV) $(PY) manage.py runserver --noreload $(HOST):$(PORT)

checks: install
	$(DEV) $(PY) manage.py check
	$(DEV) $(PY) manage.py makemigrations --check --dry-run -v0

browser-deps:
	bash scripts/install_browser_deps.sh

test: install checks browser-deps
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	$(DEV) $(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=node_modules --ignore=.cache --ignore=tests
	$(DEV) $(PY) manage.py compile_catalogues

bench: install
	@for script in bench/*.py; do echo "== $$script"; $(DEV) $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) db.sqlite3* var staticfiles media .cache node_modules
