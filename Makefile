# Two commands: `make run` starts the app on the map (an SQLite file made from the shipped dataset on first
# start, never overwritten afterwards), `make test` runs every test.
# Both create .venv and install requirements.txt when needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data
MAP ?= map.db

.PHONY: run test lint browser-deps postgres-deps clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# Streamlit's own variables (STREAMLIT_SERVER_PORT, STREAMLIT_SERVER_ADDRESS, …) pass straight through.
run: $(STAMP)
	$(BIN)/python -m graph.store --db sqlite:///$(MAP) --data $(DATA)
	$(BIN)/streamlit run app.py -- --db sqlite:///$(MAP)

# Chromium for the browser tests comes from Debian; installed when missing (needs root or sudo).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

# PostgreSQL for the store tests comes from Debian too (the tests start a throwaway cluster of their own).
postgres-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q postgresql; }

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) browser-deps postgres-deps lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
