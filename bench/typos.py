"""``python -m bench.typos --home HOME``: how much each kind of typing slip changes the answer.

Why consistency and not recall: no eval file is needed. Catalog-like requests are built from
templates of our own over the procedure names of the catalog in HOME (read in place), each
is asked clean and with one kind of slip (``bench/slips.py``), and the measure is how often
the procedure ``Assistant.ask`` puts first for the corrupted sentence is the one it puts
first for the clean sentence. Sentences whose clean form gets no procedure are left out; a
corrupted sentence that gets none counts as inconsistent. Seeded: the same seed and catalog
give the same sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from bench.endtoend import _percentile
from bench.slips import KINDS, corrupt
from motcua.text.normalize import syllables

__all__ = ["OWN", "TEMPLATES", "own_sentences", "run", "sentences"]

# "{}" is the procedure's name; the words around it are what citizens add, and carry the
# words chat shorthand replaces (không, được, gì, với, thế nào, bao nhiêu).
TEMPLATES = (
    "cho hỏi thủ tục {} cần giấy tờ gì",
    "{} làm như thế nào",
    "muốn {} thì phải làm gì",
    "lệ phí {} là bao nhiêu",
    "{} có làm online được không",
    "tôi cần {} nộp hồ sơ ở đâu",
    "cho em hỏi {} với ạ",
    "{} mất bao lâu thì được",
)
# A name cut short by a citizen does not end on these.
_DANGLING = {"đối", "với", "của", "cho", "và", "trong", "theo", "tại", "các", "có", "thuộc",
             "về", "từ", "do", "là", "hoặc", "khi", "đã", "được", "bị", "ở", "trên", "người"}
# Requests in citizens' own words (written here, not from any eval file): the pairs they
# make are not the catalog's names word for word, so a correction that only works on names
# shows here.
OWN = (
    "tôi muốn làm lại thẻ bảo hiểm y tế bị mất",
    "con tôi mới sinh cần làm giấy khai sinh ở đâu",
    "hai đứa muốn đăng ký kết hôn thì cần giấy tờ gì",
    "bố tôi mất rồi làm giấy chứng tử thế nào",
    "muốn chứng thực bản sao sổ hộ khẩu ở xã",
    "xin giấy phép xây dựng nhà ở nông thôn",
    "đăng ký tạm trú cho người thuê trọ",
    "làm thẻ căn cước cho con 14 tuổi",
    "sang tên sổ đỏ khi mua đất",
    "đổi giấy phép lái xe sắp hết hạn",
    "đăng ký hộ kinh doanh bán tạp hóa",
    "xin xác nhận tình trạng hôn nhân để đi làm hồ sơ vay",
    "cấp lại giấy khai sinh bị rách",
    "tách thửa đất cho con trai",
    "đăng ký thường trú về nhà chồng",
    "xin trợ cấp cho người khuyết tật",
    "hỗ trợ hộ nghèo sửa nhà",
    "đăng ký xe máy mới mua",
    "khai báo tạm vắng khi đi làm xa",
    "cải chính ngày sinh trong giấy khai sinh",
    "xin cấp phiếu lý lịch tư pháp",
    "đăng ký thành lập công ty trách nhiệm hữu hạn",
    "giải thể hộ kinh doanh",
    "đăng ký nhận con nuôi",
    "đăng ký khai tử cho ông nội",
    "xin giấy phép kinh doanh rượu",
    "cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    "chứng thực chữ ký trên giấy ủy quyền",
    "đăng ký lại kết hôn vì mất giấy",
    "thay đổi thông tin cư trú sau khi sáp nhập xã",
)
EXTRA_KINDS = ("nodiac+drop_letter", "nodiac+swap_letters", "nodiac+shorthand",
               "nodiac+final_n_ng_c_t")


def _short_name(subject: str, rng: random.Random) -> list[str]:
    """The first 4-9 syllables of a name (citizens rarely type the whole name)."""
    words = syllables(subject)
    words = words[: rng.randint(4, 9)]
    while len(words) > 2 and words[-1] in _DANGLING:
        words.pop()
    return words


def sentences(names: list[str], n: int, seed: int) -> list[tuple[list[str], list[int]]]:
    """``n`` requests (words, indexes of the name's words) over names picked by ``seed``."""
    rng = random.Random(seed)
    out = []
    for name in rng.sample(names, min(n, len(names))):
        template = rng.choice(TEMPLATES)
        before, after = (syllables(p) for p in template.split("{}"))
        name_words = _short_name(name, rng)
        out.append(([*before, *name_words, *after],
                    list(range(len(before), len(before) + len(name_words)))))
    return out


def own_sentences(seed: int, repeats: int = 5) -> list[tuple[list[str], list[int]]]:
    """``OWN`` requests, each ``repeats`` times (the slips differ by sentence index); any
    word may get the slip but the question words of ``_DANGLING``."""
    out = []
    for _ in range(repeats):
        for text in OWN:
            words = syllables(text)
            out.append((words, [i for i, w in enumerate(words) if w not in _DANGLING]))
    return out


def run(home: Path, n: int, seed: int, kinds: list[str], *, own: bool = False
        ) -> dict[str, Any]:
    from motcua._settings import Settings
    from motcua.answer import load_assistant
    from motcua.search.procedures import subject_of

    assistant = load_assistant(Settings(home=home, database_url=None))
    names = sorted({subject_of(d.name) for d in assistant.index.docs})
    times: list[float] = []

    def first(words: list[str]) -> str | None:
        start = time.perf_counter()
        response = assistant.ask(" ".join(words))
        times.append((time.perf_counter() - start) * 1000)
        return response.procedures[0].code if response.procedures else None

    asked = own_sentences(seed) if own else sentences(names, n, seed)
    clean = [first(words) for words, _ in asked]
    result: dict[str, Any] = {"seed": seed, "sentences": len(asked),
                              "clean_answered": sum(c is not None for c in clean), "kinds": {}}
    examples: dict[str, list[str]] = {}
    for kind in kinds:
        same = total = 0
        for i, ((words, where), ref) in enumerate(zip(asked, clean, strict=True)):
            if ref is None:
                continue
            slipped = corrupt(kind, words, where, random.Random(f"{seed}:{i}:{kind}"))
            if slipped is None:
                continue
            total += 1
            if first(slipped) == ref:
                same += 1
            elif len(examples.setdefault(kind, [])) < 3:
                examples[kind].append(" ".join(slipped))
        result["kinds"][kind] = {"n": total, "consistency": round(same / total, 4)
                                 if total else None}
    result["examples"] = examples
    result["ask_p50_ms"] = round(_percentile(times, 50), 1)
    result["ask_p95_ms"] = round(_percentile(times, 95), 1)
    return result


def render(result: dict[str, Any]) -> str:
    lines = [f"seed {result['seed']}, {result['sentences']} sentences, "
             f"{result['clean_answered']} answered clean; ask p50 {result['ask_p50_ms']} ms, "
             f"p95 {result['ask_p95_ms']} ms", "", "| slip | n | consistency |", "|---|---|---|"]
    for kind, row in result["kinds"].items():
        lines.append(f"| {kind} | {row['n']} | {row['consistency']} |")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.typos", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--home", type=Path, required=True, help="a data home with the catalog")
    p.add_argument("--n", type=int, default=300, help="sentences (one per procedure name)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--kinds", nargs="+", default=[*KINDS, *EXTRA_KINDS])
    p.add_argument("--own", action="store_true",
                   help="the requests of OWN (citizens' words) instead of catalog names")
    p.add_argument("--json", action="store_true", help="every number and failed examples")
    args = p.parse_args()
    result = run(args.home, args.n, args.seed, args.kinds, own=args.own)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else render(result))


if __name__ == "__main__":
    main()
