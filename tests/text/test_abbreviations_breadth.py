"""Breadth of the counter's language (issue 9): each domain of the catalog a commune serves,
said the way people say it. Sentences written for these tests, never eval items."""

import pytest

from motcua.text import default_dictionary

_ACRONYMS = [
    ("hoàn thuế GTGT cho dự án viện trợ", "giá trị gia tăng"),
    ("quyết toán TNCN cuối năm", "thu nhập cá nhân"),
    ("khai thuế TNDN theo quý", "thu nhập doanh nghiệp"),
    ("hàng chịu thuế TTĐB", "tiêu thụ đặc biệt"),
    ("thanh toán chi phí KCB bằng thẻ", "khám chữa bệnh"),
    ("đóng BHTNLĐ cho công nhân", "bảo hiểm tai nạn lao động"),
    ("nộp tiền vào KBNN huyện", "kho bạc nhà nước"),
    ("hoàn trả khoản thu NSNN", "ngân sách nhà nước"),
    ("gửi hồ sơ cho CQT quản lý", "cơ quan thuế"),
    ("bán hàng trên sàn TMĐT", "thương mại điện tử"),
    ("nghiệm thu PCCC cho nhà xưởng", "phòng cháy chữa cháy"),
    ("tiền GPMB dự án đường", "bồi thường hỗ trợ tái định cư"),
    ("ghi nợ khi vào khu TĐC", "tái định cư"),
    ("sai thông tin trên CSDLQG về dân cư", "cơ sở dữ liệu quốc gia"),
    ("nộp hồ sơ trên DVCQG", "dịch vụ công quốc gia"),
    ("theo QĐ của chủ tịch xã", "quyết định"),
    ("ký HĐLĐ với người làm thuê", "hợp đồng lao động"),
    ("CMĐSDĐ từ đất vườn", "chuyển mục đích sử dụng đất"),
    ("nộp LPTB khi sang tên", "lệ phí trước bạ"),
    ("miễn TSDĐ cho người có công", "tiền sử dụng đất"),
    ("cấp lại GCNĐKHKD bị mất", "giấy chứng nhận đăng ký hộ kinh doanh"),
    ("nộp HS ở bộ phận một cửa", "hồ sơ"),
    ("giấy VSATTP cho quán ăn", "an toàn thực phẩm"),
    ("bò bị LMLM", "dịch bệnh động vật"),
    ("chứng thực HĐCN QSDĐ", "chứng thực hợp đồng chuyển nhượng"),
    ("làm GUQ cho anh trai", "chứng thực chữ ký giấy ủy quyền"),
    ("xin XN TTHN", "tình trạng hôn nhân"),
    ("ĐKKT cho ông", "đăng ký khai tử"),
    ("lập THT nuôi ong", "tổ hợp tác"),
    ("mất BSX đêm qua", "cấp lại chứng nhận đăng ký xe"),
    ("nộp TTĐ năm nay", "tiền thuê đất"),
    ("xin HĐĐT lẻ", "hóa đơn điện tử"),
    ("đăng ký PTTNĐ chở khách", "phương tiện thủy nội địa"),
    ("chuyển CLN lên ONT", "chuyển mục đích sử dụng đất"),
    ("thửa ODT của bố", "đất ở tại đô thị"),
    ("mua BHYT HGĐ", "người chỉ tham gia bảo hiểm y tế"),
]

_LAND_AND_BUILDING = [
    ("được đền bù khi làm đường", "bồi thường hỗ trợ tái định cư"),
    ("nhà nước thu hồi đất ruộng của tôi", "bồi thường hỗ trợ tái định cư"),
    ("nhà bị giải tỏa để mở chợ", "bồi thường hỗ trợ tái định cư"),
    ("xin ghi nợ tiền đất khi lên khu tái định cư", "ghi nợ tiền sử dụng đất"),
    ("trả nợ tiền đất còn thiếu", "xóa nợ tiền sử dụng đất"),
    ("sổ đỏ sai tên vợ tôi", "đính chính giấy chứng nhận"),
    ("muốn khoan giếng tưới rau", "khai thác nước dưới đất"),
    ("đất có vướng quy hoạch không", "cung cấp thông tin quy hoạch"),
    ("hiến đất làm đường vào thôn", "mở rộng đường giao thông"),
    ("cắm sổ đỏ ở ngân hàng xã", "biện pháp bảo đảm bằng quyền sử dụng đất"),
    ("thế chấp sổ đỏ vay vốn làm ăn", "biện pháp bảo đảm bằng quyền sử dụng đất"),
    ("dời nhà lùi vào trong để mở đường", "giấy phép di dời"),
    ("giấy phép xây dựng hết hạn rồi", "gia hạn giấy phép xây dựng"),
    ("đổ mái thêm một tầng", "sửa chữa cải tạo"),
    ("xây nhà thờ họ trên đất dòng họ", "tín ngưỡng tôn giáo"),
    ("đăng ký mua nhà xã hội", "nhà ở xã hội"),
    ("dựng rạp làm đám giỗ trước ngõ", "lòng đường vỉa hè"),
    ("đào đường đặt ống cấp nước", "thi công công trình trên đường bộ"),
    ("treo biển hiệu cho quán", "biển quảng cáo"),
    ("đốn cây sao trước cửa", "chặt hạ cây xanh"),
]

_PAPERS_AND_VEHICLES = [
    ("xin bản sao giấy chứng tử của ông", "bản sao trích lục hộ tịch"),
    ("muốn tái hôn sau mười năm góa vợ", "đăng ký kết hôn"),
    ("đăng ký hộ khẩu cho con dâu", "đăng ký thường trú"),
    ("cccd hết hạn năm nay", "cấp đổi thẻ căn cước"),
    ("làm cccd cho con học lớp ba", "người dưới 14 tuổi"),
    ("hủy xe máy cũ không đi nữa", "thu hồi chứng nhận đăng ký xe"),
    ("mất biển số xe đêm qua", "cấp lại chứng nhận đăng ký xe"),
    ("viết hợp đồng mua bán xe với người quen", "động sản"),
]

_BUSINESS_AND_TAX = [
    ("mất giấy phép kinh doanh của tiệm", "cấp lại giấy chứng nhận đăng ký hộ kinh doanh"),
    ("đổi tên cửa hàng điện thoại", "thay đổi nội dung đăng ký hộ kinh doanh"),
    ("bán hàng online tại nhà", "nền tảng thương mại điện tử"),
    ("mở gian hàng trên shopee", "nền tảng thương mại điện tử"),
    ("làm mã số thuế để đi làm", "đăng ký thuế lần đầu"),
    ("đăng ký giảm trừ gia cảnh cho mẹ già", "người phụ thuộc"),
    ("cho thuê nhà mặt đường", "cho thuê bất động sản"),
    ("cho thuê phòng trọ cho sinh viên", "cho thuê bất động sản"),
    ("xin hóa đơn lẻ khi bán lô hàng", "theo từng lần phát sinh"),
    ("công chứng sổ đỏ nộp kèm hồ sơ", "chứng thực bản sao từ bản chính"),
    ("làm giấy ủy quyền cho em trai", "chứng thực chữ ký"),
]

_INSURANCE_AND_FARMING = [
    ("mua bảo hiểm y tế hộ gia đình cho cả nhà", "người chỉ tham gia bảo hiểm y tế"),
    ("đóng bảo hiểm y tế tự nguyện cho mẹ", "người chỉ tham gia bảo hiểm y tế"),
    ("sổ đỏ bị ướt hết chữ", "cấp đổi giấy chứng nhận"),
    ("đóng bhxh tự nguyện để sau này có lương hưu", "bảo hiểm xã hội tự nguyện"),
    ("sổ bảo hiểm sai năm sinh", "điều chỉnh thông tin trên sổ bảo hiểm xã hội"),
    ("gộp sổ bhxh hai công ty", "điều chỉnh thông tin trên sổ bảo hiểm xã hội"),
    ("nhận tiền mai táng cho bố", "chế độ tử tuất"),
    ("hoàn tiền khám bệnh đã tự trả", "thanh toán trực tiếp chi phí khám chữa bệnh"),
    ("nhận lương hưu qua tài khoản", "bằng tài khoản cá nhân"),
    ("truy lĩnh lương hưu của mẹ", "người hưởng đã chết"),
    ("chuyển lương hưu vào nam", "chuyển hưởng sang địa bàn khác"),
    ("mãn hạn tù muốn lĩnh tiếp lương hưu", "chấp hành xong hình phạt tù"),
    ("đàn lợn bị dịch tả lợn", "dịch bệnh động vật"),
    ("gà chết vì cúm gia cầm", "dịch bệnh động vật"),
    ("chuyển ruộng lúa sang trồng cam", "chuyển đổi cơ cấu cây trồng"),
    ("cháy rừng keo mới trồng", "rừng trồng bị thiệt hại"),
    ("thụ tinh nhân tạo cho đàn bò", "phối giống nhân tạo"),
    ("cho con đi cai nghiện", "cai nghiện ma túy tự nguyện"),
    ("khai báo đao kiếm để thờ", "vũ khí thô sơ"),
]


_COURTS_WATER_TAX_AND_MORE = [
    ("xin bản sao bản án dân sự", "cấp sao bản án"),
    ("muốn nộp đơn kiện đòi nợ", "đơn khởi kiện"),
    ("tố cáo công an viên nhận tiền", "lực lượng công an nhân dân"),
    ("xây chuồng trại sát kênh mương", "phạm vi bảo vệ công trình thủy lợi"),
    ("nổ mìn phá đá gần hồ", "giấy phép nổ mìn"),
    ("đóng thuế nhà đất cho năm nay", "thuế sử dụng đất phi nông nghiệp"),
    ("thuế bán đất phải nộp bao nhiêu", "chuyển nhượng bất động sản"),
    ("thuế thừa kế nhà của bố", "nhận thừa kế quà tặng"),
    ("khóa mã số thuế khi thôi kinh doanh", "chấm dứt hiệu lực mã số thuế"),
    ("mở lại mst sau khi bị đóng", "khôi phục mã số thuế"),
    ("xin xác nhận đã nộp thuế để vay vốn", "xác nhận thực hiện nghĩa vụ thuế"),
    ("người gốc việt không có quốc tịch", "chưa xác định được quốc tịch"),
    ("chứng thực bản dịch tiếng hàn", "chữ ký người dịch"),
    ("thôn xin hỗ trợ giống lúa", "hỗ trợ phát triển sản xuất cộng đồng"),
    ("liên kết bao tiêu rau sạch", "hỗ trợ dự án liên kết"),
    ("thuê nhà của nhà nước đã lâu", "nhà ở cũ thuộc tài sản công"),
]


@pytest.mark.parametrize(("question", "expected"), _COURTS_WATER_TAX_AND_MORE)
def test_breadth_courts_water_tax_and_more_reach_catalog(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize(("question", "expected"), _ACRONYMS)
def test_breadth_acronyms_spell_out_catalog_words(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize(("question", "expected"), _LAND_AND_BUILDING)
def test_breadth_land_and_building_words_reach_catalog(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize(("question", "expected"), _PAPERS_AND_VEHICLES)
def test_breadth_papers_and_vehicles_reach_catalog(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize(("question", "expected"), _BUSINESS_AND_TAX)
def test_breadth_business_and_tax_reach_catalog(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize(("question", "expected"), _INSURANCE_AND_FARMING)
def test_breadth_insurance_and_farming_reach_catalog(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


@pytest.mark.parametrize("question", [
    "mã số thuế cá nhân bị khóa",  # the paper is named, not the request to get one
    "công ty TNHH của tôi",  # the company's legal form says nothing of the procedure
    "nuôi cá trong hồ thủy lợi",  # cages on a reservoir are the irrigation permit's business
    "thi hành bản án dân sự",  # a judgment alone is no request for its copy
])
def test_breadth_names_of_things_are_not_requests(question: str) -> None:
    expansions = " ".join(e for _, e in default_dictionary().matches(question))
    assert "lần đầu" not in expansions
    assert "trách nhiệm hữu hạn" not in expansions
    assert "lồng bè" not in expansions
    assert "cấp sao bản án" not in expansions


def test_breadth_vat_is_not_an_acronym_entry() -> None:
    # "vat" typed without diacritics is far more often "vật" (động vật) than VAT, and "luc"
    # (the land code LUC) is "lúc"
    assert default_dictionary().matches("dong vat bi benh") == []
    assert default_dictionary().matches("luc nao lam duoc") == []


def test_breadth_spell_acronyms_in_place() -> None:
    d = default_dictionary()
    assert d.spell_acronyms("đóng BHXH tự nguyện") == "đóng bảo hiểm xã hội tự nguyện"
    assert d.spell_acronyms("mã ZZQX chưa biết") == "mã ZZQX chưa biết"  # unknown: kept
    assert d.spell_acronyms("cưới vợ") == "cưới vợ"  # lower case is no acronym


@pytest.mark.parametrize(("typed", "meant"), [
    ("sác nhận độc thân", "xác nhận độc thân"),  # s/x
    ("xin dấy phép xây nhà", "xin giấy phép xây nhà"),  # d/gi
    ("lộp hồ sơ ở xã", "nộp hồ sơ ở xã"),  # l/n
    ("chanh chấp ranh giới", "tranh chấp ranh giới"),  # tr/ch
    ("truyển nhượng đất", "chuyển nhượng đất"),
    ("đăn ký tạm trú", "đăng ký tạm trú"),  # the final g dropped
    ("đăng kỳ kết hôn", "đăng ký kết hôn"),  # a wrong tone
    ("thẻ căn cuớc", "thẻ căn cước"),  # "uớ" typed for "ướ"
    ("sổ hộ khẫu", "sổ hộ khẩu"),  # ã for ẩ
])
def test_breadth_regional_spellings_are_put_right(typed: str, meant: str) -> None:
    assert default_dictionary().respell(typed) == meant


@pytest.mark.parametrize("text", ["lớp học", "năm nay", "cho cấp", "từ đường lớn vào"])
def test_breadth_short_look_alikes_are_not_respelled(text: str) -> None:
    # "lộp", "nàm", "chợ" alone would also be "lớp", "nam", "cho": only whole phrases respell
    assert default_dictionary().respell(text) == text
