"""Chinese and Korean company names half translated, as the lists write them."""

from __future__ import annotations

import pytest

from fullcourt.screening.business_words import translations
from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.score import DEFAULT_THRESHOLD


def score(a: str, b: str) -> float:
    result = compare_names(name_forms(a, "Company"), name_forms(b, "Company"), "Company")
    return result.score if result else 0.0


def test_trade_words_translated_proper_names_kept() -> None:
    assert translations("丹东鸿祥实业发展") == ("丹东鸿祥 industrial development",)
    assert translations("丹東鴻祥實業發展") == ("丹东鸿祥 industrial development",)  # traditional
    assert translations("조선광선은행") == ("korea 광선 bank",)
    assert translations("鸿祥") == ()  # nothing to translate


def test_a_word_lists_translate_two_ways_gives_two_renderings() -> None:
    assert translations("원양해운관리회사") == (
        "ocean shipping management company",
        "ocean maritime management company",
    )
    assert translations("조선광선은행") == ("korea 광선 bank",)
    assert translations("鸿祥") == ()
    assert translations("조선광선은행|a|b") == ("korea 광선 bank a b",)  # a name's own bars


def test_korea_only_where_it_opens_the_name() -> None:
    # 조선 is Korea (朝鮮) opening a North Korean name, shipbuilding (造船) elsewhere
    assert translations("대우조선") == ()


@pytest.mark.parametrize(
    ("latin", "written"),
    [
        # OFAC SDN: DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD.
        ("Dandong Hongxiang Industrial Development Co Ltd", "丹东鸿祥实业发展有限公司"),
        ("Korea Ryonbong General Corporation", "조선련봉총회사"),  # UN KPe.005
        ("Korea Mining Development Trading Corporation", "조선광업개발무역회사"),  # KOMID
        ("Tanchon Commercial Bank", "단천상업은행"),  # UN KPe.003
        ("HEBEI HUANHAO BIOTECHNOLOGY CO., LTD.", "河北环昊生物科技有限公司"),  # SDN
        ("DAEDONG CREDIT BANK", "대동신용은행"),  # UN KPe.023
        # UN KPe.020; 해운 is "maritime" here and "shipping" in Korea Ansan Shipping
        ("Ocean Maritime Management Company, Limited", "원양해운관리회사"),
        ("Korea Ansan Shipping Company", "조선안산해운회사"),  # SDN
        ("Korea United Development Bank", "조선통일발전은행"),  # UN KPe.033
        ("Korean Committee for Space Technology", "조선우주공간기술위원회"),  # UN KPe.012
        ("Korea Foreign Technical Trade Center", "조선대외기술무역쎈터"),  # UN KPe.037
        ("Korean National Insurance Company", "조선민족보험회사"),  # UN KPe.048
        # UN; 위원회 is "commission" here, "committee" in the Second Economic Committee
        ("Central Military Commission", "중앙군사위원회"),
        ("Ministry of People's Armed Forces", "인민무력성"),  # UK, EU
        ("Ministry of Crude Oil Industry", "원유공업성"),  # UK, EU
    ],
)
def test_half_translated_names_meet(latin: str, written: str) -> None:
    assert score(latin, written) >= 0.95


def test_whole_words_of_other_scripts() -> None:
    assert translations("هواپیمایی ماهان") == ("airlines ماهان",)
    assert translations("حركة الشباب") == ("الشباب movement",)  # the kind of body last
    assert translations("الشركة العامة") == ("company العامة",)  # after the article
    assert translations("للصرافة") == ("money exchange",)  # "for the exchange"
    assert translations("госкорпорация ростех") == ("state corporation ростех",)
    assert translations("нк роснефть") == ("роснефть oil company",)  # НК: нефтяная компания
    assert translations("بانکداری") == ()  # a word that only opens with a known one


@pytest.mark.parametrize(
    ("latin", "written", "schema"),
    [
        ("MAHAN AIR", "هواپیمایی ماهان", "Organization"),  # SDN, Iran
        # the country's official name, in Persian order, is one country (places.py)
        ("ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "کشتیرانی جمهوری اسلامی ایران", "Company"),
        (
            "CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN",
            "بانک مرکزی جمهوری اسلامی ایران",
            "Company",
        ),
        # the UN list's entities, beside the name in their original script
        ("ARMED ISLAMIC GROUP", "الجماعة الاسلامية المسلحة", "Organization"),  # QDe.006
        ("REVIVAL OF ISLAMIC HERITAGE SOCIETY", "جمعية احياء التراث الاسلامي", "Organization"),
        ("ROSHAN MONEY EXCHANGE", "صرافی روشان", "Organization"),  # TAe.011
        ("MUHAMMAD JAMAL NETWORK", "شبكة محمد جمال", "Organization"),  # QDe.136
        ("State Corporation Rostec", "Госкорпорация Ростех", "Company"),  # UK
        ("OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY", "ПАО НК Роснефть", "Company"),  # OFAC
        ("PJSC Oil Company LUKOIL", "НК Лукойл", "Company"),  # UK
        ("MAHAN AIR", "ماهان ایر", "Company"),  # SDN: the English word in Persian letters
        ("HIZBALLAH", "حزب‌الله", "Organization"),  # SDN: الله joined by a ZWNJ
    ],
)
def test_translated_words_meet(latin: str, written: str, schema: str) -> None:
    result = compare_names(name_forms(written, schema), name_forms(latin, schema), schema)
    assert result is not None and result.score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        # the UN and EU lists' North Korean state bodies, in Hangul and in Chinese
        # characters as Korean and Chinese sources write them
        ("KOREAN PEOPLE'S ARMY", "조선인민군"),  # EU annex XV.B
        ("KOREAN PEOPLE'S ARMY", "朝鲜人民军"),
        ("RECONNAISSANCE GENERAL BUREAU", "정찰총국"),  # UN KPe.031
        ("RECONNAISSANCE GENERAL BUREAU", "侦察总局"),
        ("MUNITIONS INDUSTRY DEPARTMENT", "군수공업부"),  # UN KPe.028
        ("GENERAL BUREAU OF ATOMIC ENERGY (GBAE)", "원자력총국"),  # UN KPe.007
        ("MINISTRY OF ATOMIC ENERGY INDUSTRY", "원자력공업성"),  # UN KPe.027
        ("SECOND ECONOMIC COMMITTEE", "제2경제위원회"),  # UN KPe.032
        ("MINISTRY OF STATE SECURITY", "국가보위성"),  # SDN
        ("PROPAGANDA AND AGITATION DEPARTMENT (PAD)", "선전선동부"),  # SDN
        ("Korea International Exhibition Corporation", "조선국제전람사"),  # EU annex XVI.B
        ("Ministry of Rocket Industry", "로케트공업성"),  # EU annex XV.B
    ],
)
def test_state_bodies_by_their_translated_names(listed: str, written: str) -> None:
    schema = "Organization"
    result = compare_names(name_forms(written, schema), name_forms(listed, schema), schema)
    assert result is not None and result.score >= 0.95


def test_another_body_of_the_same_state_is_not_a_hit() -> None:
    schema = "Organization"
    result = compare_names(
        name_forms("정찰총국", schema),
        name_forms("GENERAL BUREAU OF ATOMIC ENERGY", schema),
        schema,
    )
    assert result is None or result.score < DEFAULT_THRESHOLD


def test_quotes_around_a_registered_name_are_not_part_of_its_words() -> None:
    # the EU annex: OOO ‘Восточная Стивидорная Компания’
    assert translations("ооо ‘восточная компания’") == ("ооо восточная company",)
    assert translations("ооо «восточная компания»") == ("ооо восточная company",)


def test_the_state_s_official_name_is_not_cut_at_its_first_word() -> None:
    # the EU annex: 조선민주주의인민공화국 국가해사감독국 (DPRK National Maritime
    # Supervision Bureau); 조선 alone would be read as "korea" and the rest romanised
    assert translations("조선민주주의인민공화국 국가해사감독국") == (
        "democratic peoples republic of korea 국가 maritime supervision bureau",
    )
    assert translations("朝鲜民主主义人民共和国外务省") == (
        "democratic peoples republic of korea 外务省",
    )
    assert translations("조선광선은행") == ("korea 광선 bank",)
