"""Generated passages for the pruned search tests: syllables of administrative Vietnamese,
with and without diacritics, headings, titles, commas and repeated clauses (ties)."""

from __future__ import annotations

import random

from motcua.documents.index import IndexedPassage, PassageIndex
from motcua.search import BM25Index

_TEXT = ("xã phường tỉnh huyện cơ quan hồ sơ đăng ký thủ tục hộ tịch kết hôn khai sinh "
         "cua cửa của biển bờ ven từ tự tư nhân dân ủy ban sắp xếp đơn vị hành chính "
         "thường trú tạm trú giấy tờ chứng thực bản sao đất đai tranh chấp")
WORDS = _TEXT.split()
QUERIES = ("đăng ký kết hôn ở ủy ban nhân dân xã", "dang ky ket hon", "hồ sơ cơ quan",
            "sắp xếp đơn vị hành chính tỉnh", "cửa biển ven bờ", "cua bien", "xã",
            "thủ tục chứng thực bản sao giấy tờ hộ tịch khai sinh tạm trú thường trú",
            "tranh chấp đất đai giữa hộ dân và cơ quan nhà nước", "tự từ tư", "khong co")


def passages(seed: int, n: int) -> list[IndexedPassage]:
    rng = random.Random(seed)
    out: list[IndexedPassage] = []
    for i in range(n):
        if out and rng.random() < 0.15:  # the same clause again: ties at equal scores
            same = rng.choice(out)
            out.append(IndexedPassage(str(i), same.body, same.heading, same.title, same.filters))
            continue
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 25))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), ",")
        body = " ".join(words).replace(" ,", ",")
        heading = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))
        title = rng.choice(["Luật Hộ tịch", "Nghị quyết tỉnh Mẫu", ""])
        out.append(IndexedPassage(str(i), body, heading, title,
                                  {"year": rng.choice([2024, 2025])}))
    return out


def index_of(seed: int, n: int = 400) -> PassageIndex:
    index = PassageIndex()
    index.build(passages(seed, n))
    return index


def heading_outside(index: PassageIndex, seed: int) -> None:
    """Replace the heading field by words the body lacks (not what build writes, but what
    ``fuse_term``'s dense path is for)."""
    rng = random.Random(seed)
    heading = BM25Index(index.fields["heading"].tokenizer, k1=index.k1, b=index.b)
    heading.build([(i, " ".join(rng.choice(WORDS) for _ in range(3))) for i in index.ids])
    index.fields["heading"] = heading
