"""The OFAC remark parser on real remark strings copied from the files in ../shared/data.

Each case names the entry (ent_num) and the file it comes from; the comment says which
quirk of OFAC's writing it pins down.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fullcourt.model.entity import make_entity
from fullcourt.model.identifiers import is_valid_imo
from fullcourt.sources.ofac_csv_entry import person_name
from fullcourt.sources.ofac_remarks import (
    Document,
    Link,
    Remarks,
    Wallet,
    apply_remarks,
    parse_remarks,
    split_items,
)
from fullcourt.sources.report import ParseReport

# 2686 NASRALLAH, Hasan (2024-06): four dates of birth and a title repeated as an item.
NASRALLAH = (
    "DOB 31 Aug 1960; alt. DOB 31 Aug 1953; alt. DOB 31 Aug 1955; alt. DOB 31 Aug 1958; "
    "POB Al Basuriyah, Lebanon; Additional Sanctions Information - Subject to Secondary "
    "Sanctions Pursuant to the Hizballah Financial Sanctions Regulations; Gender Male; "
    "Passport 042833 (Lebanon); Secretary General of Hizballah; Linked To: HIZBALLAH."
)
# 15036 ARTAVIL (2024-06): a tanker with four former flags, one of them "None Identified".
ARTAVIL = (
    "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None "
    "Identified; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - "
    "Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; "
    "MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY."
)
# 15117 NATIONAL IRANIAN TANKER COMPANY (2024-06), start of the remark: phones in parts.
NITC = (
    "Website www.nitc.co.ir; Email Address info@nitc.co.ir; alt. Email Address "
    "administrator@nitc.co.ir; IFCA Determination - Involved in the Shipping Sector; "
    "Additional Sanctions Information - Subject to Secondary Sanctions; National ID No. 4891 "
    "(Iran); Telephone (98)(21)(66153220); Telephone (98)(21)(23803202)"
)

FACTS = [
    # Several dates of birth, each an "alt." item.
    (NASRALLAH, "birthDate", {"1960-08-31", "1953-08-31", "1955-08-31", "1958-08-31"}),
    (NASRALLAH, "birthPlace", {"Al Basuriyah, Lebanon"}),
    (NASRALLAH, "gender", {"male"}),
    (NASRALLAH, "passportNumber", {"042833"}),
    # 15962 NIKOUSOKHAN (2024-06): a range of whole years written as full dates.
    ("DOB 01 Jan 1961 to 31 Dec 1962; nationality Iran", "birthDate", {"1961", "1962"}),
    # 11748 MAHAMOUD (2024-06): 'circa' with a dash range, and an alt. year.
    (
        "nationality Somalia; DOB circa 1979-1982; alt. DOB 1982",
        "birthDate",
        {"1979", "1980", "1981", "1982"},
    ),
    # 23470 SALAVATI (2024-06): a range of months keeps both ends.
    ("DOB Mar 1962 to Feb 1963; POB Isfahan Province", "birthDate", {"1962-03", "1963-02"}),
    # 7929 YUNOS (2024-06): circa before a full date.
    ("DOB circa 07 Jul 1966; POB Lanao del Sur, Philippines.", "birthDate", {"1966-07-07"}),
    # 6944 AL-SHARIF (2024-06): passport numbers with a space inside.
    (
        "Passport B 960789; alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011.",
        "passportNumber",
        {"B 960789", "G 649385"},
    ),
    # 6915 ABDULLAH (2024-06): citizenship is not nationality.
    ("DOB 1963; POB Egypt; citizen Egypt; a.k.a. 'ABU MARIAM'", "citizenship", {"Egypt"}),
    # 18596 AL-KARMUSH (2024-06): apostrophes inside a quoted alias; remark aliases are weak.
    (
        "Passport A5476394 (Iraq); a.k.a. 'Abu Salah'; a.k.a. 'AL-'AFRI, Abu Salah'.",
        "weakAlias",
        {"Abu Salah", "AL-'AFRI, Abu Salah"},
    ),
    # 41920 LEBEDINSKIY GOK (2024-06): n.k.a. in a remark, organisation items.
    (
        "Organization Established Date 1971; Organization Type: Mining of iron ores; Tax ID No. "
        "3127000014 (Russia); Registration Number 1023102257914 (Russia); n.k.a. 'LGOK'",
        "weakAlias",
        {"LGOK"},
    ),
    ("Organization Established Date 1971; n.k.a. 'LGOK'", "incorporationDate", {"1971"}),
    ("Organization Type: Mining of iron ores", "sector", {"Mining of iron ores"}),
    ("Tax ID No. 3127000014 (Russia)", "taxNumber", {"3127000014"}),
    ("Registration Number 1023102257914 (Russia)", "registrationNumber", {"1023102257914"}),
    # 16865 ALMAZ-ANTEY (2024-06): a full establishment date.
    ("Organization Established Date 19 Nov 1991", "incorporationDate", {"1991-11-19"}),
    # 23149 YUSONG SHIPPING CO (2024-06): registration country of a company.
    (
        "Nationality of Registration Korea, North; Company Number 5146578.",
        "jurisdiction",
        {"Korea, North"},
    ),
    (
        "Nationality of Registration Korea, North; Company Number 5146578.",
        "registrationNumber",
        {"5146578"},
    ),
    # Former flags; "None Identified" is OFAC's way of writing no value.
    (ARTAVIL, "pastFlags", {"Malta", "Tuvalu", "Tanzania"}),
    (ARTAVIL, "imoNumber", {"9187629"}),
    (ARTAVIL, "mmsi", {"572469210"}),
    (ARTAVIL, "previousName", {"ALPHA"}),  # f.k.a. is a former name, not a weak alias
    # 25312 PARNIA (2024-06): year of build.
    (
        "Vessel Year of Build 1999; Vessel Registration Identification IMO 9167265",
        "buildDate",
        {"1999"},
    ),
    # 23423 PROGRES (2024-06): "Other" vessel flag and call sign.
    (
        "Other Vessel Flag Tanzania; alt. Other Vessel Flag Trinidad and Tobago; Other Vessel "
        "Call Sign 5IM713; Vessel Registration Identification IMO 8023670",
        "flag",
        {"Tanzania", "Trinidad and Tobago"},
    ),
    ("Other Vessel Call Sign 5IM713", "callSign", {"5IM713"}),
    # 17067 CHONGCHONGANG SHIPPING (2024-06): a company's IMO under "Identification Number".
    ("Identification Number IMO 5342883.", "imoNumber", {"5342883"}),
    # 23513 HWASONG SHIPPING CO LTD (2024-06): six-digit company IMO, kept though invalid.
    ("Company Number IMO 543400.", "imoNumber", {"543400"}),
    # 23428 ZEUS (2019-01): five-digit "IMO", kept as written.
    ("Vessel Registration Identification IMO 04714", "imoNumber", {"04714"}),
    # 17104 RYONG GUN BONG (2024-06): the IMO number written without "IMO".
    ("Vessel Registration Identification 8606173.", "imoNumber", {"8606173"}),
    # 23424 BONU 5 (2024-06): a national registration under the vessel label.
    ("Vessel Registration Identification 15411 (Malta)", "registrationNumber", {"15411"}),
    # 906 HAVIN BANK (2024-06): SWIFT code.
    ("SWIFT/BIC HAVIGB2L; Website www.havanaintbank.co.uk", "swiftBic", {"HAVIGB2L"}),
    (NITC, "website", {"www.nitc.co.ir"}),
    (NITC, "email", {"info@nitc.co.ir", "administrator@nitc.co.ir"}),
    (NITC, "idNumber", {"4891"}),
    # Phones written as (country)(area)(number).
    (NITC, "phone", {"+98 21 66153220", "+98 21 23803202"}),
    # 12802 MEHR-E EQTESAD (2024-06): "Alt." with a capital and a colon after the label.
    ("Fax: 982188526337; Alt. Fax: 9221227700019", "phone", {"982188526337", "9221227700019"}),
    # 25308 YAN, Xiaobing (2024-06): an ID card label that starts like "citizen".
    ("Citizen's Card Number 421002197703250019 (China)", "idNumber", {"421002197703250019"}),
    # 15432 EP-GOL (2024-06): aircraft items.
    (
        "Aircraft Construction Number (also called L/N or S/N or F/N) 8305; Aircraft Manufacture "
        "Date 1991; Aircraft Model IL-76TD; Aircraft Operator YAS AIR",
        "model",
        {"IL-76TD"},
    ),
    ("Aircraft Construction Number (also called L/N or S/N or F/N) 8305", "serialNumber", {"8305"}),
    # 9608 HILAL, Musa (2024-06): the Title column repeated as a bare item.
    (
        "DOB circa 1960; Sheikh and Paramount Chief of the Jalul Tribe in North Darfur.",
        "position",
        {"Sheikh and Paramount Chief of the Jalul Tribe in North Darfur"},
    ),
]


def values(remarks: Remarks, prop: str) -> set[str]:
    return {fact.value for fact in remarks.facts if fact.prop == prop}


@pytest.mark.parametrize(("text", "prop", "expected"), FACTS)
def test_facts_from_real_remarks(text: str, prop: str, expected: set[str]) -> None:
    titles = ["Sheikh and Paramount Chief of the Jalul Tribe in North Darfur"]
    assert values(parse_remarks(text, titles), prop) == expected


def test_document_parts() -> None:
    # 9340 WONG, Moon Chi (2024-06): a Hong Kong ID's check digit in brackets is no country.
    remarks = parse_remarks("National ID No. D489833(9) (Hong Kong); British National")
    assert remarks.documents[0] == Document(
        "National ID No.", "idNumber", "D489833(9)", "Hong Kong"
    )
    # 21071 A & S CARRIER (2024-06): the parenthesis names the registry, not a country.
    remarks = parse_remarks("Folio Mercantil No. 22839 (Jalisco)")
    assert remarks.documents[0].country == "Jalisco"  # ofac_fill makes it the authority


def test_passport_keeps_country_and_dates() -> None:
    # 6944 AL-SHARIF: the issuing dates describe the passport, not the holder.
    remarks = parse_remarks("Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011.")
    assert remarks.documents == (
        Document("Passport", "passportNumber", "G 649385", None, ("2006-09-08",), ("2011-07-17",)),
    )
    assert parse_remarks(NASRALLAH).documents[0].country == "Lebanon"


def test_imo_check_digits_are_only_flagged() -> None:
    """Invalid IMO numbers stay in the result: the store flags them, nothing drops them."""
    assert is_valid_imo("9187629")  # ARTAVIL
    assert not is_valid_imo("04714")  # ZEUS, 2019-01
    assert not is_valid_imo("543400")  # HWASONG SHIPPING CO LTD


def test_sanction_items_go_to_the_sanction() -> None:
    # 18669 SBERBANK CAPITAL (2024-06): directive wording and a program link.
    text = (
        "Executive Order 13662 Directive Determination - Subject to Directive 1; Secondary "
        "sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or "
        "589.209; Listing Date (EO 14024 Directive 2): 24 Feb 2022; Registration ID "
        "1087746887678 (Russia); For more information on directives, please visit the following "
        "link: http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx"
        "#directives; Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA."
    )
    remarks = parse_remarks(text)
    provisions = [f.value for f in remarks.sanction if f.prop == "provisions"]
    assert provisions == [
        "Executive Order 13662 Directive Determination - Subject to Directive 1",
        "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR "
        "589.201 and/or 589.209",
        "Listing Date (EO 14024 Directive 2): 24 Feb 2022",
    ]
    urls = [f.value for f in remarks.sanction if f.prop == "programUrl"]
    assert urls == [
        "http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives"
    ]
    assert remarks.links == (Link("Linked To", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"),)
    assert values(remarks, "registrationNumber") == {"1087746887678"}
    assert not remarks.unknown


LINKS = [
    # 15599 (2019-01 sdn_comments.csv): commas inside a linked name.
    (
        "Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.; "
        "Linked To: PETRO MAS, S. DE R.L. DE C.V.",
        ["RED MUNDIAL INMOBILIARIA, S.A. DE C.V.", "PETRO MAS, S. DE R.L. DE C.V."],
    ),
    # The remark's closing period is the name's own when the name ends in "C.V.".
    (
        "Linked To: TAXI AEREO NACIONAL DE CULIACAN, S.A.; "
        "Linked To: VILLAS DEL COLLI S.A. DE C.V.",
        ["TAXI AEREO NACIONAL DE CULIACAN, S.A.", "VILLAS DEL COLLI S.A. DE C.V."],
    ),
    # ... and not when the name is a plain word (2686 NASRALLAH).
    ("Secretary General of Hizballah; Linked To: HIZBALLAH.", ["HIZBALLAH"]),
    # 15432 EP-GOL: the aircraft operator is a party too.
    ("Aircraft Operator YAS AIR; Linked To: POUYA AIR.", ["YAS AIR", "POUYA AIR"]),
]


@pytest.mark.parametrize(("text", "names"), LINKS)
def test_linked_names(text: str, names: list[str]) -> None:
    assert [link.name for link in parse_remarks(text).links] == names


def test_wallets() -> None:
    # 25308 YAN, Xiaobing (2024-06).
    text = (
        "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital Currency "
        "Address - XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo"
    )
    assert parse_remarks(text).wallets == (
        Wallet("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"),
        Wallet("XBT", "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo"),
    )


def test_unknown_items_are_kept_and_reported() -> None:
    # 9608 HILAL without its Title column: prose is not guessed at.
    remarks = parse_remarks("DOB circa 1960; Sheikh and Paramount Chief of the Jalul Tribe.")
    assert [f.prop for f in remarks.unknown] == ["remark:(text)"]
    report = ParseReport()
    entity = make_entity("Person", "ofac-9608", "test")
    apply_remarks(entity, remarks, report)
    assert report.unknown["remark:(text)"] == 1
    assert entity.get("notes") == ["Sheikh and Paramount Chief of the Jalul Tribe"]
    assert entity.get("birthDate") == ["1960"]


def test_apply_reorders_person_aliases_and_cleans_countries() -> None:
    text = "nationality Korea, North; a.k.a. 'AL-'AFRI, Abu Salah'."
    entity = make_entity("Person", "ofac-18596", "test")
    apply_remarks(entity, parse_remarks(text), ParseReport(), rename=person_name)
    assert entity.get("weakAlias") == ["Abu Salah AL-'AFRI"]
    assert entity.get("nationality") == ["kp"]


def test_split_keeps_a_semicolon_inside_a_quoted_alias() -> None:
    # Not seen in the files so far; the splitter must still not cut a quoted name.
    assert split_items("a.k.a. 'A; B'; DOB 1960.") == ["a.k.a. 'A; B'", "DOB 1960."]
    # The truncated remark of 27307 LAZARUS GROUP (2024-06) ends inside a quote.
    assert split_items("a.k.a. 'RED DOT'; a.k.a. 'WHOIS HACKIN") == [
        "a.k.a. 'RED DOT'",
        "a.k.a. 'WHOIS HACKIN",
    ]


def _row(path: Path, ent_num: str, column: int) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if row and row[0] == ent_num:
                return row[column]
    raise AssertionError(f"{ent_num} not in {path}")


def test_remark_continued_in_sdn_comments(shared: Path) -> None:
    """12300 CIFUENTES VILLA (2019-01): sdn.csv cuts "PROMO RAI", the comment goes on "Z"."""
    folder = shared / "ofac_sdn" / "2019-01_moov-watchman"
    head = _row(folder / "sdn.csv", "12300", 11)
    tail = _row(folder / "sdn_comments.csv", "12300", 1)
    assert len(head) == 1000 and head.endswith("Linked To: PROMO RAI")
    names = [link.name for link in parse_remarks(head + tail).links]
    assert "PROMO RAIZ S.A.S." in names
    assert "RED MUNDIAL INMOBILIARIA, S.A. DE C.V." in names
    assert names[-1] == "R D I S.A."
    assert len(names) == len(set(names)) == (head + tail).count("Linked To:")
