# The two things a person does on a fresh machine (see README.md).
PY ?= python3

.PHONY: install system-deps demo serve test lint bench

system-deps:  ## Debian packages: Tesseract with Vietnamese data (OCR), Chromium (browser tests)
	@if ! command -v tesseract >/dev/null || ! command -v chromium >/dev/null \
	   || [ ! -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] \
	   || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-vie chromium fonts-dejavu-core >/dev/null; \
	fi

install: system-deps
	$(PY) -m pip install -q -e ".[dev]"

serve: install  ## the service on the bundled sample catalog
	motcua serve --sample

demo: install
	motcua ask --sample "làm giấy khai sinh cho con cần gì"

test: install  ## the whole test suite (PostgreSQL tests use MOTCUA_TEST_PG_URL)
	MOTCUA_TEST_PG_URL=$${MOTCUA_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
	  $(PY) -m pytest -q

lint:
	ruff check src tests bench && cd src && mypy -p motcua

bench:  ## motcua vs bm25s, tantivy, SQLite FTS5 (quick ≈ 2-3 min; FULL=1 adds 1M passages, ≈ 30 min)
	$(PY) -m bench all $(if $(FULL),--full,--quick)
