# The two commands a new user needs:  make demo   and   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ENFORCER := $(VENV)/bin/enforcer
export OPA_VERSION ?= v1.22.2
TESTS ?=

.PHONY: help dev demo test test-python test-policies lint reformat bench bench-quick bench-1m bench-stream bench-inventory opa check-readme clean

help:
	@echo "make demo    install into $(VENV) and check a fixture SBOM on the embedded engine"
	@echo "make test    install what the tests need (OPA too) and run every test"
	@echo "make lint    ruff, mypy (strict), opa check --strict, opa fmt, cargo fmt and clippy (native/)"
	@echo "make bench   benchmarks (figures go to BENCHMARKS.md by hand)"

$(VENV)/.installed: pyproject.toml native/Cargo.toml native/Cargo.lock native/pyproject.toml $(wildcard native/src/*.rs)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@# the native scanner (Rust, built with cargo through maturin); without it the enforcer runs in pure Python
	$(PY) -m pip install --quiet ./native
	touch $@

dev: $(VENV)/.installed

demo: $(VENV)/.installed
	@echo '$$ enforcer check fixtures/sboms/kaspersky-supplier.cdx.json --as-of 2024-10-01 --scope us --explain'
	@$(ENFORCER) check fixtures/sboms/kaspersky-supplier.cdx.json --as-of 2024-10-01 --scope us --explain; \
	  code=$$?; echo "exit code $$code (1: a banned vendor was found)"; test $$code -eq 1

opa:
	@scripts/ensure-opa >/dev/null

test-policies: opa
	"$$(scripts/ensure-opa)" test policies/ -v

# A throw-away PostgreSQL server for the inventory's tests (scripts/postgres), stopped however pytest ends.
test-python: $(VENV)/.installed opa
	@state="$$(mktemp -d "$${TMPDIR:-/tmp}/enforcer-pg.XXXXXX")"; \
	trap 'scripts/postgres stop "$$state"' EXIT; \
	url="$$(scripts/postgres start "$$state")" || exit 1; \
	echo "PostgreSQL for the tests: $$(scripts/postgres url "$$state" | sed 's|://\([^:]*\):[^@]*@|://\1:***@|')"; \
	ENFORCER_TEST_PG_URL="$$url" OPA="$$(scripts/ensure-opa)" $(PY) -m pytest $(if $(TESTS),-k '$(TESTS)')

test: test-policies test-python

lint: $(VENV)/.installed opa
	$(VENV)/bin/ruff format --check enforcer tests fixtures benchmarks scripts
	$(VENV)/bin/ruff check enforcer tests fixtures benchmarks scripts
	$(VENV)/bin/mypy
	"$$(scripts/ensure-opa)" check --strict policies/
	@out="$$("$$(scripts/ensure-opa)" fmt --list policies/)"; if [ -n "$$out" ]; then echo "not opa-formatted:"; echo "$$out"; exit 1; fi
	cd native && cargo fmt --check && cargo clippy --release --quiet -- -D warnings

reformat: $(VENV)/.installed opa
	$(VENV)/bin/ruff format enforcer tests fixtures benchmarks scripts
	$(VENV)/bin/ruff check --fix enforcer tests fixtures benchmarks scripts
	"$$(scripts/ensure-opa)" fmt --write policies/
	cd native && cargo fmt

# Every figure of BENCHMARKS.md: pytest-benchmark (10k/100k, plain Rego, small SBOMs,
# batches), then one million components, then a 5 GB SBOM. About 7 minutes.
bench: bench-quick bench-1m bench-stream bench-inventory

bench-quick: $(VENV)/.installed opa
	$(PY) -m compileall -q enforcer >/dev/null  # as an installed wheel would be: start-up time counts
	OPA="$$(scripts/ensure-opa)" $(PY) -m pytest benchmarks/ --benchmark-enable -p no:randomly -q -s $(if $(TESTS),-k '$(TESTS)')

bench-1m: $(VENV)/.installed
	$(PY) -m compileall -q enforcer >/dev/null
	$(PY) benchmarks/million.py --components 1000000

bench-stream: $(VENV)/.installed
	$(PY) benchmarks/million.py --components 6500000 --stream

# The inventory: a 100,000-SBOM portfolio (built once into bench-data/, about 15 minutes), impact and
# diff on SQLite and PostgreSQL, ingest with 1 and 2 processes and on Dask; figures to bench-data/inventory.json.
INVENTORY_SBOMS ?= 100000
# The PostgreSQL cluster is kept in bench-data/postgres between runs (halted, not deleted).
bench-inventory: $(VENV)/.installed
	@mkdir -p bench-data; \
	trap 'scripts/postgres halt bench-data/postgres' EXIT; \
	url="$$(scripts/postgres start bench-data/postgres)" || exit 1; \
	$(PY) benchmarks/inventory.py --sboms $(INVENTORY_SBOMS) --postgres "$$url"

check-readme: $(VENV)/.installed
	$(PY) scripts/check_readme.py

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache .benchmarks bench-data
