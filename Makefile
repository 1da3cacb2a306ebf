# Regelingenwijzer — `make run` serves the site, `make test` runs every test.
VENV    := .venv
PY      := $(VENV)/bin/python
FLASK   := $(VENV)/bin/flask --app app
PYTHON  ?= python3
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: run test lint typecheck validate check index bench-search bench-tune bench-scale docs links translations extract-messages update-messages browser-tools clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime translations
	$(FLASK) db upgrade
	$(FLASK) regelingen index
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn --config gunicorn.conf.py "app:create_app()"

translations: $(VENV)/.runtime
	@if [ -d translations ]; then $(VENV)/bin/pybabel compile --use-fuzzy -q -d translations 2>/dev/null || $(VENV)/bin/pybabel compile -d translations; fi

# Interface texts. extract-messages collects every _() text into translations/messages.pot; update-messages
# merges that into each language's messages.po: then translate the new entries (the tests fail on an empty or
# fuzzy English one). A new language: pybabel init -i translations/messages.pot -d translations -l <code>.
extract-messages: $(VENV)/.runtime
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext --add-location=file --sort-output --no-wrap \
	  --project=Regelingenwijzer -c TRANSLATORS: -o translations/messages.pot .

update-messages: extract-messages
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations --no-wrap

# Validate every scheme file and the bijstandsnormen: each problem as file:line: message (errors fail).
validate: $(VENV)/.runtime
	$(FLASK) regelingen validate

# The old name of validate, kept for scripts that use it.
check:
	@echo "let op: 'make check' heet nu 'make validate'" >&2
	@$(MAKE) --no-print-directory validate

index: $(VENV)/.runtime
	$(FLASK) regelingen index

# Search relevance on bench/data/*-queries.yaml next to a plain BM25 baseline (about a minute).
bench-search: $(VENV)/.runtime
	$(PY) -m bench.relevance

# Coordinate search over the search's weights on the real-people sets, each half checked on the other (a few minutes).
bench-tune: $(VENV)/.runtime
	$(PY) -m bench.tune_weights

# Build time, query latency and memory on a generated national-size corpus (several minutes).
bench-scale: $(VENV)/.runtime
	$(PY) -m bench.scale

# The field reference in docs/voor-gemeenten.md, generated from schema/*.schema.json (a test fails when it is stale).
docs: $(VENV)/.runtime
	$(FLASK) regelingen docs

# Visit every source, form and contact address in the files (run daily on the server; results in var/ and /beheer).
links: $(VENV)/.runtime
	$(FLASK) regelingen links

test: $(VENV)/.dev translations lint typecheck validate browser-tools bench-tools
	$(PY) -m pytest

# Style and common mistakes (rules in pyproject.toml); `ruff format .` rewrites the files the check complains about.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Static types of the app code (which files and settings: [tool.mypy] in pyproject.toml).
typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy

# Browser tests need Debian's chromium (never a downloaded browser), plus axe-core and the Nu Html
# Checker from npm in ./node_modules. apt runs only when something is missing; npm ci only when the
# lock file changed. Without root outside CI we say what is missing and the browser tests skip.
# The staff workspace tests also run against PostgreSQL (Debian's postgresql; the tests start their own server).
BROWSER_DEBS := chromium fonts-dejavu-core fonts-liberation

browser-tools: node_modules/.installed
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$(BROWSER_DEBS)"; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "browser-tools: missing $$missing; install with: sudo apt-get install $$missing" >&2; \
	    [ -z "$$CI" ] || exit 1; \
	  fi; \
	fi

# --ignore-scripts: vnu-jar's postinstall would try to download a Java; we use the system's.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis node_modules

# Benchmarks. `make bench` runs them all (under 10 minutes) and rewrites docs/benchmarks.md with the machine,
# the date and the command for every figure; each bench-* target runs one (results in var/bench/).
# Load tests only ever send traffic to 127.0.0.1, bounded in time and in requests.
.PHONY: bench bench-tools bench-load bench-pdf bench-app-scale bench-cost bench-coach-pdf bench-staff

bench: $(VENV)/.dev bench-tools
	$(PY) -m bench.report --run

bench-load: $(VENV)/.dev bench-tools
	$(PY) -m bench.load

bench-pdf: $(VENV)/.dev browser-tools
	$(PY) -m bench.pdf_flood

bench-app-scale: $(VENV)/.dev
	$(PY) -m bench.scale_app

# CPU per request in-process, cold (every question new) and warm side by side, and the engine next to SQLite FTS5.
bench-cost: $(VENV)/.dev
	$(PY) -m bench.cost

# The staff workspace at national size (14,000 schemes in a git repository): form page, save, approval, publication.
bench-staff: $(VENV)/.dev
	$(PY) -m bench.staff_scale

# Coach PDFs (Chromium): seconds and page count of a guide, a three-scheme plan (nl, en) and the longest guide.
bench-coach-pdf: $(VENV)/.runtime
	$(PY) bench/coach_pdf.py

# wrk (Debian's package) drives the load test; installed only when missing, as root (CI) or with a hint.
bench-tools:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; \
	  else \
	    echo "bench-tools: wrk is missing; install with: sudo apt-get install wrk" >&2; \
	    [ -z "$$CI" ] || exit 1; \
	  fi; }

# Re-vendor the NL Design System CSS and the icon sprite (needs npm; the site itself never does).
vendor-css:
	cd tools/nlds && npm ci --silent && python3 build_css.py && python3 build_icons.py
