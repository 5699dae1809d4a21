# cuiscope: `make demo` and `make test` work on a fresh Debian machine; each installs what is missing.
SWIFT ?= swift
BIN := .build/debug/cuiscope
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)

MODELS := $(wildcard Models/*.scope)
VIEWS := boundary dataflow network

.PHONY: all deps test-deps build test demo bench diagrams docs fuzz clean

all: build

# Graphviz's C libraries (libgvc) are linked, not shelled out to: install their headers when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc; then \
		echo "==> installing Graphviz (libgraphviz-dev) and pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libgraphviz-dev pkg-config >/dev/null; \
	fi
	@# The tests validate SARIF output against the OASIS schema with Python's jsonschema.
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

build: deps
	$(SWIFT) build

# What only the tests need: headless Chromium loads the HTML report; compliance-trestle (from PyPI, in a
# virtual environment under .build/) validates the OSCAL SSP.
VENV := .build/venv
test-deps:
	@[ -x $(VENV)/bin/trestle ] || { echo "==> installing compliance-trestle into $(VENV)"; \
		python3 -m venv $(VENV) && $(VENV)/bin/pip install -q compliance-trestle; }
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "==> installing Chromium (headless, for the report tests)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

# The end-to-end tests run the built binary, so build it first. The tests also fail when Diagrams/ is stale.
test: build test-deps
	$(SWIFT) test --disable-xctest
	$(BIN) fmt --check Models/*.scope

# The demo model is full of deliberate mistakes: show them without failing the target.
demo: build
	$(BIN) check --fail-on never Models/acme-precision.scope
	$(BIN) diagram Models/acme-precision.scope -o Diagrams/acme-precision-boundary.svg

# Diagrams/ holds, for every model, each view as DOT (the snapshot the tests compare), SVG and PNG.
diagrams: build
	@mkdir -p Diagrams
	@for model in $(MODELS); do name=$$(basename $$model .scope); \
		for view in $(VIEWS); do \
			for format in dot svg png; do \
				$(BIN) diagram $$model --view $$view -o Diagrams/$$name-$$view.$$format || exit 1; \
			done; \
		done; \
	done
	@echo "Diagrams/ regenerated"

# Benchmarks run on purpose, never from `make test`: release build, generated models up to 1M relations.
# BENCHMARKS.md: each phase and CLI command per size, beside a Python word split and OWASP pytm (in .build/venv);
# then the diagram, diff and advise benchmarks.
bench: deps
	$(SWIFT) build -c release
	@[ -x $(VENV)/bin/python ] && $(VENV)/bin/python -c 'import pytm' 2>/dev/null || { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q pytm; }
	python3 Benchmarks/benchmarks.py .build/release $(VENV)/bin/python > BENCHMARKS.md
	@cat BENCHMARKS.md
	.build/release/ScopeBench render
	.build/release/ScopeBench diff
	.build/release/ScopeBench advise

# docs/diagnostics.md is generated from the diagnostic codes; `make test` fails when it is stale.
docs: build
	$(BIN) explain-error --all > docs/diagnostics.md

# libFuzzer over lexer, parser, resolver and analysis, then over parse -> fmt -> parse (docs/security.md).
# Run on purpose, never from `make test`: FUZZ_SECONDS per target; crashes land in .build-fuzz/.
FUZZ_SECONDS ?= 300
FUZZ := .build-fuzz/release/ScopeFuzz
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=8192 -dict=Fuzz/scope.dict -print_final_stats=1
fuzz: deps
	$(SWIFT) build -c release --product ScopeFuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@mkdir -p .build-fuzz/corpus/model .build-fuzz/corpus/roundtrip
	$(FUZZ) $(FUZZ_FLAGS) -artifact_prefix=.build-fuzz/model- .build-fuzz/corpus/model Fuzz/Seeds Models
	CUISCOPE_FUZZ=roundtrip $(FUZZ) $(FUZZ_FLAGS) -artifact_prefix=.build-fuzz/roundtrip- .build-fuzz/corpus/roundtrip Fuzz/Seeds Models

clean:
	rm -rf .build
