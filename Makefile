# The two commands a new user needs:  make demo   and   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ENFORCER := $(VENV)/bin/enforcer
export OPA_VERSION ?= v1.22.2
TESTS ?=

.PHONY: help dev wheel demo test test-python test-policies browser lint reformat bench bench-quick bench-html bench-1m bench-large bench-hostile bench-inventory opa check-readme clean

help:
	@echo "make demo    install into $(VENV) and check a fixture SBOM on the embedded engine"
	@echo "make test    install what the tests need (OPA, Chromium too) and run every test"
	@echo "make lint    ruff, mypy (strict), opa check --strict, opa fmt, cargo fmt and clippy (native/)"
	@echo "make bench   benchmarks (figures go to BENCHMARKS.md by hand)"
	@echo "make wheel   build the wheel users install (Python, policies, native scanner) into dist/"

# One package, built by maturin: the editable install compiles the native scanner (Rust, in
# native/; cargo's target directory native/target is reused) into enforcer/_scan.
$(VENV)/.installed: pyproject.toml native/Cargo.toml native/Cargo.lock $(wildcard native/src/*.rs)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# the scanner was a package of its own (enforcer-scan) before it moved into the enforcer
	$(PY) -m pip uninstall --quiet --yes enforcer-scan 2>/dev/null || true
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

dev: $(VENV)/.installed

# The wheel users install: the Python code, the shipped policies and schemas, and the native
# scanner, for this platform and every CPython from 3.11 (abi3). Reuses native/target.
wheel: $(VENV)/.installed
	rm -f dist/sbom_ban_enforcer-*.whl
	$(PY) -m maturin build --release --quiet --interpreter $(PY) --out dist
	@ls dist/sbom_ban_enforcer-*.whl

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

# Headless Chromium from Debian for the HTML report's browser tests (tests/report/test_html_browser.py),
# driven by Playwright (the dev extra), which never downloads a browser of its own. Installed when
# missing; where it cannot be (not root, no apt-get) those tests skip, and under CI=true they fail.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "make browser: installing Debian's chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
	  echo "make browser: no $(CHROMIUM), and apt-get install needs root: the browser tests will skip"; \
	  case "$${CI:-}" in true|1|yes) exit 1;; esac; \
	fi

test: browser test-policies test-python

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
# batches), then one million components, then a 5 GB SBOM, then the hostile inputs, then the
# inventory (its first run builds a portfolio of 100,000 SBOMs: about 50 minutes; later runs about 10).
bench: bench-quick bench-1m bench-large bench-hostile bench-inventory

bench-quick: $(VENV)/.installed opa browser
	$(PY) -m compileall -q enforcer >/dev/null  # as an installed wheel would be: start-up time counts
	OPA="$$(scripts/ensure-opa)" $(PY) -m pytest benchmarks/ --benchmark-enable -p no:randomly -q -s $(if $(TESTS),-k '$(TESTS)')

# The HTML report of 100,000 components (1,000 and 7,333 findings) in headless Chromium; also in bench-quick.
bench-html: $(VENV)/.installed browser
	$(PY) -m pytest benchmarks/test_html_page.py --benchmark-enable -p no:randomly -q -s

bench-1m: $(VENV)/.installed
	$(PY) -m compileall -q enforcer >/dev/null
	$(PY) benchmarks/million.py --components 1000000

bench-large: $(VENV)/.installed
	$(PY) benchmarks/million.py --components 6500000 --large

# Time and memory of the hostile inputs (gzip bombs, endless input, long values, a deep chain,
# 100,000 findings): the bounds of README "Safety limits". About 2 minutes.
bench-hostile: $(VENV)/.installed
	$(PY) benchmarks/hostile.py

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
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache .benchmarks bench-data dist enforcer/_scan*.so
