"""``motcua eval procedures`` (other rooms attach ``legal``, ``docs``, ``addresses``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from motcua._settings import get_settings
from motcua.answer.assistant import load_assistant
from motcua.catalog.bootstrap import ensure_sample
from motcua.cli._apps import eval_app
from motcua.cli._output import console, print_json
from motcua.eval.procedures import ProcedureEval, load_items
from motcua.eval.task import Split

_KEYS = ["task_success", "recall_at_1", "recall_at_5", "mrr_at_10", "abstain_precision",
         "abstain_recall",
         "answerable_abstained", "p50_ms", "p95_ms", "ungrounded_facts", "n"]


@eval_app.command("procedures")
def procedures(
    file: Annotated[Path, typer.Argument(help="JSONL: {id, question | turns, gold, style?, "
                                         "expect?: clarify | abstain}")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    sample: Annotated[bool, typer.Option("--sample", help="against the bundled sample")] = False,
    no_baseline: Annotated[bool, typer.Option("--no-baseline")] = False,
    split: Annotated[Split | None, typer.Option(
        "--split", help="score only the fixed half a or b of the file (by a hash of each id): "
                        "tune on one half, report the other")] = None,
) -> None:
    """Task success, Recall@1/5, MRR@10, abstention, latency and ungrounded facts of `ask`.

    Dialogues (turns) are sent in one conversation; see motcua.eval.task for what success is."""
    settings = get_settings()
    if sample:
        ensure_sample(settings)
    items = load_items(file, split=split)
    result = ProcedureEval(load_assistant(settings)).run(items, baseline=not no_baseline)
    result["split"] = split
    if as_json:
        print_json(result)
        return
    half = f" (half {split})" if split else ""
    table = Table(title=f"motcua eval procedures — {file.name}{half}")
    table.add_column("style")
    for k in _KEYS:
        table.add_column(k.replace("_", " "), justify="right")
    table.add_row("all", *[str(result[k]) for k in _KEYS])
    for style, m in result["by_style"].items():
        table.add_row(style, *[str(m[k]) for k in _KEYS])
    console.print(table)
    folded = result["folded"]
    console.print(f"same questions without diacritics: R@1 {folded['recall_at_1']} "
                  f"R@5 {folded['recall_at_5']} (gap {result['diacritics_gap']})")
    if "baseline" in result:
        console.print(f"baseline: {result['baseline']}")
    if result["ungrounded_facts"]:
        console.print(f"[red]UNGROUNDED FACTS: {result['ungrounded_facts']}[/]")
        for ex in result["ungrounded_examples"]:
            console.print(f"  {ex}")


@eval_app.command("cards")
def cards(
    files: Annotated[list[Path], typer.Argument(help="the eval JSONL files whose gold codes "
                                                "say which procedures are asked most")],
    top: Annotated[int, typer.Option("--top", min=1, help="how many procedures")] = 100,
    level: Annotated[str, typer.Option(help="xa | tinh | bo")] = "xa",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    sample: Annotated[bool, typer.Option("--sample", help="against the bundled sample")] = False,
) -> None:
    """Short cards of the most asked procedures: length (targets: median <= 700, max <= 1,200
    characters), every paper still in the details, ungrounded short facts (must be 0)."""
    from motcua.catalog.indexing import ProcedureRepository
    from motcua.eval.cards import CardEval, most_asked
    from motcua.store.db import open_database

    settings = get_settings()
    if sample:
        ensure_sample(settings)
    repo = ProcedureRepository(open_database(settings.db_url))
    result = CardEval(repo).run(most_asked(files, repo, level=level, n=top))
    if as_json:
        print_json(result)
        return
    table = Table(title="motcua eval cards")
    for k in ("n", "short_chars_median", "short_chars_max", "over_1200",
              "ungrounded_short_facts", "papers_missing_from_details"):
        table.add_column(k.replace("_", " "), justify="right")
    table.add_row(*[str(result[k]) for k in ("n", "short_chars_median", "short_chars_max",
                                             "over_1200", "ungrounded_short_facts",
                                             "papers_missing_from_details")])
    console.print(table)
    for ex in [*result["ungrounded_examples"], *result["missing_examples"]]:
        console.print(f"[red]  {ex}[/]")
