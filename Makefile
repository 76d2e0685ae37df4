# Reading List: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint package package-smoke clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m readinglist

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks -p no:cacheprovider -o addopts=""

lint: $(STAMP)
	$(VENV)/bin/ruff check readinglist tests

# Linux bundle (PyInstaller, dist/readinglist/) and .deb (dist/); see packaging/README.md.
package: $(STAMP)
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -e '.[package]'
	PYTHON=$(PY) bash packaging/linux/build.sh

# Unpack the .deb into a temporary root and run the bundled app headless.
package-smoke: package
	$(PY) packaging/smoke_test.py --no-build

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
