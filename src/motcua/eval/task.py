"""The real task of ``ask``: did the person get what they came for? And a fixed half of a file.

Why a success measure next to recall: recall scores a ranking, but a person reads one answer.
Success is decided per item by what it expects:

- a plain question with gold procedures: the answer's top procedure is a gold one;
- ``expect: "clarify"`` (the question does not decide between look-alikes): it asks back with a
  gold among the options it offers, or it answers with a gold one;
- ``expect: "abstain"``, or no gold (not in our catalog, off-topic, private data, forging,
  injection, gibberish): it refuses or hands over, and shows no procedure as the answer;
- ``turns`` (a dialogue): every turn is sent in the same conversation, earlier turns as its
  history, and the final response is scored as above.

Why a split: tuning on the questions one reports on measures the tuning, not the product (the
first dev set said R@1 0.96 while unseen questions said 0.51). ``in_split`` puts each item in
half ``a`` or ``b`` by a hash of its id, so the halves never change with file order or
additions; tune on one half, report the other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from typing import Literal

from motcua.answer.schema import AskResponse

__all__ = ["CLARIFY_OPTIONS", "Split", "in_split", "task_success"]

Split = Literal["a", "b"]
CLARIFY_OPTIONS = 5  # how many procedures a clarifying question offers (the CLI and web list)


def in_split(item_id: str, split: Split | None) -> bool:
    """Whether the item with ``item_id`` belongs to half ``split`` (every item when None)."""
    if split is None:
        return True
    first = hashlib.sha256(item_id.encode("utf-8")).digest()[0]
    return (first & 1) == (0 if split == "a" else 1)


def task_success(response: AskResponse, gold: Collection[str], expect: str | None) -> bool:
    """Whether ``response`` does what the item expects (see the module docstring)."""
    if expect == "abstain" or not gold:
        return response.status == "abstain"
    codes: Sequence[str] = [p.code for p in response.procedures]
    if response.status == "answer":
        return bool(codes) and codes[0] in gold
    if response.status == "clarify" and expect == "clarify":
        return any(code in gold for code in codes[:CLARIFY_OPTIONS])
    return False
