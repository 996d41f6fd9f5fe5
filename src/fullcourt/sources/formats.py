"""The formats fullcourt reads, how each is recognised and which dataset it feeds.

Recognition reads the first bytes of the (decompressed) content, because downloaded
lists arrive under any name (``SDN.CSV``, ``export.xml``, ``content?token=...``).
File names are used only to pair the OFAC companion files and to pick the default
dataset where the content cannot tell (SDN and consolidated lists share a layout).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from fullcourt.model import Record
from fullcourt.sources.eu_journal import parse_eu_journal, sniff_eu_journal
from fullcourt.sources.eu_xml import parse_eu_xml, sniff_eu_xml
from fullcourt.sources.ftm_jsonl import parse_ftm_jsonl, sniff_ftm_jsonl
from fullcourt.sources.ofac_csv import sniff_ofac_csv
from fullcourt.sources.ofac_enhanced import parse_ofac_enhanced, sniff_ofac_enhanced
from fullcourt.sources.ofac_xml import parse_ofac_xml, sniff_ofac_xml
from fullcourt.sources.report import ParseReport
from fullcourt.sources.uk_csv import parse_uk_csv, sniff_uk_csv
from fullcourt.sources.un_xml import parse_un_xml, sniff_un_xml


class SingleParser(Protocol):
    def __call__(
        self, stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
    ) -> Iterator[Record]: ...


@dataclass(frozen=True, slots=True)
class Format:
    """A single-file format: its name, recogniser, parser and default dataset."""

    name: str
    sniff: Callable[[bytes], bool]
    parse: SingleParser
    dataset: str


# Order matters only where two recognisers could both accept a file: the specific ones
# (XML roots, CSV headers) come before the permissive ones (JSON lines).
SINGLE_FORMATS: list[Format] = [
    Format("ofac_enhanced_xml", sniff_ofac_enhanced, parse_ofac_enhanced, "us_ofac_sdn"),
    Format("ofac_xml", sniff_ofac_xml, parse_ofac_xml, "us_ofac_sdn"),
    Format("un_xml", sniff_un_xml, parse_un_xml, "un_sc_sanctions"),
    Format("eu_xml", sniff_eu_xml, parse_eu_xml, "eu_fsf"),
    Format("uk_csv", sniff_uk_csv, parse_uk_csv, "gb_fcdo_sanctions"),
    Format("eu_journal_csv", sniff_eu_journal, parse_eu_journal, "eu_journal_sanctions"),
    Format("ftm_jsonl", sniff_ftm_jsonl, parse_ftm_jsonl, "ftm_import"),
]

OFAC_CSV = "ofac_csv"
UK_TABLES = "uk_tables"
OFAC_SDN = "us_ofac_sdn"
OFAC_CONS = "us_ofac_cons"
UK_DATASET = "gb_fcdo_sanctions"
# Outside data: folders of CSV tables, recognised by their headers (see plan.py).
REGISTRY_CSV = "registry_csv"
ICIJ_CSV = "icij_csv"
REGISTRY_DATASET = "company_registry"
ICIJ_DATASET = "icij_offshoreleaks"


def single_format(head: bytes) -> Format | None:
    for fmt in SINGLE_FORMATS:
        if fmt.sniff(head):
            return fmt
    return None


def ofac_main_sniff(head: bytes) -> bool:
    return sniff_ofac_csv(head)
