"""Load benchmark of ``motcua serve``: N concurrent simulated citizens on loopback.

Each simulated user opens the page once, then loops: ask a question (sometimes a follow-up in
the same conversation), sometimes rate the answer or search procedures, then waits a think
time. Reports requests/s, p50/p95/p99 latency (overall and per endpoint) and the error count.

    python -m bench.load --users 200 --workers 2 --duration 30            # starts a server
    python -m bench.load --url http://127.0.0.1:8000 --users 50           # an existing one

The server is started with ``--sample`` in a throw-away data home and with the per-client rate
limit off (MOTCUA_RATE_LIMIT_PER_MINUTE=0): every simulated user comes from 127.0.0.1,
which a real deployment would see as one client. Target: 200 users, 0 errors, p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

QUESTIONS = [
    "làm giấy khai sinh cho con cần gì", "lam giay khai sinh", "đăng ký kết hôn cần giấy tờ gì",
    "xin cấp bản sao trích lục khai sinh", "chứng thực bản sao mất bao lâu",
    "đăng ký khai tử cho bố", "dang ky thuong tru", "đăng ký tạm trú ở đâu",
    "trợ cấp xã hội cho người cao tuổi", "xin giấy xác nhận tình trạng hôn nhân",
    "chuyển mục đích sử dụng đất", "cấp giấy phép xây dựng nhà ở", "hôm nay thời tiết thế nào",
    "lệ phí đăng ký kết hôn bao nhiêu", "công nhận hộ nghèo",
]
COMMUNES = ["06187", "05986", "06385", "06184", None, "Xã Mẫu Sơn"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int, port: int, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MOTCUA_HOME": str(home), "MOTCUA_RATE_LIMIT_PER_MINUTE": "0"}
    env.pop("MOTCUA_DATABASE_URL", None)
    cmd = [sys.executable, "-c", "from motcua.cli import main; main()", "serve", "--sample",
           "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(url: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"server at {url} not ready after {timeout:.0f}s")


def _cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and its children (Linux /proc), for CPU per request."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                pids.extend(int(c) for c in children)
        except (OSError, ValueError, IndexError):
            continue
    return total


class Conn:
    """One keep-alive HTTP/1.1 connection, as a browser tab holds: a minimal client so that
    the generator's own CPU (httpx: 3.3 ms per request) does not crowd out the server on the
    same small machine."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()

    async def request(self, method: str, path: str, payload: Any = None
                      ) -> tuple[int, dict[str, str], bytes]:
        body = json.dumps(payload).encode() if payload is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
                f"Content-Length: {len(body)}\r\n")
        if payload is not None:
            head += "Content-Type: application/json\r\n"
        for attempt in (0, 1):
            if self.writer is None or self.writer.is_closing():
                await self._open()
            assert self.reader is not None and self.writer is not None
            try:
                self.writer.write(head.encode() + b"\r\n" + body)
                await self.writer.drain()
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                self.writer = None
                if attempt:
                    raise
        raise ConnectionError("unreachable")

    async def _response(self) -> tuple[int, dict[str, str], bytes]:
        assert self.reader is not None
        status = int((await self.reader.readline()).split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            key, _, value = line.decode("latin-1").partition(":")
            headers[key.strip().lower()] = value.strip()
        if headers.get("transfer-encoding") == "chunked":
            chunks = []
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                chunks.append(chunk[:-2])
            data = b"".join(chunks)
        else:
            data = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection") == "close":
            await self.close()
            self.writer = None
        return status, headers, data


class Recorder:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.samples: list[str] = []

    async def call(self, conn: Conn, method: str, path: str, payload: Any = None,
                   name: str | None = None) -> dict[str, str] | None:
        name = name or f"{method} {path}"
        t0 = time.perf_counter()
        try:
            status, headers, data = await asyncio.wait_for(
                conn.request(method, path, payload), timeout=30)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            self.errors[name] += 1
            if len(self.samples) < 5:
                self.samples.append(f"{name}: {exc.__class__.__name__}")
            return None
        self.latency[name].append((time.perf_counter() - t0) * 1000)
        if status >= 400:
            self.errors[name] += 1
            if len(self.samples) < 5:
                self.samples.append(f"{name}: HTTP {status} {data[:120]!r}")
            return None
        return headers


async def user(host: str, port: int, rec: Recorder, stop: float, think: float,
               rng: random.Random) -> None:
    conn = Conn(host, port)
    try:
        await _user_loop(conn, rec, stop, think, rng)
    finally:
        await conn.close()


async def _user_loop(conn: Conn, rec: Recorder, stop: float, think: float,
                     rng: random.Random) -> None:
    await rec.call(conn, "GET", "/")
    conv: str | None = None
    commune = rng.choice(COMMUNES)
    while time.monotonic() < stop:
        body: dict[str, Any] = {"question": rng.choice(QUESTIONS)}
        if commune:
            body["commune"] = commune
        if conv and rng.random() < 0.3:
            body["conversation_id"] = conv
        h = await rec.call(conn, "POST", "/api/v1/ask", body)
        if h is not None:
            conv = h.get("x-conversation-id")
            if rng.random() < 0.2:
                await rec.call(conn, "POST", "/api/v1/feedback", {
                    "conversation_id": conv, "message_id": int(h["x-message-id"]),
                    "helpful": rng.random() < 0.7})
        if rng.random() < 0.2:
            q = urllib.parse.quote(rng.choice(QUESTIONS))
            await rec.call(conn, "GET", f"/api/v1/procedures?q={q}&limit=5",
                           name="GET /api/v1/procedures")
        if think > 0:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think)


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 1)


async def run(url: str, users: int, duration: float, think: float, ramp: float,
              seed: int) -> dict[str, Any]:
    rec = Recorder()
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    cpu0 = time.process_time()
    t0 = time.monotonic()
    stop = t0 + ramp + duration
    tasks = []
    for i in range(users):
        tasks.append(asyncio.create_task(user(host, port, rec, stop, think,
                                              random.Random(seed + i))))
        if ramp > 0:
            await asyncio.sleep(ramp / users)
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - t0
    every = [v for vs in rec.latency.values() for v in vs]
    total = len(every) + sum(rec.errors.values())
    return {
        "users": users, "duration_s": round(elapsed, 1), "think_s": think,
        "requests": total, "requests_per_s": round(total / elapsed, 1),
        "errors": sum(rec.errors.values()), "error_samples": rec.samples,
        "p50_ms": _pct(every, 50), "p95_ms": _pct(every, 95), "p99_ms": _pct(every, 99),
        "mean_ms": round(statistics.fmean(every), 1) if every else 0.0,
        "client_cpu_ms_per_request": round((time.process_time() - cpu0) * 1000 / max(total, 1),
                                           2),
        "endpoints": {name: {"n": len(v), "p50_ms": _pct(v, 50), "p95_ms": _pct(v, 95),
                             "p99_ms": _pct(v, 99), "errors": rec.errors.get(name, 0)}
                      for name, v in sorted(rec.latency.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", help="an already running server (else one is started)")
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds after ramp-up")
    ap.add_argument("--ramp", type=float, default=5.0, help="seconds to start all users")
    ap.add_argument("--think", type=float, default=1.0,
                    help="mean seconds a user waits between actions (0 = hammer)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", type=Path, help="also write the report here")
    args = ap.parse_args()

    proc = None
    home = None
    url = args.url
    if url is None:
        home = tempfile.TemporaryDirectory(prefix="motcua-load-")
        port = _free_port()
        proc = start_server(args.workers, port, Path(home.name))
        url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url)
        cpu0 = _cpu_seconds(proc.pid) if proc else 0.0
        load0 = os.getloadavg()[0]
        report = asyncio.run(run(url, args.users, args.duration, args.think, args.ramp,
                                 args.seed))
        if proc is not None and report["requests"]:
            used = _cpu_seconds(proc.pid) - cpu0
            report["server_cpu_ms_per_request"] = round(used * 1000 / report["requests"], 2)
        report["load_average_before"] = round(load0, 2)
        report["load_average_after"] = round(os.getloadavg()[0], 2)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        if home is not None:
            home.cleanup()
    report.update({"server_workers": args.workers if proc else None, "cpus": os.cpu_count(),
                   "target": {"users": 200, "errors": 0, "p95_ms": 200},
                   "meets_target": report["errors"] == 0 and report["p95_ms"] <= 200
                   and args.users >= 200})
    text = json.dumps(report, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
