"""The assistant's own sentences, in Vietnamese, in one place for review by officials."""

from __future__ import annotations

from motcua.answer.schema import NationalRef, ProcedureRef

# Shown with every response while the bundled sample is the catalog in use (``sample: true``):
# on the answer card text, under each answer of the citizen page (web/static/app.js holds the
# same sentence) and in ``motcua ask``.
SAMPLE_NOTICE = ("Đây là dữ liệu mẫu minh họa, chưa phải danh mục thủ tục hành chính chính "
                 "thức: đừng dựa vào đó để chuẩn bị hồ sơ. Hãy hỏi cán bộ một cửa để có thông "
                 "tin chính thức.")

MESSAGES = {
    "answer": "Đây là thủ tục phù hợp nhất với câu hỏi của bạn. Mọi thông tin dưới đây lấy từ "
              "Cơ sở dữ liệu quốc gia về thủ tục hành chính, kèm nguồn.",
    "sample": "Đây là thủ tục phù hợp nhất với câu hỏi của bạn, trong DỮ LIỆU MẪU minh họa (chưa "
              "nhập danh mục chính thức). Mọi thông tin dưới đây kèm nguồn trong dữ liệu mẫu.",
    "clarify": "Có vài thủ tục gần với câu hỏi của bạn. Bạn cho biết rõ hơn bạn cần làm việc "
               "nào nhé.",
    "empty": "Bạn chưa nhập câu hỏi. Hãy cho biết bạn cần làm thủ tục gì, ví dụ: "
             "\"làm giấy khai sinh cho con\".",
    "gibberish": "Xin lỗi, tôi chưa hiểu câu hỏi. Hãy viết lại bằng tiếng Việt, ví dụ: "
                 "\"đăng ký tạm trú cần giấy tờ gì\".",
    "off_topic": "Xin lỗi, câu hỏi này không thuộc các thủ tục hành chính tôi có thể hướng dẫn. "
                 "Bạn có thể hỏi về giấy tờ, phí, thời hạn và nơi nộp của một thủ tục, hoặc "
                 "nhờ cán bộ một cửa hỗ trợ.",
    "low_confidence": "Tôi chưa chắc thủ tục nào đúng với câu hỏi của bạn, nên không đoán. "
                      "Bạn hãy nói rõ hơn, hoặc chọn \"Gặp cán bộ\" để được hướng dẫn trực "
                      "tiếp.",
    "not_in_catalog": "Thủ tục bạn hỏi chưa có trong danh mục tôi đang giữ, nên tôi không "
                      "hướng dẫn bằng một thủ tục khác. Bạn hãy chọn \"Gặp cán bộ\" để cán bộ "
                      "một cửa hướng dẫn trực tiếp.",
    "private_data": "Tôi không thể cung cấp thông tin cá nhân của người khác. Nếu cần liên hệ "
                    "cơ quan, hãy dùng số điện thoại công khai của bộ phận một cửa.",
    "unsafe": "Tôi không thể hỗ trợ việc này. Nếu bạn cần làm thủ tục hợp pháp, hãy cho biết "
              "bạn cần làm gì, hoặc liên hệ cán bộ một cửa.",
    "injection": "Tôi chỉ hỗ trợ hướng dẫn thủ tục hành chính. Bạn cần làm thủ tục gì?",
}


def clarify_question(options: list[ProcedureRef]) -> str:
    names = "; ".join(f"({i}) {o.name}" for i, o in enumerate(options, start=1))
    return f"Bạn muốn làm thủ tục nào: {names}?"


def not_in_catalog(national: NationalRef) -> str:
    """Names the national procedure and its portal page; offers the officer (no details: the
    catalog does not hold them, and an answer must rest on what it holds)."""
    agencies = list(dict.fromkeys(a.strip() for a in national.agency.split(";") if a.strip()))
    where = f" (cơ quan thực hiện: {', '.join(agencies[:3])})" if agencies else ""
    link = f" Xem chi tiết trên Cổng Dịch vụ công quốc gia: {national.url}." if national.url else ""
    return (f"Việc bạn hỏi có thể là thủ tục \"{national.name.rstrip('.')}\"{where}. Thủ tục này "
            f"chưa có trong danh mục tôi đang giữ, nên tôi không hướng dẫn chi tiết.{link} Bạn "
            f"có thể chọn \"Gặp cán bộ\" để cán bộ một cửa hướng dẫn trực tiếp.")
