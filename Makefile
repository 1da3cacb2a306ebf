# Regelingenwijzer — `make run` serves the site, `make test` runs every test.
VENV    := .venv
PY      := $(VENV)/bin/python
FLASK   := $(VENV)/bin/flask --app app
PYTHON  ?= python3
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: run test check index translations extract-messages update-messages browser-tools clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime translations
	$(FLASK) regelingen index
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn --config gunicorn.conf.py "app:create_app()"

translations: $(VENV)/.runtime
	@if [ -d translations ]; then $(VENV)/bin/pybabel compile --use-fuzzy -q -d translations 2>/dev/null || $(VENV)/bin/pybabel compile -d translations; fi

check: $(VENV)/.runtime
	$(FLASK) regelingen check

index: $(VENV)/.runtime
	$(FLASK) regelingen index

test: $(VENV)/.dev translations check
	$(PY) -m pytest

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
