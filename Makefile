# Two entry points for a fresh machine (see README):
#   make demo   install kg in .venv, build the graph from seeds/, write the exports and the HTML view,
#               print a summary
#   make test   install kg with its test dependencies in .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out

.PHONY: demo test clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	bash scripts/install-system-deps.sh
	touch $@

demo: $(VENV)/.installed
	$(BIN)/kg build -o $(OUT)/graph.nq
	$(BIN)/kg export --format turtle -o $(OUT)/partnerships.ttl
	$(BIN)/kg export --format trig -o $(OUT)/partnerships.trig
	$(BIN)/kg view -o $(OUT)/partners.html
	$(BIN)/kg ontology-doc -o $(OUT)/ontology.html
	$(BIN)/kg conflicts

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
