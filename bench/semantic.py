"""``python -m bench.semantic --home HOME``: what the vector signal costs (search/semantic.py).

Why its own entry: the vector signal is optional (``MOTCUA_SEMANTIC``), so the question is
the difference it makes: ``Assistant.ask`` latency with it off and on, in process, over the
v2 and first dev questions each asked once (a fresh question must be encoded: the cache
does not help), plus the encoder's load time and its cost per procedure at index build.
HOME is a data home with the real catalog imported (docs/eval.md); with the setting on its
index is rebuilt with vectors first if it has none (minutes on 2 cores, once).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from bench.endtoend import _percentile

_FILES = ("eval/procedure-questions.v2.dev.jsonl", "eval/procedure-questions.dev.jsonl")


def _questions(shared: Path) -> list[tuple[str, list[str]]]:
    out = []
    for name in _FILES:
        for line in (shared / name).read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                turns = item.get("turns") or [item["question"]]
                out.append((turns[-1], turns[:-1]))
    return out


def _ask(home: Path, mode: str, questions: list[tuple[str, list[str]]]) -> dict[str, Any]:
    from motcua._settings import Settings, get_settings
    from motcua.answer import load_assistant

    os.environ["MOTCUA_SEMANTIC"] = mode
    get_settings.cache_clear()
    start = time.perf_counter()
    assistant = load_assistant(Settings(home=home, database_url=None))
    load_s = time.perf_counter() - start
    assistant.ask("khởi động")  # loads the encoder (on) and warms the repository cache
    wall, cpu = [], []
    for text, history in questions:
        c, t = time.thread_time(), time.perf_counter()
        assistant.ask(text, history=history)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    return {"mode": mode, "asks": len(wall), "load_s": round(load_s, 2),
            "p50_ms": round(_percentile(wall, 50), 1), "p95_ms": round(_percentile(wall, 95), 1),
            "cpu_p50_ms": round(_percentile(cpu, 50), 1),
            "cpu_p95_ms": round(_percentile(cpu, 95), 1)}


def _encoder() -> dict[str, Any]:
    from motcua.search import semantic

    start = time.perf_counter()
    semantic.encode_query("khởi động")
    load_s = time.perf_counter() - start
    texts = [f"Thủ tục số {i}. Đối tượng: Công dân Việt Nam. Kết quả: Giấy chứng nhận "
             "đăng ký hộ kinh doanh; quyết định công nhận" for i in range(32)]
    start = time.perf_counter()
    semantic.encode_passages(texts)
    return {"model_load_s": round(load_s, 2),
            "passage_ms": round((time.perf_counter() - start) * 1000 / len(texts), 1)}


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.semantic", description=__doc__)
    p.add_argument("--home", type=Path, required=True)
    p.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = p.parse_args()
    questions = _questions(args.shared)
    rows = [_ask(args.home, mode, questions) for mode in ("off", "on")]
    result = {"ask": rows, "encoder": _encoder(), "load_average": os.getloadavg()}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
