"""Shared values: only specific ones link, written alike whatever the list's style."""

from __future__ import annotations

import math

import pytest
from followthemoney import model

from fullcourt.network.attributes import attribute_kind, damping, normalize

RAKWON = "rakwon-dong, pothonggang district"


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # addresses as the bundled lists write them
        ("address", "Korea, North", None),  # a country is no address (85 OFAC entries)
        ("address", "DPRK", None),
        ("address", "Pyongyang, Korea, North", None),  # a city: 34 entries would all link
        ("address", "Beijing, China", None),
        ("address", "Dandong, China", None),  # FtM does not know the city: still only a city
        ("address", "Central District, Pyongyang, Korea, North", None),  # district + city
        ("address", "Rakwon-dong, Pothonggang District, Pyongyang, Korea, North", RAKWON),
        ("address", "Rakwon-dong, Pothonggang District, Pyongyang, DPRK", RAKWON),  # UK style
        (
            "address",
            "Rakwon-dong, Pothonggang District, Pyongyang, Democratic People's Republic of Korea",
            RAKWON,  # EU style: the country name differs, the code does not
        ),
        ("address", "Rakwon-dong, Pothonggang District, Pyongyang", RAKWON),  # no country
        (
            "address",  # a numbered address abroad: the registered office shared by shippers
            "Room 2105, DL1849, Trend Centre, 29-31 Cheung Lee Street, Chai Wan, Hong Kong, China",
            "room 2105, dl1849, trend centre, 29-31 cheung lee street, chai wan",
        ),
        ("address", "Otan-dong, Chung-guyok, Pyongyang", "otan-dong, chung-guyok"),
        ("phone", "+85023814410", "+85023814410"),  # shared by two EU entries
        ("phone", "+850 2 381 4410", "+85023814410"),
        ("phone", "381-44", None),  # too short to be one line
        ("email", "Haejinsm@silibank.net.kp", "haejinsm@silibank.net.kp"),
        ("email", "not an address", None),
        ("website", "https://sinbad.io/", "sinbad.io"),
        ("website", "http://www.tornado.cash/", "tornado.cash"),
        ("website", "n/a", None),
        ("swiftBic", "DCBKKPPY", "DCBKKPPY"),  # Daedong Credit Bank on OFAC and EU
        ("registrationNumber", "91-2101-1", "9121011"),  # punctuation varies by list
        ("registrationNumber", "123", None),  # too short to be evidence
        ("imoNumber", "IMO 8712362", "8712362"),
        ("imoNumber", "871236", None),
        ("companyImoNumber", "5878561", "5878561"),  # Phyongchon Shipping & Marine
        (
            "cryptoWallet",
            "0x4F47bc496083C727c5FBE3Ce9cDF2b0f6496270c",
            "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c",
        ),
        (
            "cryptoWallet",
            "bc1Qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
            "bc1Qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
        ),
    ],
)
def test_normalize(kind: str, text: str, expected: str | None) -> None:
    assert normalize(kind, text) == expected


@pytest.mark.parametrize(
    ("schema", "prop", "kind"),
    [
        ("Vessel", "imoNumber", "imoNumber"),
        ("Organization", "imoNumber", "companyImoNumber"),  # OFAC's company IMO numbers
        ("Airplane", "registrationNumber", "vehicleRegistration"),  # a tail number
        ("Company", "registrationNumber", "registrationNumber"),
        ("Company", "innCode", "taxNumber"),
        ("Person", "passportNumber", "passportNumber"),
        ("Person", "name", None),  # names never link
        ("Person", "birthDate", None),
    ],
)
def test_attribute_kind(schema: str, prop: str, kind: str | None) -> None:
    found = model.get(schema)
    assert found is not None
    assert attribute_kind(found, prop) == kind


def test_damping_falls_slowly_with_holders() -> None:
    assert damping(2) == pytest.approx(1 / math.log2(3))
    assert damping(16) == pytest.approx(0.2447, abs=1e-4)  # the Rakwon-dong address
    assert damping(100) == pytest.approx(0.1502, abs=1e-4)
    assert all(damping(n) > damping(n + 1) for n in range(1, 200))
