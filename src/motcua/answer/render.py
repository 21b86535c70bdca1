"""One answer, many renderings: the short card, the details, and a message within a limit.

Why one module of plain-text renderers over the same card model: the CLI, the chat channels
(Zalo 2,000 characters, Telegram 4,096) and the web page must say the same thing; each target
only lays it out. The web page lays out the same ``short_facts`` in ``web/static/app.js``.

Public for the channels: ``render_text(response, limit=2000) -> str``.
"""

from __future__ import annotations

from motcua._errors import InputError
from motcua.answer.messages import SAMPLE_NOTICE
from motcua.answer.schema import AnswerCard, AskResponse, ProcedureRef
from motcua.catalog.sample import is_sample_code

__all__ = ["TELEGRAM_LIMIT", "ZALO_LIMIT", "details_text", "option_labels", "options",
           "render_text", "short_text"]

ZALO_LIMIT = 2000
TELEGRAM_LIMIT = 4096
_OPTIONS = 5  # options of a clarifying question, as numbered lines
_DETAILS_HINT = "Xem chi tiết (đủ giấy tờ, lưu ý, căn cứ pháp lý)"


def short_text(card: AnswerCard) -> str:
    """The visible card as plain text: one line per short fact, papers under a heading."""
    lines: list[str] = []
    papers_started = False
    for fact in card.short_facts:
        if fact.kind in ("paper", "case") and not papers_started:
            lines.append("Giấy tờ cần mang:")
            papers_started = True
        lines.append(fact.text)
    return "\n".join(lines)


def details_text(card: AnswerCard) -> str:
    """The whole record as plain Vietnamese text: what "Xem chi tiết" opens (every paper)."""
    lines = [f"Thủ tục: {card.name} (mã {card.code})"]
    if card.papers:
        lines.append("Giấy tờ cần chuẩn bị:")
        for paper in card.papers:
            extra = f" — {paper.count}" if paper.count else ""
            case = f" [{paper.case}]" if paper.case else ""
            lines.append(f"  ☐ {paper.name}{extra}{case}")
    if card.notes:
        lines.append("Lưu ý về hồ sơ:")
        lines.extend(f"  • {note.name}" for note in card.notes)
    if card.channels:
        lines.append("Cách nộp, thời hạn và phí:")
        said: set[str] = set()
        for ch in card.channels:
            lines.append(f"  • {ch.label}: thời hạn {ch.time}; phí, lệ phí: {ch.fee}")
            note = ch.fee_note.strip("() ")
            if note and note not in said:  # the same note per channel is said once
                said.add(note)
                lines.append(f"    ({ch.fee_note})")
    if card.where:
        lines.append("Nơi nộp:")
        lines.extend(f"  • {w.text}" for w in card.where)
    if card.online:
        lines.append(card.online)
    if card.legal_basis:
        lines.append("Căn cứ pháp lý:")
        lines.extend(f"  • {lb.number}: {lb.title}" for lb in card.legal_basis)
    lines.extend(f"⚠ {w}" for w in card.warnings)
    if is_sample_code(card.code):
        lines.append(f"⚠ {SAMPLE_NOTICE}")
        lines.append("Nguồn: dữ liệu mẫu minh họa, không phải danh mục chính thức "
                     f"(mã {card.code}).")
    else:
        lines.append(f"Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã {card.code}.")
    return "\n".join(lines)


def _fit(lines: list[str], tail: list[str], limit: int) -> str:
    """``lines`` then ``tail`` within ``limit`` characters: lines drop from the end first (a
    line saying so replaces them), then the text is cut hard as a last resort."""
    def joined(body: list[str]) -> str:
        return "\n".join(body + tail)

    body = list(lines)
    dropped = 0
    while body and len(joined(body)) > limit and len(body) > 1:
        body.pop()
        dropped += 1
    if dropped:
        body.append(f"… (còn {dropped} dòng: xem chi tiết)")
        while len(joined(body)) > limit and len(body) > 2:
            body.pop(-2)
    text = joined(body)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def options(response: AskResponse) -> list[ProcedureRef]:
    """The options of a question back, as the person reads them: one per name (the catalog
    holds twins such as a procedure at two levels), at most five."""
    seen: set[str] = set()
    out = []
    for p in response.procedures:
        name = " ".join(p.name.split())
        if name not in seen:
            seen.add(name)
            out.append(p)
    return out[:_OPTIONS]


def option_labels(names: list[str]) -> tuple[str, list[str]]:
    """Short labels for the options of a question back: the words all names start with are
    said once ("Cấp lại chứng nhận đăng ký xe"), each option keeps what tells it apart ("bị
    mất", "bị hỏng"), two syllables at least. Returns (the shared words or "", one label per
    name)."""
    words = [" ".join(n.split()).split(" ") for n in names]
    k = 0
    if len(words) > 1:
        while all(len(w) > k + 2 for w in words) and len({w[k] for w in words}) == 1:
            k += 1
    shared = " ".join(words[0][:k]) if k >= 2 else ""
    rests = [" ".join(w[k:]) if shared else " ".join(w) for w in words]
    labels = [_label(r) for r in rests]
    # a label cut to the same words as another's ("... (thực hiện ở cấp tỉnh)" off) stays whole
    return shared, [r if labels.count(lb) > 1 else lb for r, lb in zip(rests, labels, strict=True)]


def _label(name: str, limit: int = 90) -> str:
    """A clarifying option's name, short: its parenthesis off, then cut at a word."""
    name = " ".join(name.split())
    if len(name) > limit:
        name = name.split(" (")[0]
    if len(name) > limit:
        name = name[:limit].rsplit(" ", 1)[0] + "…"
    return name


def _choices(title: str, refs: list[ProcedureRef]) -> list[str]:
    """A short list of other procedures to ask about ("Trường hợp khác: ...")."""
    names = list(dict.fromkeys(_label(r.name.split(" (")[0], 70) for r in refs))[:3]
    return [f"{title}: " + "; ".join(names)] if names else []


def render_text(response: AskResponse, limit: int = ZALO_LIMIT) -> str:
    """The response as one plain-text message of at most ``limit`` characters.

    An answer: the short card, then the portal link as the way to the details. A question
    back: the options as numbered lines to reply with. A refusal or handover: the message.
    """
    if limit < 1:
        raise InputError(f"giới hạn độ dài tin nhắn không hợp lệ: {limit}",
                         hint="dùng một số ký tự dương, ví dụ 2000 (Zalo) hoặc 4096 (Telegram)")
    tail: list[str] = []
    card = response.answer
    if response.sample and card is None:  # a sample card says so in its own last line
        tail.append("⚠ Dữ liệu mẫu minh họa, chưa phải danh mục chính thức.")
    if response.status == "answer" and card is not None:
        lines = (card.short or card.text).splitlines()
        if card.aspect is None:
            lines += _choices("Trường hợp khác", response.variants)
            lines += _choices("Bạn cũng có thể cần", response.related)
        if card.url and card.aspect is None:
            tail.append(f"{_DETAILS_HINT}: {card.url}")
        return _fit(lines, tail, limit)
    lines = [response.message]
    if response.status == "clarify":
        shared, labels = option_labels([p.name for p in options(response)])
        if labels:
            lines.append(f"{shared}, bạn trả lời bằng số:" if shared else "Bạn trả lời bằng số:")
        lines += [f"{i}. {label}" for i, label in enumerate(labels, start=1)]
    elif response.national is not None and response.national.url \
            and response.national.url not in response.message:
        lines.append(response.national.url)
    return _fit(lines, tail, limit)
