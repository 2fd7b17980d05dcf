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
# On x86-64 Linux, llama.cpp is built for the instruction sets /proc/cpuinfo lists, never AMX: its native
# build turns AMX on wherever the CPU reports it, and on the Xeon (Sapphire Rapids class) VMs we run on
# every answer then crashed with SIGSEGV in ggml_backend_amx_mul_mat (2026-12-02). Elsewhere: native.
CPU_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
ggml_has = -DGGML_$(1)=$(if $(filter $(2),$(CPU_FLAGS)),ON,OFF)
ifeq ($(shell uname -sm 2>/dev/null),Linux x86_64)
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF $(call ggml_has,SSE42,sse4_2) $(call ggml_has,AVX,avx) \
	$(call ggml_has,AVX2,avx2) $(call ggml_has,FMA,fma) $(call ggml_has,F16C,f16c) $(call ggml_has,BMI2,bmi2) \
	$(call ggml_has,AVX_VNNI,avx_vnni) $(call ggml_has,AVX512,avx512f) $(call ggml_has,AVX512_VBMI,avx512vbmi) \
	$(call ggml_has,AVX512_VNNI,avx512_vnni) $(call ggml_has,AVX512_BF16,avx512_bf16) \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
endif
# The stamp names the build: a wheel built before AMX was turned off is rebuilt, not reused.
LLAMA_STAMP := $(WHEELHOUSE)/.llama-cpp-0.3.36-no-amx
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

# --no-cache-dir: pip's own wheel cache would hand back an earlier build made with other flags.
$(LLAMA_STAMP): | $(PY)
	@mkdir -p $(WHEELHOUSE)
	@echo "building $(LLAMA_CPP) once (compiles llama.cpp; ~6 min on 2 cores; cached in $(WHEELHOUSE))"
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) wheel --no-cache-dir --no-deps --wheel-dir $(WHEELHOUSE) $(LLAMA_CPP)
	@touch $@

# --force-reinstall: a venv holding an earlier build of the same version takes the new wheel.
$(VENV)/.installed: pyproject.toml $(LLAMA_STAMP) | $(PY)
	$(PIP) install --force-reinstall --no-deps --no-index --find-links $(WHEELHOUSE) "$(LLAMA_CPP)"
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
