# Newsdesk: `make chat` sets up everything and opens the chat on the demo archive;
# `make test` sets up everything and runs the whole test suite (what CI runs).
# Needs only Python 3.11, pip and make (plus root/apt for the browser tests' Chromium).

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
NEWSDESK := $(VENV)/bin/newsdesk
# llama-cpp-python compiles from source (~6 min on 2 cores): the wheel is built once and cached here.
WHEELHOUSE ?= $(HOME)/.cache/newsdesk/wheels
LLAMA_CPP := llama-cpp-python==0.3.36
PYTEST_ARGS ?=
# A real OpenAI-compatible embeddings server for the NEWSDESK_EMBED_URL tests, in a venv of its own
# (it pins older transformers/numpy than ours); built once, ~4 min, torch taken from the machine's file.
INFINITY := infinity-emb[server,torch]==0.0.78
INFINITY_VENV ?= $(HOME)/.cache/newsdesk/infinity-0.0.78

.PHONY: chat test install install-test models demo browser embed-server unit clean help

help:
	@echo "make chat    set up, fetch models, index the demo archive, open the chat (http://127.0.0.1:7860)"
	@echo "make test    set up, fetch models, install Chromium if needed, run the whole test suite"
	@echo "make unit    run only the fast tests (no real models, servers or browser)"

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(WHEELHOUSE)/.llama-cpp-0.3.36: | $(PY)
	@mkdir -p $(WHEELHOUSE)
	@echo "building $(LLAMA_CPP) once (compiles llama.cpp; ~6 min on 2 cores; cached in $(WHEELHOUSE))"
	$(PIP) wheel --no-deps --wheel-dir $(WHEELHOUSE) $(LLAMA_CPP)
	@touch $@

$(VENV)/.installed: pyproject.toml $(WHEELHOUSE)/.llama-cpp-0.3.36 | $(PY)
	$(PIP) install --find-links $(WHEELHOUSE) "$(LLAMA_CPP)" -e '.[test]'
	@touch $@

install: $(VENV)/.installed

models: install
	$(NEWSDESK) models

demo: models
	$(NEWSDESK) demo

chat: demo
	$(NEWSDESK) chat

browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "no /usr/bin/chromium and no root: the real-browser tests will be skipped"; fi

# Not fatal: without it the embeddings-server tests skip, saying why.
embed-server:
	@if [ -f $(INFINITY_VENV)/.installed ]; then :; else \
	  echo "installing $(INFINITY) into $(INFINITY_VENV) for the embeddings-server tests (once, ~4 min)"; \
	  { $(PYTHON) -m venv $(INFINITY_VENV) && $(INFINITY_VENV)/bin/python -m pip install --quiet torch==2.13.0 \
	    && $(INFINITY_VENV)/bin/python -m pip install --quiet "$(INFINITY)" && touch $(INFINITY_VENV)/.installed; } >/dev/null \
	  || { rm -rf $(INFINITY_VENV); echo "could not install $(INFINITY): the embeddings-server tests will be skipped"; }; fi

test: models browser embed-server
	$(VENV)/bin/pytest -m "" $(PYTEST_ARGS)

unit: install
	$(VENV)/bin/pytest -m "not slow" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache artifacts
