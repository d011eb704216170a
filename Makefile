# masa: `make demo` sets everything up and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
PY := $(UV) run --frozen python
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/masa
export MASA_DEBUG ?= 1

.PHONY: demo serve setup system-packages python-packages assets migrate load-demo test test-sqlite test-postgres lint bench clean messages

demo: setup migrate load-demo serve

setup: system-packages python-packages assets

# Debian packages: Chromium for browser tests, Pango/HarfBuzz for WeasyPrint PDFs, LibreOffice
# (no screen) to turn Word, Excel and PowerPoint papers into PDF for the agenda pack.
DEBIAN_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
  libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

python-packages:
	@command -v uv >/dev/null 2>&1 || [ -x $(HOME)/.local/bin/uv ] || python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
	$(UV) sync --frozen --quiet

# GOV.UK Frontend is copied from node_modules at build time, never by hand.
assets:
	@[ -d node_modules/govuk-frontend ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p build/vendor/govuk build/root build/staticfiles
	@cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js build/vendor/govuk/
	@rm -rf build/root/assets && cp -r node_modules/govuk-frontend/dist/govuk/assets build/root/assets

migrate:
	$(PY) manage.py migrate --noinput

load-demo:
	$(PY) manage.py load_demo

serve:
	@echo "masa is serving on http://127.0.0.1:$(PORT) (the task worker runs alongside)"
	$(PY) manage.py db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup test-sqlite test-postgres lint

# The test runs keep compiled bytecode in build/pycache, outside the source tree, even where the
# environment says not to write any: otherwise each xdist worker, and each subprocess a test
# starts, compiles every module it imports again (several seconds per process).
BYTECODE := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/build/pycache

test-sqlite:
	$(BYTECODE) MASA_TESTING=1 $(UV) run --frozen pytest -q -p no:cacheprovider -n 2

# The schemathesis tests (marked fuzz) run in the SQLite pass only: the API and its schema are the same.
test-postgres:
	$(BYTECODE) MASA_TESTING=1 DATABASE_URL=$(PG_TEST_URL) $(UV) run --frozen pytest -q -p no:cacheprovider -n 2 -m "not browser and not fuzz"

# masa's wording for django-allauth's pages (docs/architecture.md, "Wording of third-party pages").
messages:
	cd masa && msgfmt --check -o locale/en_GB/LC_MESSAGES/django.mo locale/en_GB/LC_MESSAGES/django.po

lint:
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen mypy masa
	$(UV) run --frozen lint-imports

bench: setup
	$(PY) bench/run.py
	$(PY) bench/governance.py
	$(PY) bench/clocks.py
	$(PY) bench/returns.py
	$(PY) bench/incidents.py
	$(PY) bench/dashboards.py
	$(PY) bench/section11.py
	$(PY) bench/training_booking.py
	$(PY) bench/training_calendar.py
	$(PY) bench/liiatools_compare.py

clean:
	rm -rf build .venv node_modules db.sqlite3*
