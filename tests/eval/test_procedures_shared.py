"""The procedure eval on the real catalog (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua._settings import get_settings
from motcua.answer.assistant import load_assistant
from motcua.catalog.bootstrap import import_catalog
from motcua.eval.procedures import ProcedureEval, load_items


@pytest.fixture(scope="module")
def real_assistant(shared: Path, tmp_path_factory: pytest.TempPathFactory):
    import os

    home = tmp_path_factory.mktemp("realhome")
    old = os.environ.get("MOTCUA_HOME")
    os.environ["MOTCUA_HOME"] = str(home)
    get_settings.cache_clear()
    try:
        settings = get_settings()
        report = import_catalog(settings, [shared / "data/catalog/dichvucong-2026"])
        assert report.imported > 2500 and not report.malformed
        yield load_assistant(settings)
    finally:
        if old is None:
            os.environ.pop("MOTCUA_HOME", None)
        else:
            os.environ["MOTCUA_HOME"] = old
        get_settings.cache_clear()


def test_eval_procedures_dev_set_meets_quality_floor(real_assistant, shared: Path) -> None:
    """A floor well under the targets (the targets themselves are benchmarks)."""
    items = load_items(shared / "eval/procedure-questions.dev.jsonl")
    result = ProcedureEval(real_assistant).run(items, baseline=False)
    assert result["ungrounded_facts"] == 0, result["ungrounded_examples"]
    assert result["recall_at_5"] >= 0.9
    assert result["recall_at_1"] >= 0.8
    assert result["abstain_recall"] >= 0.9
