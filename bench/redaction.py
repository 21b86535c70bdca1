"""Redaction cost per message: ``python -m bench.redaction [--n 20000]``.

``redact`` runs on every question before it is stored or logged, so its cost is paid on every
request. Prints microseconds per message (mean and p99) on typical citizen messages: plain
Vietnamese with no number, messages with codes, amounts and dates that must stay, messages
with personal data, full-width input, a 4000-character paste, and the worst case found (4000
characters of single digits and spaces).
"""

from __future__ import annotations

import argparse
import statistics
import time

from motcua.privacy import redact

MESSAGES = {
    "plain": "Cho tôi hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì ạ?",
    "codes": "Thủ tục 1.001193.000.00.00.H12 theo Nghị định 123/2015/NĐ-CP, lệ phí 70.000 đồng, "
             "hồ sơ 000.00.19.H36-250101-0001 nộp ngày 12/03/2026 lúc 7h30",
    "personal": "Tôi tên A, sđt 0912 345 678, CCCD 001099012347, mail a.b@gmail.com, "
                "zalo (+84)912345678",
    "fullwidth": "Số của tôi là ０９１２３４５６７８, mail ｘ＠ｇｍａｉｌ．ｃｏｍ ạ",
    "long": ("Tôi muốn hỏi về thủ tục 1.001193, lệ phí 1.500.000đ, gọi 0912345678. " * 60)[:4000],
    "worst": "1 " * 2000,  # 2000 one-digit groups: every 9-12 digit reading is tried
}


def _time(text: str, n: int) -> tuple[float, float]:
    samples = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        redact(text)
        samples.append((time.perf_counter_ns() - t0) / 1000)
    samples.sort()
    return statistics.fmean(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="calls per message kind")
    args = parser.parse_args()
    print("| message | chars | mean µs | p99 µs |\n|---|---:|---:|---:|")
    for name, text in MESSAGES.items():
        n = max(50, args.n // 20) if name in ("long", "worst") else args.n
        mean, p99 = _time(text, n)
        print(f"| {name} | {len(text)} | {mean:.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main()
