"""Look-alike procedures: the question's facts decide between a family's variants.

Every sentence here is our own, written for these rules (never an eval item)."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua.answer.assistant import Assistant
from motcua.answer.families import Families, default_families
from motcua.catalog.indexing import ProcedureRepository, search_doc
from motcua.search._protocol import Hit
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, open_database
from tests.answer.conftest import _proc

_LAW = ("60/2014/QH13", "Luật Hộ tịch")
_ID = ("26/2023/QH15", "Luật Căn cước")
_VARIANTS = [
    ("F.1", "Thủ tục đăng ký kết hôn"),
    ("F.2", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài"),
    ("F.3", "Thủ tục đăng ký kết hôn lưu động"),
    ("F.4", "Thủ tục đăng ký lại kết hôn"),
    ("F.5", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới"),
    ("F.6", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"),
    ("F.7", "Cấp đổi thẻ căn cước"),
    ("F.8", "Cấp lại thẻ căn cước"),
    ("F.9", "Cấp tài khoản định danh điện tử cho cơ quan, tổ chức"),
    ("F.10", "Cấp tài khoản định danh điện tử mức độ 02 cho công dân Việt Nam"),
]
FAMILY = [_proc(code, name, "Tờ khai", "Miễn phí", "5 Ngày làm việc", "Ngày làm việc",
                _ID if "căn cước" in name or "định danh" in name else _LAW)
          for code, name in _VARIANTS]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    path: Path = tmp_path_factory.mktemp("families")
    db = open_database(f"sqlite:///{path / 'f.db'}")
    with db.session() as s:
        for parsed, raw in FAMILY:
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="test", data=parsed.to_dict(),
                            raw=raw))
    index = ProcedureIndex()
    index.build([search_doc(p) for p, _ in FAMILY])
    return Assistant(index, ProcedureRepository(db))


@pytest.mark.parametrize(("question", "code"), [
    # the plain case unless the question says otherwise
    ("thủ tục đăng ký kết hôn ở xã cần giấy tờ gì", "F.1"),
    ("hai đứa em cùng là người Việt muốn đăng ký kết hôn", "F.1"),
    # a nationality, in several phrasings, makes it the foreign variant
    ("anh ấy quốc tịch Hàn Quốc, chúng tôi muốn đăng ký kết hôn", "F.2"),
    ("dang ky ket hon voi chong nguoi nhat", "F.2"),
    ("vợ sắp cưới là Việt kiều, đăng ký kết hôn ở đâu", "F.2"),
    # and a border with it, the border-area variant
    ("tôi ở xã giáp biên, lấy chồng người Trung Quốc bên kia biên giới, đăng ký kết hôn", "F.5"),
    # a mobile registration only for someone who cannot come
    ("bố chồng tôi ốm nặng không đi được, muốn đăng ký kết hôn tại nhà", "F.3"),
    # the register is lost: register again
    ("đăng ký kết hôn từ năm 1990 mà xã không còn lưu sổ, giờ làm sao", "F.4"),
    # first issue, exchange, re-issue
    ("làm căn cước lần đầu cho con 15 tuổi", "F.6"),
    ("thẻ căn cước của tôi hết hạn rồi", "F.7"),
    ("cccd bi hong, muon doi the moi", "F.7"),
    ("đánh rơi thẻ căn cước ở chợ", "F.8"),
    # a person is not an organisation
    ("tài khoản định danh điện tử cho tôi", "F.10"),
])
def test_families_fact_decides_variant(assistant: Assistant, question: str, code: str) -> None:
    r = assistant.ask(question)
    assert r.procedures and r.procedures[0].code == code, [p.name for p in r.procedures[:3]]


@pytest.mark.parametrize(("question", "stated", "ruled_out"), [
    ("chồng tôi là người Lào", {"foreign", "laos"}, {"china", "cambodia"}),
    ("tôi muốn rút đơn yêu cầu đã nộp tuần trước", {"withdraw"}, set()),
    ("không hài lòng với quyết định của xã thì làm sao", {"complaint"}, set()),
    ("cong ty lam an thua lo, muon giai the", {"dissolve"}, {"establish"}),
    ("mở công ty xây dựng với bạn", {"establish"}, set()),
    ("hai đứa chưa cưới mà có con, anh ấy muốn ghi tên là bố trong giấy khai sinh",
     {"paternity"}, set()),
    ("con ngoài giá thú làm khai sinh thế nào", {"paternity"}, set()),
    ("vợ chồng tôi đã có giấy đăng ký kết hôn, giờ làm khai sinh thế nào", set(),
     {"paternity"}),
    ("tôi đi Lào Cai chơi", set(), set()),  # a Vietnamese province, not Laos
    ("cả hai đều là người Việt Nam", {"domestic"}, {"foreign"}),
    ("bà Nga hàng xóm nhờ hỏi", set(), set()),  # a name, not Russia
    ("xã vẫn còn lưu sổ gốc", set(), {"reregister"}),
    ("sổ gốc cũng không còn", {"reregister"}, set()),
    ("mặt đường bị hỏng", {"exchange", "reissue"}, set()),
    ("mở công ty riêng", {"organisation"}, set()),
    ("con tôi sinh bên Nhật, có giấy khai sinh do Nhật cấp", {"abroad", "foreign"}, set()),
    ("hai vợ chồng đều là người Việt, ly hôn ở tòa án Hàn Quốc", {"abroad"}, {"foreign"}),
    ("tôi làm công nhân cho một công ty", set(), set()),
])
def test_families_read_states_and_rules_out(question: str, stated: set[str],
                                            ruled_out: set[str]) -> None:
    reading = default_families().read(question)
    assert set(reading.stated) >= stated and not (set(reading.stated) & ruled_out)
    assert set(reading.ruled_out) == ruled_out
    if not stated:
        assert not ({"foreign", "reregister", "organisation"} & set(reading.stated))


@pytest.mark.parametrize(("name", "keys"), [
    ("Thủ tục đăng ký kết hôn", ()),
    ("Thủ tục đăng ký khai tử có yếu tố nước ngoài", ("foreign",)),
    ("Cấp, gia hạn, cấp lại, cấp đổi chứng chỉ hành nghề", ()),  # every act: none decides
    ("Cấp, cấp lại phù hiệu cho xe", ()),
    ("Thay đổi nội dung đăng ký hộ kinh doanh", ("amendment",)),
    ("Đổi giấy phép lái xe", ("exchange",)),
    ("Nhập quốc tịch Việt Nam ở nước ngoài", ("abroad",)),
    ("Cấp phiếu cho công dân Việt Nam, người nước ngoài cư trú tại Việt Nam", ()),
    # both ways in one name: neither way decides, as with several acts
    ("Kiểm tra hàng hóa xuất khẩu, nhập khẩu tại cảng", ()),
    ("Kiểm tra hàng hóa nhập khẩu tại cảng", ("imported",)),
    # "bị thu hồi": the case the act is for, not a second act
    ("Giải thể hợp tác xã, giải thể khi bị thu hồi giấy chứng nhận", ("dissolve",)),
    ("Thu hồi giấy phép hoạt động", ("cancel",)),
])
def test_families_qualifiers_of_name(name: str, keys: tuple[str, ...]) -> None:
    assert default_families().qualifiers_of(name) == keys


def test_families_rerank_keeps_order_without_qualifiers() -> None:
    hits = [Hit("a", 3.0), Hit("b", 2.0), Hit("c", 2.0)]
    names = {"a": "Đăng ký tạm trú", "b": "Đăng ký thường trú", "c": "Xóa đăng ký tạm trú"}
    out = Families(default_families().qualifiers).rerank("tạm trú", hits, names.__getitem__)
    assert [h.doc_id for h in out] == ["a", "b", "c"]


def test_families_enumerated_cases_cost_nothing() -> None:
    fam = default_families()
    reading = fam.read("đăng ký biến động đất đai")
    assert fam.adjustment(reading, "Đăng ký biến động trong các trường hợp cấp đổi, đính "
                                   "chính") == 0.0
    assert fam.adjustment(reading, "Cấp đổi giấy chứng nhận") < 0


def test_families_rerank_empty() -> None:
    assert default_families().rerank("x", [], str) == []


def test_families_siblings_are_the_same_words_told_apart_by_a_qualifier() -> None:
    names = [n for _, n in _VARIANTS]
    siblings = default_families().siblings("Thủ tục đăng ký kết hôn", names)
    assert "Thủ tục đăng ký kết hôn có yếu tố nước ngoài" in siblings
    assert "Thủ tục đăng ký lại kết hôn" in siblings
    assert "Cấp đổi thẻ căn cước" not in siblings
    assert "Thủ tục đăng ký kết hôn" not in siblings


def test_families_answer_offers_other_cases(assistant: Assistant) -> None:
    r = assistant.ask("thủ tục đăng ký kết hôn ở xã cần giấy tờ gì")
    assert r.answer is not None and r.answer.code == "F.1"
    assert {"F.2", "F.3"} & {v.code for v in r.variants}
    assert "F.6" not in {v.code for v in r.variants}


@pytest.mark.parametrize(("question", "kept", "gone"), [
    ("làm khai sinh cho con, chúng tôi đã đăng ký kết hôn rồi", "làm khai sinh cho con",
     "kết hôn"),
    ("Con ngoài giá thú làm khai sinh", "Con ngoài giá thú làm khai sinh", None),
    ("", "", None),
])
def test_families_done_facts_leave_the_search_words(question: str, kept: str,
                                                    gone: str | None) -> None:
    # what the asker has already done is no request: its words do not search for it
    words = default_families().without_ruled_out(question)
    assert words.startswith(kept)
    assert gone is None or gone not in words


def test_families_dissolving_is_not_setting_up() -> None:
    f = default_families()
    reading = f.read("muốn giải thể công ty trách nhiệm hữu hạn")
    assert f.adjustment(reading, "Đăng ký thành lập công ty TNHH một thành viên") < 0
    assert f.adjustment(reading, "Giải thể doanh nghiệp") > 0
    # setting up is the default: no cost when the question does not say
    assert f.adjustment(f.read("công ty TNHH một thành viên"),
                        "Đăng ký thành lập công ty TNHH một thành viên") == 0


@pytest.mark.parametrize(("question", "stated", "ruled_out"), [
    ("chở đàn bò sang tỉnh bên bán", {"land_animal"}, {"aquatic"}),
    ("cho dan bo sang tinh ben ban", {"land_animal"}, {"aquatic"}),
    ("nuôi tôm thẻ ở ao nhà", {"aquatic"}, {"land_animal"}),
    ("xin giấy thông hành sang Bằng Tường chơi vài hôm", {"china"}, {"laos", "cambodia"}),
    ("lam giay thong hanh sang lao tham nguoi than", {"laos"}, {"china", "cambodia"}),
    ("xe máy của tôi đem thế chấp", set(), {"ship", "aircraft", "land_right"}),
    ("thế chấp ô tô để vay ngân hàng", set(), {"land_right"}),
])
def test_families_named_thing_rules_out_another(question: str, stated: set[str],
                                                ruled_out: set[str]) -> None:
    reading = default_families().read(question)
    assert set(reading.stated) >= stated
    assert set(reading.ruled_out) >= ruled_out


@pytest.mark.parametrize("question", [
    "con lớn nhà tôi năm nay vào lớp một",  # "lớn" is not "lợn"
    "bố tôi đi làm xa",  # "bố" is not "bò"
    "đi xuất khẩu lao động",  # "lao động" is not Laos
    "tôi làm lao động ở Lào Cai",  # nor is a Vietnamese province
    "bo toi bi benh lao",  # without diacritics only unambiguous phrases count
    "cá nhân tôi muốn hỏi",  # a person, not a fish
    "đất nhà tôi có đường ô tô vào, muốn tách thửa",  # a road, not a car as the asset
])
def test_families_exact_words_do_not_match_look_alike_words(question: str) -> None:
    reading = default_families().read(question)
    keys = {"land_animal", "aquatic", "laos", "china", "cambodia", "land_right"}
    assert not (set(reading.stated) | set(reading.ruled_out)) & keys


@pytest.mark.parametrize(("name", "keys"), [
    ("Cấp giấy thông hành biên giới Việt Nam – Lào cho công dân Việt Nam", ("border", "laos")),
    ("Cấp giấy phép lao động cho người lao động", ()),
    ("Đăng ký cầm cố bằng động sản (không phải là tàu bay, tàu biển)", ()),
    ("Kiểm dịch động vật thủy sản vận chuyển ra khỏi tỉnh", ("aquatic",)),
])
def test_families_exact_qualifiers_of_name(name: str, keys: tuple[str, ...]) -> None:
    assert default_families().qualifiers_of(name) == keys


@pytest.mark.parametrize(("question", "names", "best"), [
    ("chở 20 con lợn đi tỉnh khác bán thì xin kiểm dịch thế nào",
     ["Kiểm dịch động vật thủy sản vận chuyển ra khỏi tỉnh",
      "Kiểm dịch động vật trên cạn vận chuyển ra khỏi tỉnh"], 1),
    ("thế chấp chiếc xe máy để vay thì đăng ký bảo đảm ở đâu",
     ["Đăng ký cầm cố bằng tàu biển", "Đăng ký cầm cố bằng động sản"], 1),
    ("xin giấy thông hành sang Bằng Tường chơi vài hôm",
     ["Cấp giấy thông hành biên giới Việt Nam – Lào cho công dân",
      "Cấp giấy thông hành sang các tỉnh biên giới Trung Quốc cho công dân"], 1),
])
def test_families_rerank_named_thing_beats_ruled_out_sibling(question: str, names: list[str],
                                                             best: int) -> None:
    hits = [Hit("a", 10.0), Hit("b", 9.0)]
    by_code = dict(zip("ab", names, strict=True))
    out = default_families().rerank(question, hits, by_code.__getitem__)
    assert out[0].doc_id == "ab"[best]


def test_families_divorce_and_unregistrable_home_are_cases_of_their_own() -> None:
    f = default_families()
    assert "divorce" in f.read("hai vợ chồng ly dị đã lâu, giờ ghi vào sổ thế nào").stated
    married = f.read("ghi vào sổ việc kết hôn đã làm ở nước ngoài")
    assert (f.adjustment(married, "Ghi vào sổ việc ly hôn ở nước ngoài")
            < f.adjustment(married, "Ghi vào sổ việc kết hôn ở nước ngoài"))
    plain = f.read("đăng ký tạm trú ở chỗ thuê trọ")
    assert f.adjustment(plain, "Khai báo cư trú cho người chưa đủ điều kiện đăng ký tạm trú") < 0
    assert "not_eligible" in f.read("nhà tôi chưa có sổ, đăng ký thường trú được không").stated


def test_families_a_death_is_for_the_survivors_allowance() -> None:
    f = default_families()
    died = f.read("chú tôi đi làm thì bị tai nạn tử vong, gia đình được trợ cấp gì")
    assert "death" in died.stated and "treatment" in died.ruled_out
    assert (f.adjustment(died, "Trợ cấp tiền tuất cho người bị tai nạn")
            > f.adjustment(died, "Hỗ trợ khám chữa bệnh cho người bị tai nạn"))
    hurt = f.read("bố tôi bị tai nạn gãy chân phải nằm viện")
    assert "treatment" in hurt.stated and "death" not in hurt.stated


@pytest.mark.parametrize(("question", "neighbour"), [
    ("đổi nhân dân tệ ở chợ cửa khẩu có được không", True),
    ("mang tiền riel về từ Campuchia", True),
    ("đi làm lao động ở Lào Cai", False),
    ("đổi đô la Mỹ ở ngân hàng", False),
])
def test_families_neighbour_countries_and_their_money(question: str, neighbour: bool) -> None:
    assert ("neighbour" in default_families().read(question).stated) is neighbour


@pytest.mark.parametrize("question", [
    "con tôi sinh ra ở bệnh viện tỉnh",
    "ông ngoại mất tại bệnh viện huyện",
])
def test_families_born_or_died_in_hospital_is_not_mobile(question: str) -> None:
    # the hospital is where people are born and die: no registration made on the spot
    reading = default_families().read(question)
    assert "mobile" not in reading.stated and "mobile" in reading.ruled_out


def test_families_in_hospital_unable_to_come_is_mobile() -> None:
    assert "mobile" in default_families().read("mẹ ốm nặng đang nằm viện").stated
