"""Names reduced to comparable tokens: real quirks of list and customer names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import (
    bracketed_names,
    cjk_characters,
    listed_together,
    name_forms,
    script_parts,
    ship_brackets,
)


@pytest.mark.parametrize(
    ("name", "schema", "tokens", "legal"),
    [
        # legal forms apart from the distinctive tokens, in their generic form
        ("HSBC Holdings p.l.c.", "Company", ("hsbc",), ("holdings", "jsc")),  # plc: public
        ("Open Joint Stock Company Gasprom", "Company", ("gasprom",), ("jsc",)),
        # rigour reads the form in its own script before romanisation
        ("Volkswagen Gesellschaft mit beschränkter Haftung", "Company", ("volkswagen",), ("llc",)),
        # a form-like word inside a name is part of the name
        ("AT&T Inc.", "Company", ("att",), ("llc",)),
        # Chinese and Korean legal forms do not become pinyin tokens
        ("朝鲜矿业开发贸易有限公司", "Company", None, ("co",)),
        # honorifics say nothing about identity
        ("Dr. Ri Pyong-chol", "Person", ("ri", "pyong", "chol"), ()),
        # numbers written out are digits
        ("Brigade Forty-Four", "Organization", ("brigade", "44"), ()),
        # three or more initials in a row are one abbreviation: their order matters
        ("C.B.A. Company", "Company", ("cba",), ("company",)),
    ],
)
def test_forms(
    name: str, schema: str, tokens: tuple[str, ...] | None, legal: tuple[str, ...]
) -> None:
    form = name_forms(name, schema)[0]
    if tokens is not None:
        assert form.tokens == tokens
    assert form.legal == legal


@pytest.mark.parametrize(
    ("name", "tokens", "patronyms"),
    [
        ("BIN LADEN, Usama", ("usama", "laden"), ("laden",)),  # SDN's inverted alias
        ("AL-DURI, Izzat Ibrahim", ("izzat", "ibrahim", "duri"), ()),
        ("KIM, Jong Un", ("kim", "jong", "un"), ()),  # no particle: as written
    ],
)
def test_an_inverted_surname_with_a_particle_goes_last(
    name: str, tokens: tuple[str, ...], patronyms: tuple[str, ...]
) -> None:
    form = name_forms(name, "Person")[0]
    assert form.tokens == tokens and form.patronyms == patronyms


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("KOREA KWANGSON BANKING CORPORATION (KKBC)", ("korea", "kwangson", "bank")),
        ("FOREIGN TRADE BANK (FTB)", ("foreign", "trade", "bank")),
        ("Huaxin Shipping (HK) Ltd", ("huaxin", "shipping", "hk")),  # not its acronym
        # the SDN and UN KPe.007: the acronym skips the connecting words
        (
            "PROPAGANDA AND AGITATION DEPARTMENT (PAD)",
            ("propaganda", "agitation", "department"),
        ),
        ("GENERAL BUREAU OF ATOMIC ENERGY (GBAE)", ("general", "bureau", "atomic", "energy")),
    ],
)
def test_a_bracketed_acronym_of_the_name_is_left_out(name: str, tokens: tuple[str, ...]) -> None:
    assert name_forms(name, "Company")[0].tokens == tokens


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Iran Electronics Ind.", ("iran", "electronics", "industry")),
        ("Khatam al-Anbiya Const. HQ", ("khatam", "anbiya", "construction", "headquarters")),
        ("Mapna Eng. Co", ("mapna", "engineering")),
        ("National Iranian Petrochem Co", ("national", "iran", "petrochemical")),
        ("Elec. Supply Co", ("elec", "supply")),  # electric or electronics: left as written
        ("Acme Inc.", ("acme",)),  # a legal form cut short is the legal form
    ],
)
def test_words_cut_short(name: str, tokens: tuple[str, ...]) -> None:
    assert name_forms(name, "Company")[0].tokens == tokens


def test_name_forms_are_cached() -> None:
    assert name_forms("Ri Pyong Chol", "Person") is name_forms("Ri Pyong Chol", "Person")


def test_particles_and_patronyms() -> None:
    form = name_forms("Mohammed bin Salman Al Saud", "Person")[0]
    assert "bin" in form.particles and form.patronyms == ("salman",)
    assert "bin" not in form.tokens


def test_korean_names_have_latin_forms() -> None:
    keys = {form.key for form in name_forms("김정은", "Person")}
    assert "kim jong un" in keys
    assert cjk_characters("김정은") == ("김", "정", "은")


def test_letters_ignore_spacing() -> None:
    a = name_forms("CHON MA SAN", "Vessel")[0]
    b = name_forms("CHONMASAN", "Vessel")[0]
    assert a.letters == b.letters == "chonmasan"


@given(st.text(min_size=1, max_size=40))
def test_forms_are_clean_and_stable(text: str) -> None:
    forms = name_forms(text, "Person")
    for form in forms:
        assert all(t and t == t.lower() and " " not in t for t in form.tokens)
    assert name_forms(text, "Person") == forms


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("ANO Iskusstvo Krasoty", ("iskusstvo", "krasoty")),  # the Russian non-profit form
        ("АНО «Диалог»", ("dialog",)),
        ("Bufete Año Nuevo", ("bufete", "ano", "nuevo")),  # inside a name it is a word
    ],
)
def test_russian_non_profit_form(name: str, tokens: tuple[str, ...]) -> None:
    form = name_forms(name, "Company")[0]
    assert form.tokens == tokens
    assert ("ngo" in form.legal) is (tokens != ("bufete", "ano", "nuevo"))


@pytest.mark.parametrize(
    ("name", "tokens", "legal"),
    [
        ("Stars Communications S.A.L.", ("stars", "communications"), "jsc"),  # Lebanon
        ("Kala Trading W.L.L.", ("kala", "trade"), "llc"),  # the Gulf
        ("Pars Oil FZC", ("pars", "oil"), "llc"),  # a free zone
        # Turkish abbreviations, as OFAC writes them out (SANAYI VE TICARET ANONIM SIRKETI)
        ("Rey Havacılık San. ve Tic. A.Ş.", ("rey", "havacilik", "sanayi", "ticaret"), "jsc"),
        (
            "REY HAVACILIK SANAYI VE TICARET ANONIM SIRKETI",
            ("rey", "havacilik", "sanayi", "ticaret"),
            "jsc",
        ),
        ("Sal Oceanic", ("sal", "oceanic"), ""),  # opening the name, a word
        ("Al-Qaida in Iraq", ("qaida", "iraq"), ""),  # IN is a form only at an edge
        ("Bank in Moscow AS", ("bank", "moscow"), "jsc"),
        ("Trading as Global Resources", ("trade", "as", "global", "resources"), ""),
        # a closing word for the kind of body is read as a form, not an opening one
        ("Lazarus Group", ("lazarus",), "group"),
        ("Wagner Group PMC", ("wagner",), "group"),  # PMC: a private military company
        ("Front Line Ltd", ("front", "line"), "llc"),
        ("Group", ("group",), ""),
    ],
)
def test_legal_forms_rigour_does_not_know(name: str, tokens: tuple[str, ...], legal: str) -> None:
    form = name_forms(name, "Company")[0]
    assert form.tokens == tokens
    assert legal in form.legal if legal else not form.legal


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("Weihai Huijiang Trading", "WEIHAI HUIJIANG TRADE LIMITED", "Company"),
        (
            "Khatam ol-Anbia Construction HQ",
            "KHATAM AL-ANBIYA CONSTRUCTION HEADQUARTERS",
            "Organization",
        ),
        ("Mahan Airlines", "MAHAN AIR", "Company"),
        ("Lazarus", "LAZARUS GROUP", "Organization"),  # SDN, DPRK
        # a slip in a generic company word is that word
        ("CORAL TRAADING EST", "CORAL TRADING EST", "Company"),
        ("Iran Electronics Industires", "IRAN ELECTRONICS INDUSTRIES", "Company"),
        ("Cham Holdiing", "CHAM HOLDING", "Company"),
        ("Wagner", "WAGNER GROUP", "Organization"),  # SDN, Russia
        (
            "Chosun Mining Development Trading Corp",
            "Korea Mining Development Trading Corp",
            "Company",
        ),
        ("丹东鸿达贸易", "Dandong Hongda Trading", "Company"),  # 达 "da" is no particle
    ],
)
def test_one_organisation_in_other_word_forms(a: str, b: str, schema: str) -> None:
    result = compare_names(name_forms(a, schema), name_forms(b, schema), schema)
    assert result is not None and result.score >= 0.95


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("E. Ivanov", ("e", "ivanov")),  # an initial, not Portuguese "e" (and)
        ("Y. Petrov", ("y", "petrov")),  # nor Spanish "y"
        ("Jose Ortega y Gasset", ("jose", "ortega", "gasset")),  # where it joins two
        ("H.E. Ali Khamenei", ("ali", "khamenei")),  # His Excellency
        ("His Excellency Ali Khamenei", ("ali", "khamenei")),
    ],
)
def test_initials_and_styles(name: str, tokens: tuple[str, ...]) -> None:
    assert name_forms(name, "Person")[0].tokens == tokens


def test_a_ship_keeps_its_title() -> None:
    assert name_forms("LADY MARIA", "Vessel")[0].tokens == ("lady", "maria")
    assert name_forms("Lady Maria Smith", "Person")[0].tokens == ("maria", "smith")


@pytest.mark.parametrize(
    ("name", "is_org", "names"),
    [
        # a translation beside the name: the name, without it, and it
        (
            "Clan del Golfo (Gulf Clan)",
            True,
            ["Clan del Golfo (Gulf Clan)", "Clan del Golfo", "Gulf Clan"],
        ),
        # a remark: the name without it is the name
        (
            "Bank Melli Iran (Hamburg Branch)",
            True,
            ["Bank Melli Iran (Hamburg Branch)", "Bank Melli Iran"],
        ),
        # marked as another name: the name without it, and it
        (
            "Acme Trading Ltd (formerly Alpha Metals Ltd)",
            True,
            ["Acme Trading Ltd", "Alpha Metals Ltd"],
        ),
        ("John Smith (a.k.a. Johnny Smith)", False, ["John Smith", "Johnny Smith"]),
        ("Mohammed (Abu Ali) Hassan", False, ["Mohammed (Abu Ali) Hassan"]),  # a person's
        ("Huaxin Shipping (HK) Ltd", True, ["Huaxin Shipping (HK) Ltd"]),  # one word: its own
        # a place says where the body is: every company of Hong Kong is not one
        (
            "Citibank (Hong Kong) Limited",
            True,
            ["Citibank (Hong Kong) Limited", "Citibank Limited"],
        ),
        ("Sino Ocean (Middle East) FZE", True, ["Sino Ocean (Middle East) FZE", "Sino Ocean FZE"]),
    ],
)
def test_names_in_brackets(name: str, is_org: bool, names: list[str]) -> None:
    assert bracketed_names(name, is_org) == names


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("In Su Pak", ("in", "su", "pak")),  # "In" is a Korean given-name syllable
        ("Kim In Ho", ("kim", "in", "ho")),
        ("Ri Da Son", ("ri", "da", "son")),
        ("Juan de la Cruz", ("juan", "cruz")),  # not Korean: the particles join
    ],
)
def test_a_korean_name_has_no_particles(name: str, tokens: tuple[str, ...]) -> None:
    assert name_forms(name, "Person")[0].tokens == tokens


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        # the EU's annexes write a name in both scripts in one field
        ("KIM Kwang Yon 김광연", ["KIM Kwang Yon", "김광연"]),
        ("Dandong Hongxiang 丹东鸿祥", ["Dandong Hongxiang", "丹东鸿祥"]),
        ("조선광선은행 (Korea Kwangson Bank)", ["(Korea Kwangson Bank)", "조선광선은행"]),
        # one script only, or a legal form in the other: one name
        ("김광연", ["김광연"]),
        ("Kim Kwang Yon", ["Kim Kwang Yon"]),
        ("삼성전자 Co., Ltd.", ["삼성전자 Co., Ltd."]),
        ("ABC Trading 有限公司", ["ABC Trading 有限公司"]),
    ],
)
def test_a_name_in_two_scripts_is_two_names(name: str, parts: list[str]) -> None:
    assert script_parts(name) == parts


def test_both_scripts_of_a_name_are_read() -> None:
    keys = {form.key for form in name_forms("KIM Kwang Yon 김광연", "Person")}
    assert {"kim kwang yon", "gim gwang yeon"} <= keys
    assert not any("kim kwang yon kim" in key for key in keys)


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("CHOL RYONG (RYONG GUN BONG)", ["CHOL RYONG", "RYONG GUN BONG"]),
        ("CHONG BONG (GREENLIGHT) (BLUE NOUVELLE)", ["CHONG BONG", "GREENLIGHT", "BLUE NOUVELLE"]),
        ("SEA STAR (PANAMA)", ["SEA STAR"]),  # its flag, not a name
        ("CHON MA SAN", ["CHON MA SAN"]),
    ],
)
def test_a_ships_other_names_in_brackets(name: str, names: list[str]) -> None:
    assert ship_brackets(name) == names
    keys = {form.key for form in name_forms(name, "Vessel")}
    assert keys == {text.lower() for text in names}


@pytest.mark.parametrize(
    ("name", "is_org", "first"),
    [
        ("f.k.a.: NADA", True, "NADA"),  # as the EU's annexes give a former name
        ("a.k.a. John Smith", False, "John Smith"),
        ("formerly: Alpha Metals", True, "Alpha Metals"),
        ("AKA Holdings", True, "AKA Holdings"),  # a word of the name, not a marker
        ("Previously Owned Cars Ltd", True, "Previously Owned Cars Ltd"),
    ],
)
def test_a_marker_opening_a_name_is_no_part_of_it(name: str, is_org: bool, first: str) -> None:
    assert bracketed_names(name, is_org)[0] == first


@pytest.mark.parametrize(
    ("name", "names"),
    [
        (
            "KIM Sou-Kwang, KIM Sou-Gwang, KIM Son-Kwang",
            ["KIM Sou-Kwang", "KIM Sou-Gwang", "KIM Son-Kwang"],
        ),
        ("VAN DER BERG, Jan Peter", ["VAN DER BERG, Jan Peter"]),  # the surname first
        ("KIM, Jong Un", ["KIM, Jong Un"]),
        ("SMITH, John, Jr", ["SMITH, John, Jr"]),  # one-word pieces: no list of names
    ],
)
def test_a_persons_names_listed_in_one_field(name: str, names: list[str]) -> None:
    assert listed_together(name) == names


def test_a_brand_inside_a_chinese_name_is_a_word_of_it() -> None:
    assert script_parts("TCL集团") == ["TCL集团"]
    assert script_parts("中国XYZ科技有限公司") == ["中国XYZ科技有限公司"]
