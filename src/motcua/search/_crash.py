"""Test hook: die exactly like ``kill -9`` at a named stage of an import or index rebuild.

Why a hook and not a timed kill from outside: the stages (a batch committed, the index folder
half swapped) last milliseconds, so a test that sends SIGKILL on a timer hits a random one.
With ``MOTCUA_TEST_CRASH_AT=<stage>`` (or ``<stage>#<n>`` for its n-th passage; the setting
``test_crash_at``) the process sends itself SIGKILL there: no ``finally``, no rollback handler,
no flush runs, as in a real kill or an out-of-memory kill. Without it ``crash_point`` does
nothing. Stages: ``import:flush`` (a batch written, not committed),
``import:batch`` (a batch committed), ``index:build`` (rows read, nothing saved),
``index:save`` (new folder written, not swapped in), ``index:swap`` (old folder moved away,
new one not yet in place), ``remove:commit`` (procedures removed, index not rebuilt).
Documents imports pass ``import:batch`` after each committed document.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

from motcua._settings import get_settings

__all__ = ["crash_point"]

_seen: Counter[str] = Counter()


def crash_point(stage: str) -> None:
    """SIGKILL this process when ``MOTCUA_TEST_CRASH_AT`` names ``stage`` (tests only)."""
    wanted = get_settings().test_crash_at
    if not wanted:
        return
    name, _, nth = wanted.partition("#")
    if name != stage:
        return
    _seen[stage] += 1
    if _seen[stage] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
