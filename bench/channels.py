"""Channels: webhook acknowledgement time and once-only delivery through ``motcua serve``.

    python -m bench.channels [--updates 300] [--redis]

Starts ``motcua serve --sample`` with Telegram pointed at a stand-in Bot API in this process,
posts ``--updates`` distinct text updates (each sent 3 times, as a provider re-sends) and one
update with a wrong secret, then waits for the delivery worker. Reports the acknowledgement
p50/p95/max of the first posts, the replies received per distinct update (must be exactly 1),
and what a bad secret stored (must be nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests._net import REDIS_URL, free_port, wait_healthy
from tests.channels._standin import stand_in, telegram_ok

TOKEN, SECRET = "123456:bench", "bench-secret"


def _update(n: int) -> bytes:
    return json.dumps({"update_id": n, "message": {
        "message_id": n, "date": 1_764_000_000, "text": "làm giấy khai sinh cho con",
        "from": {"id": 1000 + n % 50, "is_bot": False, "first_name": "B"},
        "chat": {"id": 1000 + n % 50, "type": "private"}}}).encode()


def run(updates: int, redis: bool) -> dict[str, float | int]:
    with stand_in(telegram_ok) as server, tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {**os.environ, "MOTCUA_HOME": str(Path(tmp)), "MOTCUA_LOG_LEVEL": "ERROR",
               "MOTCUA_TELEGRAM_BOT_TOKEN": TOKEN, "MOTCUA_TELEGRAM_SECRET": SECRET,
               "MOTCUA_TELEGRAM_API_BASE": server.url, "MOTCUA_RATE_LIMIT_PER_MINUTE": "0"}
        env.pop("MOTCUA_DATABASE_URL", None)
        if redis:
            env["MOTCUA_REDIS_URL"] = REDIS_URL
        proc = subprocess.Popen([sys.executable, "-c", "from motcua.cli import main; main()",
                                 "serve", "--sample", "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(proc, port)
            url = f"http://127.0.0.1:{port}/channels/telegram/webhook"
            headers = {"x-telegram-bot-api-secret-token": SECRET}
            acks: list[float] = []
            with httpx.Client(timeout=30) as client:
                bad = client.post(url, content=_update(0), headers={
                    "x-telegram-bot-api-secret-token": "wrong"}).status_code
                for n in range(1, updates + 1):
                    for replay in range(3):
                        start = time.perf_counter()
                        r = client.post(url, content=_update(n), headers=headers)
                        if replay == 0:
                            acks.append((time.perf_counter() - start) * 1000)
                        r.raise_for_status()
            deadline = time.monotonic() + 120
            while len(server.bodies("/sendMessage")) < updates and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2.0)  # any duplicate would arrive now
        finally:
            proc.terminate()
            proc.wait(30)
        acks.sort()
        sent = len(server.bodies("/sendMessage"))
        return {"updates": updates, "posts": updates * 3, "bad_secret_status": bad,
                "ack_p50_ms": round(statistics.median(acks), 1),
                "ack_p95_ms": round(acks[int(len(acks) * 0.95) - 1], 1),
                "ack_max_ms": round(acks[-1], 1), "replies": sent,
                "replies_per_update": round(sent / updates, 3)}


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.channels", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--updates", type=int, default=300)
    p.add_argument("--redis", action="store_true", help="the queue on MOTCUA_REDIS_URL")
    args = p.parse_args()
    result = run(args.updates, args.redis)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
