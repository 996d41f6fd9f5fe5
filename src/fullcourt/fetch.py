"""Downloading the official lists from their publishers, then loading them.

Downloads go to a temporary folder and are loaded only when every file arrived, so an
interrupted or offline fetch changes nothing. URLs are data: a user behind a mirror or
proxy passes their own with ``--url``, and the tests pass ``file://`` URLs of local
copies, which exercise the same code path as the real download.
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

from fullcourt.ingest import load_plans
from fullcourt.sources.plan import plan_paths
from fullcourt.store import Store
from fullcourt.store.load import LoadResult

OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"

# dataset -> {local file name: publisher URL}
PUBLISHERS: dict[str, dict[str, str]] = {
    "us_ofac_sdn": {
        "sdn.csv": OFAC_EXPORTS + "SDN.CSV",
        "add.csv": OFAC_EXPORTS + "ADD.CSV",
        "alt.csv": OFAC_EXPORTS + "ALT.CSV",
        "sdn_comments.csv": OFAC_EXPORTS + "SDN_COMMENTS.CSV",
    },
    "us_ofac_cons": {
        "cons_prim.csv": OFAC_EXPORTS + "CONS_PRIM.CSV",
        "cons_add.csv": OFAC_EXPORTS + "CONS_ADD.CSV",
        "cons_alt.csv": OFAC_EXPORTS + "CONS_ALT.CSV",
        "cons_comments.csv": OFAC_EXPORTS + "CONS_COMMENTS.CSV",
    },
    "un_sc_sanctions": {
        "consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    },
    "gb_fcdo_sanctions": {
        "UK-Sanctions-List.csv": "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
    },
    "eu_fsf": {
        "eu_fsf.xml": "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
        "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
    },
}
TIMEOUT_SECONDS = 60


class FetchError(Exception):
    """A download that did not complete; nothing was loaded."""


def download(url: str, target: Path) -> None:
    try:
        with (
            urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response,
            target.open("wb") as out,
        ):
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot download ({reason}); the store is unchanged") from exc


def fetch_lists(
    store: Store,
    datasets: list[str],
    urls: dict[str, dict[str, str]] | None = None,
) -> list[LoadResult]:
    """Download every file of ``datasets``, then load them all in one transaction."""
    table = urls or PUBLISHERS
    unknown = [d for d in datasets if d not in table]
    if unknown:
        raise FetchError(f"no publisher known for {', '.join(unknown)}; known: {', '.join(table)}")
    with tempfile.TemporaryDirectory(prefix="fullcourt-fetch-") as tmp:
        folders = []
        for dataset in datasets:
            folder = Path(tmp) / dataset
            folder.mkdir()
            for name, url in table[dataset].items():
                download(url, folder / name)
            folders.append(folder)
        plans = [
            replace(plan, dataset=dataset)
            for dataset, folder in zip(datasets, folders, strict=True)
            for plan in plan_paths([folder])
        ]
        return load_plans(store, plans)
