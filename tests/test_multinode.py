"""Two ``motcua serve`` nodes, separate data homes, one PostgreSQL schema and one Redis.

What a deployment on several machines relies on, tested with real processes on loopback:
a catalog re-imported through node A is served by node B within ``SERVE_BOUND`` seconds (the
builder's NOTIFY, B's own rebuild from the store, the same content hash on both); a limit of
``LIMIT`` requests per minute admits at most ``LIMIT`` across both nodes (counted in Redis);
node A SIGKILLed under light load loses no stored conversation, and each client retried on
node B carries on with its conversation. Bounded: 2 nodes, 4 clients, about 30 s.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from motcua._settings import get_settings
from motcua.catalog.bootstrap import import_catalog
from motcua.catalog.sample import write_sample
from motcua.store import index_versions, open_database
from motcua.store.db import Database
from motcua.store.service import Message
from tests._net import REDIS_URL, free_port, redis_up, wait_healthy
from tests.catalog.test_crash import write_catalog
from tests.conftest import PG_URL, _pg_available

pytestmark = pytest.mark.postgres

LIMIT = 10  # requests per minute of one conversation, across both nodes
SERVE_BOUND = 10.0  # seconds from the import's end to node B serving the new version
CLIENTS, TURNS = 4, 6
QUESTIONS = ["đăng ký khai sinh cho con", "cần giấy tờ gì", "lệ phí bao nhiêu",
             "làm mất căn cước thì làm lại thế nào", "nộp ở đâu", "bao lâu thì có kết quả"]


def _require_services() -> None:
    missing = [name for name, up in (("PostgreSQL", _pg_available()), ("Redis", redis_up()))
               if not up]
    if not missing:
        return
    reason = f"{' and '.join(missing)} not reachable ({PG_URL}, {REDIS_URL})"
    if os.environ.get("CI"):
        pytest.fail(f"multi-node test: {reason}, and CI must run it")
    pytest.skip(f"multi-node test skipped: {reason}")


@dataclass
class Node:
    name: str
    home: Path
    port: int
    env: dict[str, str]
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from motcua.cli import main; main()", "serve",
             "--port", str(self.port)], env=self.env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)

    def readyz(self) -> dict:
        return httpx.get(f"{self.url}/readyz", timeout=5).json()


@dataclass
class Cluster:
    db: Database
    a: Node
    b: Node
    logs: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    _require_services()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    db = open_database(url)  # migrated once, before the nodes
    write_sample(tmp_path / "sample")
    import_catalog(get_settings().model_copy(update={"home": tmp_path / "a"}),
                   [tmp_path / "sample"], db=db)
    base = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    shared = {"MOTCUA_DATABASE_URL": url, "MOTCUA_REDIS_URL": REDIS_URL,
              "MOTCUA_RATE_LIMIT_NAMESPACE": f"motcua-test-{secrets.token_hex(4)}",
              "MOTCUA_RATE_LIMIT_PER_MINUTE": str(LIMIT),
              "MOTCUA_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000",
              "MOTCUA_SECRET_KEY": secrets.token_hex(32), "MOTCUA_LOG_LEVEL": "WARNING",
              "MOTCUA_INDEX_POLL_SECONDS": "30", "MOTCUA_SAMPLE_FALLBACK": "0"}
    nodes = [Node(n, tmp_path / n, free_port(),
                  {**base, **shared, "MOTCUA_HOME": str(tmp_path / n)})
             for n in ("a", "b")]  # node b: an empty data home
    for node in nodes:
        node.start()
    result = Cluster(db, nodes[0], nodes[1])
    try:
        for node in nodes:
            assert node.proc is not None
            wait_healthy(node.proc, node.port, seconds=30)
        yield result
    finally:
        for node in nodes:
            if node.proc is not None and node.proc.poll() is None:
                node.proc.terminate()
        for node in nodes:
            if node.proc is not None:
                try:
                    node.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    node.proc.kill()
                    node.proc.wait()
        db.dispose()
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _until(check: object, seconds: float, what: str) -> float:
    start = time.monotonic()
    while not check():  # type: ignore[operator]
        if time.monotonic() - start > seconds:
            raise AssertionError(f"{what}: not within {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - start


def _serves(node: Node, version: str) -> bool:
    body = node.readyz()["indexes"]["procedures"]
    return bool(body.get("version") == version and body.get("fresh"))


def test_multinode_two_nodes_one_store(cluster: Cluster, tmp_path: Path,
                                       record_property: Callable[[str, object], None]) -> None:
    a, b = cluster.a, cluster.b
    # -- B, started on an empty data home, built the version A's import recorded ------------
    first = index_versions.latest(cluster.db.engine, "procedures")
    assert first is not None
    _until(lambda: _serves(a, first.version) and _serves(b, first.version), 20, "start")
    assert b.readyz()["indexes"]["procedures"]["latest_version"] == first.version

    # -- a catalog re-imported through node A is served by node B ---------------------------
    write_catalog(tmp_path / "edition1", edition=1)
    started = time.monotonic()
    cli = subprocess.run([sys.executable, "-c", "from motcua.cli import main; main()",
                          "catalog", "import", str(tmp_path / "edition1"), "--json"],
                         env=a.env, capture_output=True, text=True, timeout=60, check=False)
    assert cli.returncode == 0, cli.stderr
    imported = time.monotonic()
    assert json.loads(cli.stdout)["imported"] == 500
    new = index_versions.latest(cluster.db.engine, "procedures")
    assert new is not None and new.version != first.version and new.count == 500
    took = _until(lambda: _serves(b, new.version), SERVE_BOUND, "node B serving the import")
    after_build = time.time() - datetime.fromisoformat(new.built_at).timestamp()
    record_property("import_seconds", round(imported - started, 2))
    record_property("served_on_b_after_import_exit_seconds", round(took, 2))
    record_property("served_on_b_after_recorded_build_seconds", round(after_build, 2))
    found = httpx.get(f"{b.url}/api/v1/procedures", params={"q": "bản 1, số 7", "limit": 1},
                      timeout=10).json()
    assert found["items"][0]["name"].endswith("(bản 1, số 7)")
    assert _serves(a, new.version)

    # -- a limit of LIMIT per minute holds across both nodes --------------------------------
    first_ask = httpx.post(f"{a.url}/api/v1/ask", json={"question": "khai sinh"}, timeout=10)
    conv = first_ask.headers["X-Conversation-Id"]

    def ask(node: Node) -> int:
        return httpx.post(f"{node.url}/api/v1/ask", timeout=10,
                          json={"question": "lệ phí", "conversation_id": conv}).status_code

    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(ask, [a, b] * (LIMIT * 3 // 2)))
    record_property("admitted_per_limit", f"{codes.count(200)}/{LIMIT}")
    assert set(codes) <= {200, 429}
    assert codes.count(200) == LIMIT, f"admitted {codes.count(200)} of {len(codes)}"

    # -- node A SIGKILLed under light load: nothing stored is lost, clients go on on B ------
    acked: list[tuple[str, int, str]] = []  # conversation, message id, question: answered
    retried = [0]
    lock = threading.Lock()
    sending = threading.Event()  # client 0 is about to send its third question to node A

    def client(n: int) -> int:
        node, conv_id, done = a, None, 0
        with httpx.Client(timeout=5) as http:
            while done < TURNS:
                question = f"{QUESTIONS[done]} (người {n})"
                body = {"question": question} | ({"conversation_id": conv_id} if conv_id else {})
                if n == 0 and done == 2 and node is a:
                    sending.set()  # the kill lands while this request is on its way
                try:
                    r = http.post(f"{node.url}/api/v1/ask", json=body)
                except httpx.TransportError:
                    assert node is a, "node B failed too"
                    node = b  # the balancer's retry: same request, the other node
                    with lock:
                        retried[0] += 1
                    continue
                assert r.status_code == 200, r.text
                conv_id = r.headers["X-Conversation-Id"]
                with lock:
                    acked.append((conv_id, int(r.headers["X-Message-Id"]), question))
                done += 1
                time.sleep(0.15)  # light load: a person reading the answer
        return done

    with ThreadPoolExecutor(CLIENTS) as pool:
        runs = [pool.submit(client, n) for n in range(CLIENTS)]
        assert sending.wait(20), "no load on node A"
        assert a.proc is not None
        os.kill(a.proc.pid, signal.SIGKILL)
        killed_after = len(acked)
        done = [run.result(timeout=40) for run in runs]
    assert done == [TURNS] * CLIENTS  # requests lost: 0
    assert retried[0] >= 1 and killed_after < CLIENTS * TURNS
    with cluster.db.session() as s:
        stored = {(m.id, m.conversation_id, m.role, m.text)
                  for m in s.scalars(select(Message).where(
                      Message.conversation_id.in_({c for c, _, _ in acked})))}
    by_id = {m[0]: m for m in stored}
    citizen = {(m[1], m[3]) for m in stored if m[2] == "citizen"}
    for conv_id, message_id, question in acked:  # every answer a client got is stored
        assert by_id[message_id][1] == conv_id and by_id[message_id][2] == "assistant"
        assert (conv_id, question) in citizen
    assert len({c for c, _, _ in acked}) == CLIENTS  # each kept its conversation on node B
    record_property("acked_before_kill", killed_after)
    record_property("retried_on_b", retried[0])
    record_property("questions_stored_unanswered",
                    sum(m[2] == "citizen" for m in stored) - len(acked))
