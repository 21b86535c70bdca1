"""Reading a conversation: what a follow-up turn adds to the earlier request.

Why: people rarely say everything in one message. They name a procedure ("thủ tục khai tử"),
then add the facts that decide it ("bố tôi vừa mất hôm qua ở nhà", "cháu mới 9 tuổi", "mất hộ
chiếu ạ"), answer a question back with a few words, or ask what it costs. Read alone, such a turn
names no procedure and was refused as off-topic; read with the earlier turns it refines them.
The service sends only the citizen's earlier turns (no server-side state), so the topic is
rebuilt from them on every turn.

Facts that decide between look-alike procedures are also written out in the catalog's words
(an age becomes "dưới 14 tuổi" or "từ đủ 14 tuổi trở lên"), whether they come in the first
turn or a later one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold, syllables
from motcua.text.tokenize import is_stopword

__all__ = ["HISTORY_TURNS", "age_facts", "is_aspect_question", "new_words", "topic_of"]

HISTORY_TURNS = 3  # earlier turns that make the topic: older ones are usually settled
# Folded words that ask about an aspect of a procedure (fee, time, channel, place, papers,
# who), not about which procedure: a turn made only of these stays on the earlier topic.
_ASPECT_WORDS = frozenset(fold(w) for w in syllables(
    "lệ phí phí tiền bao nhiêu bao lâu mấy ngày xong thời gian thời hạn nhanh chậm lâu "
    "online trực tuyến qua mạng mạng internet điện thoại app ứng dụng vneid dịch vụ công "
    "ở đâu chỗ nào nơi nào nộp cần mang những gì giấy tờ hồ sơ gồm mẫu đơn tờ khai "
    "ai người được không có thể phải còn thế sao vậy ạ nhé với thì làm kết quả nhận trả "
    "khi nào lúc sáng chiều thứ bảy chủ nhật giờ làm việc miễn giảm ko k hok"))
_AGE = re.compile(r"(\d{1,3})\s*(tuoi|t\b)")
_ADULT_AGE = 14  # the catalog's line between the two ID-card (and similar) procedures


def topic_of(history: Sequence[str]) -> str:
    """The earlier request, rebuilt from the last few citizen turns (oldest first)."""
    return " ".join(t.strip() for t in history[-HISTORY_TURNS:] if t.strip())


def new_words(topic: str, question: str) -> str:
    """The topic's words that the new turn does not repeat, in their order.

    Why not the whole topic: a turn that restates the request with more detail ("giấy phép
    xây dựng nhà tôi sắp hết hạn" after "gia hạn giấy phép thế nào?") would have its shared
    words counted twice, drowning the detail that decides.
    """
    asked = [fold(w) for w in syllables(question)]
    said, phrase = set(asked), f" {' '.join(asked)} "
    words = syllables(topic)
    # A term of the counter's vocabulary ("sổ đỏ", "bằng lái") stays whole unless the turn
    # repeats it whole: "sổ được cấp năm ngoái" must not leave "đỏ" alone, which no longer
    # says the land certificate.
    whole = {i for start, n in default_dictionary().spans(words) if n > 1
             and f" {' '.join(fold(w) for w in words[start:start + n])} " not in phrase
             for i in range(start, start + n)}
    return " ".join(w for i, w in enumerate(words) if i in whole or fold(w) not in said)


def is_aspect_question(question: str) -> bool:
    """Whether the turn only asks about fee, time, channel, place or papers ("lệ phí bao
    nhiêu?", "nộp online được không"): then it is about the procedure already under way."""
    said = syllables(question)
    if not said:
        return False
    # "mất bao lâu" / "mất mấy ngày" asks how long; "mất" alone is a death or a loss
    said = [w for w, nxt in zip(said, [*said[1:], ""], strict=True)
            if not (fold(w) == "mat" and fold(nxt) in ("bao", "may"))]
    words = [fold(w) for w in said if not is_stopword(w) and not w.isdigit()]
    return all(w in _ASPECT_WORDS for w in words)


def age_facts(text: str) -> str:
    """The catalog's words for the ages stated in ``text`` ("" when none).

    Why: "con tôi 9 tuổi" shares the word "tuổi" with both ID-card procedures (under 14, from
    14 up) equally; the number decides, and only the catalog's phrase lets search see it.
    """
    out = []
    for match in _AGE.finditer(fold(text)):
        age = int(match.group(1))
        if 0 < age <= 120:
            out.append("dưới 14 tuổi" if age < _ADULT_AGE else "từ đủ 14 tuổi trở lên")
    return " ".join(dict.fromkeys(out))
