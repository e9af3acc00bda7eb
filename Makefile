# Two commands matter: `make run` (set up everything and serve on SQLite) and
# `make test` (the whole suite, as CI runs it).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# The non-browser tests run in parallel, one worker per core (pytest-xdist); on SQLite
# each worker copies a test database migrated once per set of migrations
# (tools/test_database.py) rather than migrating its own.
TEST_WORKERS ?= auto
# The address the site is served under locally, for the sitemap, feeds and share links;
# in public, set SITE_URL (e.g. https://engage.example.org).
export SITE_URL ?= http://127.0.0.1:$(PORT)
# Throw-away values for checking production settings; never used to serve.
DEPLOY_CHECK_ENV := DJANGO_SETTINGS_MODULE=site_project.settings.production \
	SECRET_KEY=deploy-check-only-4f9c2b7e1a6d8e3f5c0b9a7d2e4f6a8c1b3d5e7f9a0c2e4 \
	ALLOWED_HOSTS=example.org DATABASE_URL=sqlite:///:memory:

.PHONY: run serve test mutation bench bench-wordpress install install-test prepare clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes, so a second `make run` is quick.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[postgres]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[postgres,test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

var:
	mkdir -p var

# Migrate, demo content, admin account and static files in one Django start-up.
prepare: install | var
	$(MANAGE) prepare_site

run: prepare
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-like local run: gunicorn with gevent workers (deploy/gunicorn.conf.py),
# production settings, DEBUG off, the page cache on, whitenoise serving hashed static
# files. Plain HTTP locally, so TLS redirects are off, and Django serves uploaded media
# itself (SERVE_MEDIA), as a web server would in production.
serve: install | var
	$(MANAGE) prepare_site --no-static
	@test -s var/secret_key || (umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)
	DJANGO_SETTINGS_MODULE=site_project.settings.production SECRET_KEY="$$(cat var/secret_key)" \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=false \
		SECURE_COOKIES=false SECURE_HSTS_SECONDS=0 SERVE_MEDIA=true PORT=$(PORT) \
		sh -c '$(MANAGE) collectstatic --noinput -v 0 && \
		exec $(BIN)/gunicorn -c deploy/gunicorn.conf.py site_project.wsgi'

test: install-test | var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check
	$(DEPLOY_CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(if $(filter postgres%,$(DATABASE_URL)),,TEST_TEMPLATE_DB="$$($(BIN)/python tools/test_database.py)") \
		$(BIN)/pytest -n $(TEST_WORKERS) -m "not browser and not server"
	$(BIN)/pytest -m "browser or server"

# Mutation testing (mutmut) of the app code with the non-browser tests; not part of CI.
# Incremental: a second run retests only what changed. Report: var/mutation/report.md.
# `make mutation ONLY='engagement.*'` limits it to mutants whose names match. With
# DATABASE_URL naming a PostgreSQL server, a second pass runs the PostgreSQL-only
# code's mutants against it (tools/mutation.py makes and drops its own databases).
mutation: install-test | var
	$(BIN)/python tools/mutation.py $(if $(filter postgres%,$(DATABASE_URL)),--postgresql '$(DATABASE_URL)') $(ONLY)

# Requests per second (cached and uncached, beside a bare WSGI hello), queries, render
# times and page sizes, on this machine: see bench/run.py. Uses wrk when installed.
bench: install | var
	$(BIN)/python bench/run.py

# A 300-post WordPress export built and imported into a throw-away database, timed;
# then every imported essay rendered once (bench/wordpress.py).
bench-wordpress: install
	$(BIN)/python bench/wordpress.py

# One archive in var/backups/ (the database and MEDIA_ROOT), readable by its owner only;
# safe while the site serves and is edited. Uses DATABASE_URL when set, like make run.
backup: install | var
	$(MANAGE) backup

# Restores an archive into the configured database and media folder; refuses to replace
# content unless FORCE=1.
restore: install | var
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/site-<time>.tar.gz [FORCE=1]" >&2; exit 2; }
	$(MANAGE) restore "$(BACKUP)" $(if $(filter 1 true yes,$(FORCE)),--force)

# Deletes var/ (database, media, secret key, admin password, caches) and .venv/, but
# keeps var/backups/. Refuses while var/db.sqlite3 or var/media holds content, unless
# FORCE=1. The guard needs only python3's standard library, so it runs without a venv.
clean:
	@$(PYTHON) site_project/core/content.py --clean-guard var $(if $(filter 1 true yes,$(FORCE)),--force)
	rm -rf $(VENV)
	@if [ -d var ]; then find var -mindepth 1 -maxdepth 1 ! -name backups -exec rm -rf {} +; fi
	@if [ -d var/backups ]; then echo "Kept var/backups/ (delete it yourself if you mean to)."; fi
