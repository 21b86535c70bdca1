# The two things a person does on a fresh machine (see README.md).
PY ?= python3
TESSDATA ?= /usr/share/tesseract-ocr/5/tessdata

.PHONY: install system-deps serve-deps serve-install demo serve test fuzz lint bench

serve-deps:  ## Debian packages serving needs: Tesseract with Vietnamese data (OCR of scanned PDFs)
	@if ! command -v tesseract >/dev/null || [ ! -f $(TESSDATA)/vie.traineddata ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-vie >/dev/null; \
	fi

system-deps: serve-deps  ## and for developers: Chromium and a font (browser tests)
	@if ! command -v chromium >/dev/null \
	   || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-dejavu-core >/dev/null; \
	fi

serve-install: serve-deps  ## the package alone: what serving and asking need, no dev extras
	$(PY) -m pip install -q -e .

install: system-deps  ## for developers: the package with its dev extras (tests, lint, bench)
	$(PY) -m pip install -q -e ".[dev]"

serve: serve-install  ## the service on the bundled sample catalog
	motcua serve --sample

demo: serve-install
	motcua ask --sample "làm giấy khai sinh cho con cần gì"

test: install  ## the whole test suite (PostgreSQL tests use MOTCUA_TEST_PG_URL)
	MOTCUA_TEST_PG_URL=$${MOTCUA_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
	  $(PY) -m pytest -q

fuzz: install  ## our OpenAPI fuzzed with a large bound (≈ 34,000 cases, ≈ 7 min; MOTCUA_FUZZ_EXAMPLES)
	MOTCUA_FUZZ_EXAMPLES=$${MOTCUA_FUZZ_EXAMPLES:-250} MOTCUA_FUZZ_COVERAGE=1 \
	  $(PY) -m pytest -q -s -p no:cacheprovider -m fuzz tests/web/test_fuzz.py

lint:
	ruff check src tests bench && cd src && mypy -p motcua

bench:  ## motcua vs bm25s, tantivy, SQLite FTS5 (quick ≈ 2-3 min; FULL=1 adds 1M passages, ≈ 30 min)
	$(PY) -m bench all $(if $(FULL),--full,--quick)
