"""The evidence pack on the bundled data: records, links, 50% rule, exposure, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fullcourt.network.analysis import Analysis
from fullcourt.network.evidence import Party
from fullcourt.network.report import EvidencePack, build_pack, pack_dict, to_json
from fullcourt.store import Store, StoreError

STUB = "ofac-named-ministry-of-state-security"  # OFAC names it as a link target only


@pytest.fixture(scope="module")
def packs(default_store: Path) -> dict[str, EvidencePack]:
    with Store(default_store, read_only=True) as store:
        analysis = Analysis.from_store(store)
        return {key: build_pack(store, analysis, key) for key in ("9346", STUB)}


def test_a_designated_bank(packs: dict[str, EvidencePack]) -> None:
    pack = packs["9346"]  # OFAC ent_num 9346: TANCHON COMMERCIAL BANK, NPWMD
    assert pack.entity == Party("ofac-9346", "TANCHON COMMERCIAL BANK", True)
    assert pack.list_ids == ("us_ofac_sdn:9346",)
    (record,) = pack.records
    assert (record.dataset, record.source_id, record.version) == ("us_ofac_sdn", "9346", "2024-06")
    names = [s for s in record.statements if s.prop == "name"]
    assert names and all(s.origin and s.first_seen for s in names)  # provenance kept
    assert [d.programs for d in pack.designations] == [("NPWMD",)]
    # nine people OFAC lists as "Linked To" the bank, each on the record that says so
    assert len(pack.links) == 9
    assert {(k.kind, k.outgoing, k.role) for k in pack.links} == {("linked", False, "Linked To")}
    assert all(k.record_ids[0].startswith("ofac-unknownlink-") for k in pack.links)
    assert {o.rule: (o.status, o.designated) for o in pack.ownership} == {
        "ofac": ("blocked", True),
        "eu": ("blocked", True),
        "uk": ("blocked", True),
    }


def test_exposure_against_each_list_that_does_not_name_it(packs: dict[str, EvidencePack]) -> None:
    everyone, *gaps = packs["9346"].exposure
    assert (everyone.against, everyone.listed, everyone.score) == ("all lists", True, 1.0)
    assert [g.against for g in gaps] == [
        "eu_journal_sanctions",
        "gb_fcdo_sanctions",
        "un_sc_sanctions",
    ]
    un = gaps[-1]
    assert not un.listed and 0.5 < un.score < 0.85
    # the UN lists Choe Song Il (KPi.014), whom OFAC links to the bank
    assert un.paths[0].text == "TANCHON COMMERCIAL BANK <-[linked: Linked To]- Choe Song Il"
    assert un.paths[0].seed.designated


def test_an_unlisted_stub(packs: dict[str, EvidencePack]) -> None:
    pack = packs[STUB]
    assert pack.designations == () and not pack.entity.designated
    assert [o.status for o in pack.ownership] == ["not_blocked"] * 3
    everyone = pack.exposure[0]
    assert not everyone.listed and everyone.score == 0.35  # one Linked To, weight 0.7
    assert everyone.paths[0].seed.caption == "Song Nam KANG"
    assert pack.cluster is not None and pack.entity in pack.cluster.members
    assert pack.records[0].source_id is None  # a stub has no list id


def test_json(packs: dict[str, EvidencePack]) -> None:
    data = json.loads(to_json(packs["9346"]))
    assert data == json.loads(json.dumps(pack_dict(packs["9346"])))
    assert data["entity"] == {
        "id": "ofac-9346",
        "caption": "TANCHON COMMERCIAL BANK",
        "designated": True,
    }
    assert data["records"][0]["source_id"] == "9346"
    near = data["neighbourhood"]
    ids = {n["data"]["id"] for n in near["elements"]["nodes"]}
    assert "ofac-9346" in ids and near["depth"] == 2
    assert {v["dataset"] for v in data["versions"]} == {
        "eu_journal_sanctions",
        "gb_fcdo_sanctions",
        "un_sc_sanctions",
        "us_ofac_sdn",
    }


def test_unknown_party(default_store: Path) -> None:
    with Store(default_store, read_only=True) as store, pytest.raises(StoreError):
        build_pack(store, Analysis.from_store(store), "no-such-party")
