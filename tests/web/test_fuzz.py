"""Our own OpenAPI, fuzzed in-process with schemathesis: no 5xx, every error in one shape.

Why in the default suite with a small bound: a route added later, or a model that gains a
field, is fuzzed without anyone remembering to; ``make fuzz`` runs the same walk with a much
larger bound (``MOTCUA_FUZZ_EXAMPLES``) and schemathesis' coverage phase
(``MOTCUA_FUZZ_COVERAGE=1``). Every operation of ``/openapi.json`` gets positive
(valid per the schema) and negative (invalid) cases, anonymously, with an API key and with an
official's console session, so the documents room's authenticated routes are reached too.
Cases are not shrunk: a failure is recorded with its curl command and the walk goes on, so
one run counts every case and every server error (printed as the ``fuzz:`` line).
Reproducible: ``derandomize=True`` and no example database.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.python import asgi as st_asgi

from motcua._settings import get_settings
from motcua.documents.jobs import jobs_for
from motcua.documents.service import DocumentService
from motcua.service.accounts import create_api_key, create_user
from motcua.store.db import Database
from motcua.web.app import create_app
from tests.web.fake import make_client
from tests.web.test_documents import DOC

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("MOTCUA_FUZZ_EXAMPLES", "4"))  # per operation, mode, identity
# schemathesis' coverage phase too (≈ 470 deterministic cases per identity): make fuzz only
COVERAGE = os.environ.get("MOTCUA_FUZZ_COVERAGE", "0") == "1"
PASSWORD = "mat-khau-du-dai"
WHO = ["anonymous", "api-key", "session"]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


@dataclass
class Tally:
    """What one walk saw: cases sent, and each broken promise with how to reproduce it."""

    cases: int = 0
    server_errors: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)  # "POST /api/v1/ask 200": n


def _error_shape(status: int, body: bytes) -> str | None:
    """Why an error response breaks ``{"error": {"code", "message"}}``, or None when it keeps it."""
    try:
        data = json.loads(body)
    except ValueError:
        return f"{status} not JSON: {body[:120]!r}"
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict) or not all(isinstance(error.get(k), str) and error[k]
                                              for k in ("code", "message")):
        return f"{status} not the error shape: {body[:200]!r}"
    return None


def _send(case: schemathesis.Case, mode: str, headers: dict[str, str],
          cookies: dict[str, str], tally: Tally) -> None:
    """One case: sent, then judged (5xx, the error shape), into ``tally``."""
    tally.cases += 1
    response = case.call(headers=headers, cookies=cookies)
    tally.statuses[f"{case.operation.label} {response.status_code}"] += 1
    where = f"[{mode}] {case.as_curl_command(headers=headers)}"
    if response.status_code >= 500:
        tally.server_errors += 1
        tally.failures.append(f"{response.status_code} {where}: {response.content[:300]!r}")
        return
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        broken = _error_shape(response.status_code, response.content)
        if broken:
            tally.failures.append(f"{broken} {where}")


def _sender(mode: str, headers: dict[str, str], cookies: dict[str, str],
            tally: Tally) -> Callable[[schemathesis.Case], None]:
    def send(case: schemathesis.Case) -> None:
        _send(case, mode, headers, cookies, tally)

    return send


def _walk(app: FastAPI, headers: dict[str, str], cookies: dict[str, str],
          examples: int) -> Tally:
    """Every operation x mode of ``app``'s OpenAPI, ``examples`` cases each, into a tally."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tally = Tally()
    bound = settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                     phases=[Phase.explicit, Phase.generate],
                     suppress_health_check=list(HealthCheck))
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"our OpenAPI is invalid: {result.err()}"
        operation = result.ok()
        for mode in MODES:
            run = bound(given(case=operation.as_strategy(generation_mode=mode))(
                _sender(mode.value, headers, cookies, tally)))
            try:
                run()
            except Unsatisfiable:  # nothing to make invalid (no parameters, no body)
                tally.skipped.append(f"{operation.label} [{mode.value}]")
        if COVERAGE:  # boundaries, missing and wrong-typed values, odd media types
            generation = schema.config.generation_for(operation=operation, phase="coverage")
            for case in schema.iter_coverage_cases(operation, generation_modes=MODES,
                                                   generation_config=generation):
                _send(case, "coverage", headers, cookies, tally)
    return tally


def _report(tally: Tally, label: str) -> None:
    print(f"\nfuzz: {label}: {tally.cases} cases, {tally.server_errors} server errors, "
          f"{len(tally.failures) - tally.server_errors} broken error shapes")
    print("  " + ", ".join(f"{k}: {n}" for k, n in sorted(tally.statuses.items())))
    if tally.skipped:
        print("  no invalid case possible: " + ", ".join(tally.skipped))
    assert not tally.failures, "\n".join(tally.failures[:30])


@dataclass
class Identities:
    """The app under test and the headers/cookies of each identity that calls it."""

    app: FastAPI
    auth: dict[str, tuple[dict[str, str], dict[str, str]]]


def _identities(app: FastAPI, db: Database) -> Identities:
    key = create_api_key(db, name="fuzz")
    create_user(db, username="can.bo.fuzz", password=PASSWORD, role="admin")
    address = (f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.9", 50000)
    browser = TestClient(app, follow_redirects=False, client=address)
    login = browser.post("/console/login", data={"username": "can.bo.fuzz", "password": PASSWORD})
    assert login.status_code == 303, login.text
    session = dict(browser.cookies.items())
    assert session
    return Identities(app, {"anonymous": ({}, {}), "api-key": ({"X-API-Key": key}, {}),
                            "session": ({}, session)})


@pytest.fixture
def fake_world(db: Database) -> Iterator[Identities]:
    """The app with the fake assistant (a case costs milliseconds) and one stored document."""
    client, _ = make_client(db, rate_limit_per_minute=10_000_000,
                            api_key_rate_limit_per_minute=10_000_000,
                            rate_limit_per_address_per_minute=10_000_000,
                            rate_limit_anonymous_per_minute=10_000_000)
    assert DocumentService(db).import_file(DOC.encode(), "nq99.md").status == "imported"
    assert isinstance(client.app, FastAPI)
    yield _identities(client.app, db)
    st_asgi.shutdown_lifespans()  # schemathesis keeps each app's lifespan (job consumer) open
    jobs_for(get_settings(), db).stop()


@pytest.mark.parametrize("who", WHO)
def test_fuzz_openapi_fake_assistant_no_server_error(fake_world: Identities, who: str) -> None:
    headers, cookies = fake_world.auth[who]
    tally = _walk(fake_world.app, headers, cookies, EXAMPLES)
    assert tally.cases >= EXAMPLES * 10, tally.cases  # the walk reached the operations
    _report(tally, f"fake assistant, {who}")


@pytest.fixture
def real_world(db: Database) -> Iterator[Identities]:
    """The real assistant over the bundled sample catalog, and no document stored (a fresh
    install: the documents room is empty)."""
    config = {"sample": True, "rate_limit_per_minute": 10_000_000,
              "api_key_rate_limit_per_minute": 10_000_000,
              "rate_limit_per_address_per_minute": 10_000_000,
              "rate_limit_anonymous_per_minute": 10_000_000}
    app = create_app(get_settings().model_copy(update=config), db=db)
    yield _identities(app, db)
    st_asgi.shutdown_lifespans()
    jobs_for(get_settings(), db).stop()


@pytest.mark.parametrize("who", WHO)
def test_fuzz_openapi_real_assistant_on_sample_no_server_error(real_world: Identities,
                                                              who: str) -> None:
    headers, cookies = real_world.auth[who]
    tally = _walk(real_world.app, headers, cookies, max(2, EXAMPLES // 2))
    _report(tally, f"real assistant on the sample, no document, {who}")


@pytest.mark.parametrize(("method", "url", "body"), [
    ("GET", "/api/v1/documents/search?q=0&limit=10", None),
    ("POST", "/api/v1/documents/ask", {"question": "00"}),
])
def test_fuzz_found_documents_before_any_import_is_409_not_503(
        db: Database, method: str, url: str, body: dict[str, str] | None) -> None:
    """Found by this fuzzing (issue 11): an empty documents room answered 503 while /readyz
    said ready; it is a state of a fresh install, answered 409 with the import to run."""
    client, _ = make_client(db, rate_limit_per_minute=1000)
    key = create_api_key(db, name="fuzz-empty")
    r = client.request(method, url, json=body, headers={"X-API-Key": key})
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["code"] == "index_empty" and "docs import" in error["hint"]
    assert client.get("/readyz").json()["indexes"]["documents"]["state"] == "empty"
    jobs_for(get_settings(), db).stop()


def test_fuzz_error_shape_table() -> None:
    """The shape check itself: what it accepts and what it refuses."""
    cases = [
        (b'{"error": {"code": "not_found", "message": "x"}}', None),
        (b'{"error": {"code": "not_found", "message": "x", "hint": "y"}}', None),
        (b'{"detail": "Not Found"}', "not the error shape"),
        (b'{"error": {"code": "x"}}', "not the error shape"),
        (b'{"error": {"code": "", "message": "x"}}', "not the error shape"),
        (b'{"error": "x"}', "not the error shape"),
        (b"[]", "not the error shape"),
        (b"<html>", "not JSON"),
    ]
    for body, expected in cases:
        got = _error_shape(404, body)
        assert (got is None) if expected is None else (got is not None and expected in got), body
