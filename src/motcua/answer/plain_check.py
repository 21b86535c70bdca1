"""The deterministic check of a model's plain-language rewording of the short card.

Why a check and not trust: a language model asked to "say it more simply" may turn "miễn phí"
into "lệ phí 50.000 đồng", 1 day into 2, or "Công an xã" into "Công an tỉnh", and a citizen
would act on it. The rewording is shown only if every number, date, fee, paper name, place
and link in it is in the card (``AnswerCard.short``, the very text the model was given), no
amount is said of another channel, and none of the card's numbers, fees, papers or links is
dropped. What this does not see: a changed meaning without any of those (a dropped "không");
the prompt asks for none.

How names are found without a parser: a paper or a place starts with a head word ("Giấy",
"Tờ khai", "Công an", "UBND", "xã"...), and from there the words must run on as a stretch
of the card, up to punctuation, a number or a joining word ("và", "để", "tại"...). A name the
card does not hold, or one the model lengthened ("Công an" + "tỉnh"), breaks that run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from motcua.answer.schema import AnswerCard
from motcua.text.normalize import normalize_text

__all__ = ["Problem", "check_plain"]

ProblemKind = Literal["empty", "too_long", "number_added", "number_dropped", "amount_changed",
                      "amount_dropped",
                      "number_in_words", "free_added", "free_dropped", "fee_added",
                      "channel_changed", "name_unknown", "paper_dropped", "link_added",
                      "link_dropped"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MAX_RUN = 40  # syllables of the longest name compared as one stretch of the card
_DATE_WORDS = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_THOUSANDS = (re.compile(r"\d{1,3}(?:\.\d{3})+"), re.compile(r"\d{1,3}(?:,\d{3})+"))
_WORD = re.compile(r"\d+(?:[.,/]\d+)*|%|[^\W\d_]+")
_CLAUSE = re.compile(r"[.;:!?()\[\]\n“”\"—–•☐…]|, |- ")
_LINK = re.compile(r"\b(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?")
_FREE = re.compile(r"miễn phí|không (?:mất|tốn|thu|phải trả|phải nộp|phải đóng|có)"
                   r"(?: lệ)? (?:phí|tiền)|(?<![\d.,])0 đồng")
_PARTS = re.compile(r"[,;.!?\n]+(?:\s|$)|\n")  # clauses, for the channel an amount is of
_CHANNELS = (("trực tiếp", "direct"), ("trực tuyến", "online"), ("online", "online"),
             ("qua mạng", "online"), ("bưu chính", "post"), ("bưu điện", "post"))
_PAID = re.compile(r"\b(?:phải|có|thu|mất|tốn|trả|đóng)(?: [^\W\d_]+){0,2}? (?:phí|tiền)\b")
_UNITS = _set("bản ngày giờ tháng năm tuần phút đồng % người lần bộ tờ trang triệu nghìn "
                   "ngàn buổi cái chiếc quyển ảnh tấm vnđ đ")
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
                 "bẩy": 7, "tám": 8, "chín": 9, "mười": 10}
_VAGUE = _set("mươi lăm mốt trăm chục rưỡi nửa vài mấy dăm")
_HEADS = tuple(tuple(h.split()) for h in (
    # papers
    "giấy", "tờ khai", "bản khai", "sổ", "hộ chiếu", "thẻ", "căn cước", "chứng minh nhân dân",
    "đơn", "văn bản", "quyết định", "trích lục", "bản sao", "bản chính", "chứng chỉ",
    "hợp đồng", "biên bản", "phiếu",
    # places
    "ubnd", "ủy ban", "bộ phận", "công an", "sở", "phòng", "trung tâm", "cơ quan",
    "bảo hiểm xã hội", "bhxh", "chi nhánh", "văn phòng", "tòa án", "xã", "phường",
    "thị trấn", "huyện", "quận", "tỉnh", "thành phố", "thôn", "bưu điện", "kho bạc"))
# a head followed by one of these is an ordinary word, not a name ("giấy tờ sau", "đơn giản")
_NOT_NAMES = {("giấy", "tờ"), ("đơn", "giản"), ("đơn", "vị"), ("phòng", "khi"),
              ("thẻ", "ngân")}
_STOP = _set(
    "của và hoặc hay để khi nếu thì tại ở cho với theo do từ đến tới trong là có không được cần "
    "phải mang nộp nhận làm đã sẽ này đó kia nhé nha ạ bạn mình vào ra lên về rồi cũng đều mà "
    "nên vì như gồm kèm xin đi sau trước lại luôn ngay thêm đủ các những mỗi một bằng hãy nơi "
    "còn chỉ qua trên online trực tiếp")


@dataclass(frozen=True)
class Problem:
    """Why a rewording was refused: what kind, and the words of the rewording concerned."""

    kind: ProblemKind
    span: str = ""


def check_plain(card: AnswerCard, text: str) -> list[Problem]:
    """Problems of ``text`` as a rewording of ``card.short``; empty when it may be shown."""
    plain = _norm(text)
    short = _norm(card.short)
    if not plain.strip():
        return [Problem("empty")]
    if len(text) > 1.5 * len(card.short) + 200:
        return [Problem("too_long", f"{len(text)} characters")]
    problems: list[Problem] = []
    mine, theirs = _Facts(short), _Facts(plain)
    problems += theirs.words_problems
    problems += [Problem("number_added", n) for n in sorted(theirs.numbers - mine.numbers)]
    problems += [Problem("number_dropped", n) for n in sorted(mine.numbers - theirs.numbers)]
    problems += [Problem("amount_changed", f"{n} {u}")
                 for n, u in sorted(theirs.amounts - mine.amounts)]
    problems += [Problem("amount_dropped", f"{n} {u}")
                 for n, u in sorted(mine.amounts - theirs.amounts)]
    problems += [Problem("link_added", u) for u in sorted(theirs.links - mine.links)]
    problems += [Problem("link_dropped", u) for u in sorted(mine.links - theirs.links)]
    problems += _fee_problems(short, plain)
    problems += _channel_problems(short, plain)
    problems += _name_problems(short, plain)
    problems += _dropped_papers(card, plain)
    return problems


def _norm(text: str) -> str:
    """NFC, one tone placement, lower case, dates written out turned into d/m/yyyy."""
    text = "\n".join(normalize_text(line).lower() for line in text.replace("\r", "").split("\n"))
    return _DATE_WORDS.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}", text)


def _number(raw: str) -> str:
    """One spelling per number: 50.000 = 50,000 = 50000; 01/07/2025 = 1/7/2025."""
    if "/" in raw:
        return "/".join(str(int(p)) if p.isdigit() else p for p in raw.split("/"))
    if any(p.fullmatch(raw) for p in _THOUSANDS):
        return re.sub(r"[.,]", "", raw)
    return raw


class _Facts:
    """The numbers (digits, and number words before a unit), amounts and links of a text."""

    def __init__(self, text: str) -> None:
        self.words_problems: list[Problem] = []
        words = _WORD.findall(text)
        self.numbers: set[str] = set()
        self.amounts: set[tuple[str, str]] = set()
        for i, w in enumerate(words):
            after = words[i + 1] if i + 1 < len(words) else ""
            if w[0].isdigit():
                value = _number(w)
            elif after in _UNITS and (w in _NUMBER_WORDS or w in _VAGUE):
                before = words[i - 1] if i else ""
                if w in _VAGUE or before in _NUMBER_WORDS or before in _VAGUE:
                    self.words_problems.append(Problem("number_in_words", f"{before} {w} {after}"))
                    continue
                value = str(_NUMBER_WORDS[w])
            else:
                continue
            self.numbers.add(value)
            if after in _UNITS:
                self.amounts.add((value, after))
        self.links = {m.group(0).rstrip(".,;)").removeprefix("https://").removeprefix("http://")
                      for m in _LINK.finditer(text)}


def _fee_problems(short: str, plain: str) -> list[Problem]:
    free_card, free_plain = bool(_FREE.search(short)), bool(_FREE.search(plain))
    if free_plain and not free_card:
        return [Problem("free_added", _FREE.search(plain).group(0))]  # type: ignore[union-attr]
    if free_card and not free_plain:
        return [Problem("free_dropped", "miễn phí")]
    if free_card and not any(u == "đồng" for _n, u in _Facts(short).amounts):
        # the card charges nothing: a word of paying the card does not use is an invented fee
        # (the card's own "trả tiền hàng năm", "thu nhập từ tiền lương" are names, not fees)
        for paid in _PAID.finditer(_FREE.sub(" ", plain)):
            if paid.group(0) not in short:
                return [Problem("fee_added", paid.group(0))]
    return []


def _channels(text: str) -> set[str]:
    return {kind for words, kind in _CHANNELS if words in text}


def _channel_problems(short: str, plain: str) -> list[Problem]:
    """A fee or time the card gives for one channel must not be said of another: in each
    clause of the rewording that names one kind of channel, its amounts must be on a card
    line naming that channel (or on one naming none)."""
    allowed: dict[tuple[str, str], set[str]] = {}
    for line in short.split("\n"):
        kinds = _channels(line) or {"direct", "online", "post"}
        for amount in _Facts(line).amounts:
            allowed.setdefault(amount, set()).update(kinds)
    out: list[Problem] = []
    for clause in _PARTS.split(plain):
        kinds = _channels(clause)
        if len(kinds) != 1:
            continue  # no channel named, or several: which amount goes with which is unclear
        for amount in sorted(_Facts(clause).amounts):
            if amount in allowed and not kinds <= allowed[amount]:
                out.append(Problem("channel_changed", clause.strip()))
    return out


def _grams(text: str) -> set[tuple[str, ...]]:
    """Every stretch of up to ``_MAX_RUN`` words of each line of the card."""
    out: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        words = _WORD.findall(line)
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + _MAX_RUN) + 1):
                out.add(tuple(words[i:j]))
    return out


def _name_problems(short: str, plain: str) -> list[Problem]:
    grams = _grams(short)
    out: list[Problem] = []
    for clause in _CLAUSE.split(plain):
        words = _WORD.findall(clause)
        i = 0
        while i < len(words):
            head = next((h for h in _HEADS if tuple(words[i:i + len(h)]) == h), None)
            if head is None or tuple(words[i:i + 2]) in _NOT_NAMES:
                i += 1
                continue
            run = len(head)
            if tuple(words[i:i + run]) not in grams:
                out.append(Problem("name_unknown", " ".join(words[i:i + run + 3])))
                i += run
                continue
            while i + run < len(words) and tuple(words[i:i + run + 1]) in grams:
                run += 1
            nxt = words[i + run] if i + run < len(words) else ""
            if nxt and nxt not in _STOP and not nxt[0].isdigit():
                out.append(Problem("name_unknown", " ".join(words[i:i + run + 1])))
            i += run
    return out


def _dropped_papers(card: AnswerCard, plain: str) -> list[Problem]:
    """Each paper of the short card's checklist must still be named, in the card's words, as
    often as the card names it (a paper also named in the procedure's name is not enough)."""
    said = " ".join(_WORD.findall(plain))
    card_said = " ".join(_WORD.findall(_norm(card.short)))
    out: list[Problem] = []
    for fact in card.short_facts:
        if fact.kind != "paper":
            continue
        name = fact.text.lstrip("☐ ").split(" — ")[0]
        joined = " ".join(_WORD.findall(_norm(name)))
        words = re.compile(r"(?<!\S)" + re.escape(joined) + r"(?!\S)")
        if joined and len(words.findall(said)) < len(words.findall(card_said)):
            out.append(Problem("paper_dropped", name))
    return out
