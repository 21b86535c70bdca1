"""Smoke tests of the benchmark harness on passages written here (no shared data, no timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import corpus, quality, report, speed
from bench.corpus import Question
from bench.engines import ENGINES, load_engine, make_engine

ROOT = Path(__file__).resolve().parents[2]

DOCS = [
    ("ks", "Đăng ký khai sinh cho trẻ em mới sinh tại Ủy ban nhân dân cấp xã"),
    ("kh", "Đăng ký kết hôn giữa công dân Việt Nam với nhau"),
    ("cc", "Cấp lại thẻ căn cước khi bị mất hoặc hư hỏng"),
    ("xd", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
]


@pytest.fixture(params=list(ENGINES))
def engine_name(request: pytest.FixtureRequest) -> str:
    return request.param


def test_engine_ranks_the_matching_passage_first(engine_name: str) -> None:
    engine = make_engine(engine_name)
    engine.build(DOCS)
    assert engine.query("đăng ký kết hôn", 3)[0] == "kh"
    assert engine.query("giấy phép xây dựng", 2)[0] == "xd"


def test_engine_save_load_roundtrip(engine_name: str, tmp_path: Path) -> None:
    engine = make_engine(engine_name)
    engine.build(DOCS)
    engine.save(tmp_path / "idx")
    loaded = load_engine(engine_name, tmp_path / "idx")
    assert loaded.query("thẻ căn cước", 1) == ["cc"]
    assert loaded.size_on_disk() > 0


@pytest.mark.parametrize("query", ["", "   ", "?!*()\"", "AND OR NOT", "x" * 300])
def test_engine_odd_queries_do_not_raise(engine_name: str, query: str) -> None:
    engine = make_engine(engine_name)
    engine.build(DOCS)
    assert isinstance(engine.query(query, 5), list)


@pytest.mark.parametrize(
    ("ranked", "gold", "expected"),
    [
        (["a", "b"], frozenset({"a"}), {"recall@1": 1.0, "recall@5": 1.0, "mrr@10": 1.0}),
        (["x", "a"], frozenset({"a"}), {"recall@1": 0.0, "recall@5": 1.0, "mrr@10": 0.5}),
        ([], frozenset({"a"}), {"recall@1": 0.0, "recall@10": 0.0, "mrr@10": 0.0}),
        ([str(i) for i in range(20)], frozenset({"15"}), {"recall@10": 0.0, "mrr@10": 0.0}),
    ],
)
def test_score_metrics(ranked: list[str], gold: frozenset[str], expected: dict[str, float]) -> None:
    got = quality.score(ranked, gold)
    for key, value in expected.items():
        assert got[key] == value


def test_evaluate_groups_by_style_and_folds() -> None:
    engine = make_engine("motcua")
    engine.build(DOCS)
    questions = [Question("1", "đăng ký kết hôn", frozenset({"kh"}), "std"),
                 Question("2", "cap lai can cuoc", frozenset({"cc"}), "nodiac")]
    result = quality.evaluate(engine.query, questions)
    assert result["all"]["n"] == 2
    assert result["std"]["mrr@10"] == 1.0
    folded = quality.folded(questions)
    assert folded[0].text == "dang ky ket hon"
    assert {q.style for q in folded} == {"nodiac"}


def test_sentences_and_markdown_paragraphs() -> None:
    text = "**Điều 1.** Sắp xếp các đơn vị\nhành chính cấp xã.\n\n| bảng | bỏ |\n\nNgắn."
    paras = corpus._markdown_paragraphs(text)
    assert paras == ["Điều 1. Sắp xếp các đơn vị hành chính cấp xã.", "Ngắn."]
    assert corpus._sentences("Một hai ba bốn năm sáu. Quá ngắn.") == ["Một hai ba bốn năm sáu."]


def test_speed_worker_build_and_serve(tmp_path: Path) -> None:
    corpus_file = tmp_path / "docs.tsv"
    corpus_file.write_text("".join(f"{i}\t{t}\n" for i, t in DOCS), "utf-8")
    queries = tmp_path / "q.json"
    queries.write_text(json.dumps(["khai sinh", "kết hôn", "không có gì"] * 10), "utf-8")
    cmd = [sys.executable, "-m", "bench.speed"]
    built = subprocess.run([*cmd, "build", "motcua", str(corpus_file), str(tmp_path / "i")],
                           capture_output=True, text=True, cwd=ROOT, check=True)
    row = json.loads(built.stdout)
    assert row["n"] == 4 and row["size_bytes"] > 0
    served = subprocess.run([*cmd, "serve", "motcua", str(tmp_path / "i"), str(queries)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    row = json.loads(served.stdout)
    assert row["queries"] == 30
    assert row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"]
    assert row["rss"] > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "nope", "c.tsv", "out"], "invalid choice: 'nope'"),
        (["build", "motcua", "missing.tsv", "out"], "missing.tsv does not exist"),
        (["serve", "motcua", "no-index", "q.json"], "no-index does not exist"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_speed_worker_bad_arguments_fail_clearly(tmp_path: Path, args: list[str],
                                                 message: str) -> None:
    (tmp_path / "c.tsv").write_text("1\tmột\n", "utf-8")
    (tmp_path / "q.json").write_text("[]", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "bench.speed", *args], capture_output=True,
                          text=True, cwd=tmp_path, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (tmp_path / "out").exists()


def _result(ask_p95: float | None, p95_100k: float) -> dict[str, object]:
    engines = {name: {"all": {"mrr@10": 0.5, "recall@1": 0.4, "recall@5": 0.6,
                              "recall@10": 0.7, "n": 2},
                      "folded": {"mrr@10": 0.49, "n": 2}} for name in ENGINES}
    engines["motcua"] = {"all": {"mrr@10": 0.7, "recall@1": 0.6, "recall@5": 0.8,
                                 "recall@10": 0.9, "n": 2}, "folded": {"mrr@10": 0.7, "n": 2}}
    row = {"n": 10, "build_s": 1.0, "size_bytes": 1 << 20, "rss": 50 << 20, "p50_ms": 1.0,
           "p95_ms": p95_100k, "p99_ms": p95_100k, "qps": 100.0, "queries": 1000}
    ask = {"p50_ms": 1.0, "p95_ms": ask_p95, "p99_ms": 2.0, "calls": 10, "cpu_p50_ms": 0.5,
           "cpu_p95_ms": 0.9} if ask_p95 else {
        "status": "not available yet", "why": "absent"}
    return {
        "date": "2026-01-01", "command": "all --quick", "elapsed_s": 1.0,
        "machine": report.machine(), "notes": {"motcua": "note"},
        "quality": {"sets": {"procedures": {"corpus": 4, "questions": 2, "engines": engines}}},
        "speed": {"queries": 1000, "warmup": 20, "sizes": {"100k": {
            "passages": 10, "engines": {"motcua": row, "bm25s": {"error": "boom"}}}}},
        "endtoend": {"ask": ask, "cold_start": {"runs": 3, "median_s": 1.5, "min_s": 1.2},
                     "catalog_import": {"seconds": 3.0}, "document_import": {
                         "status": "not available yet", "why": "absent"}},
    }


@pytest.mark.parametrize(
    ("ask_p95", "p95_100k", "ask_result", "search_result"),
    [
        (5.0, 4.0, "PASS", "PASS"),
        (12.0, 6.0, "MISS", "MISS"),
        (None, 4.0, "not available yet", "PASS"),
    ],
)
def test_targets_pass_miss(ask_p95: float | None, p95_100k: float, ask_result: str,
                           search_result: str) -> None:
    rows = {label: res for label, _, res in report.targets(_result(ask_p95, p95_100k))}
    assert rows["`ask` p95 on the full catalog ≤ 10 ms"] == ask_result
    assert rows["document search (motcua) p95 at 100k passages ≤ 5 ms"] == search_result
    assert rows["document search (motcua) p95 at 1M passages ≤ 30 ms"].startswith("not measured")
    assert rows["procedures: motcua MRR@10 ≥ best baseline + 0.10"] == "PASS"


def test_render_has_header_tables_and_failures() -> None:
    text = report.render(_result(5.0, 4.0))
    assert text.startswith("# motcua benchmarks, 2026-01-01")
    assert "cores" in text and "GB RAM" in text
    assert "| motcua | 1.0 (×1.0)" in text
    assert "failed: boom" in text
    assert "not available yet (absent)" in text


def test_read_corpus_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("x1\tmột hai\nx2\tba bốn\n", "utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text("một hai\nba bốn\n", "utf-8")
    assert speed.read_corpus(tsv) == [("x1", "một hai"), ("x2", "ba bốn")]
    assert speed.read_corpus(txt) == [("0", "một hai"), ("1", "ba bốn")]


def test_report_rerenders_a_saved_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bench.__main__ import main

    saved = tmp_path / "run.json"
    saved.write_text(json.dumps(_result(5.0, 4.0)), "utf-8")
    assert main(["report", "--from", str(saved), "--no-write"]) == 0
    assert capsys.readouterr().out.startswith("# motcua benchmarks, 2026-01-01")


@pytest.mark.parametrize("content", ["not json", "{}", "[1, 2]"])
def test_report_rejects_a_file_that_is_not_a_run(tmp_path: Path, content: str) -> None:
    from bench.__main__ import main

    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    with pytest.raises(SystemExit, match="is not a saved benchmark run"):
        main(["report", "--from", str(bad), "--no-write"])
