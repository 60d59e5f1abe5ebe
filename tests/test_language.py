import pytest

from catalogue.parse.language import language_of


@pytest.mark.parametrize(
    "title, language",
    [
        ("Note de Haut Commissariat Indochine: Les communistes chinois et le Viet Minh", "fr"),
        ("Báo cáo tình hình chung tỉnh Lạng Sơn trong tháng 12/47", "vi"),
        ("Bao cao tinh hinh chung thang 10 nam 1949", "vi"),
        ("The Telegram to the Central Committee on the border question", "en"),
        ("中共中央文件选集", "zh"),
        ("Zhongguo renmin jiefangjun yueguibian zongdui", "zh-Latn-pinyin"),
        ("Nanwang de suiyue", "zh-Latn-pinyin"),
        ("Chinese troops training in Vietnam", "en"),
        ("Origins of the Vietnam War", "en"),
        ("Vietnam", None),
        ("", None),
    ],
)
def test_language_of_a_title(title, language):
    assert language_of(title) == language
