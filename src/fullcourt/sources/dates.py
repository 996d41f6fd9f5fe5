"""Dates as lists write them, turned into ISO prefixes (``1984``, ``1984-01``, ``1984-01-08``).

Lists write dates of birth loosely: ``08 Jan 1984``, ``Jan 1984``, ``circa 1960``,
``1960 to 1962``, ``08/01/1984`` (UK, day first), ``1984-01-08``. A range yields every
year in it, because a screening engine must accept any of them as agreement. FtM keeps
an ISO prefix as a date of lower precision, which is what an approximate date is.
"""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_YEAR = r"(1[89]\d\d|20\d\d)"
_DMY_TEXT = re.compile(rf"^(\d{{1,2}})[ -]([a-z]{{3,9}})\.?[ ,-]+{_YEAR}$")
_MY_TEXT = re.compile(rf"^([a-z]{{3,9}})\.?[ ,]+{_YEAR}$")
_ISO = re.compile(rf"^{_YEAR}(?:[-/](\d\d?)(?:[-/](\d\d?))?)?(?:t.*)?$")  # 1951-7-19 too
_DMY_NUM = re.compile(rf"^(\d{{1,2}})[/.](\d{{1,2}})[/.]{_YEAR}$")
_YEAR_RANGE = re.compile(rf"^{_YEAR}\s*(?:to|-|–)\s*{_YEAR}$")
_QUALIFIERS = re.compile(r"^(?:circa|approximately|approx\.?|about|ca\.?|c\.)\s*")
MAX_RANGE_YEARS = 15


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(text: str) -> int | None:
    return MONTHS.get(text[:3])


def parse_date(text: str) -> list[str]:
    """ISO prefixes for one written date; empty when the text is not a date."""
    value = _QUALIFIERS.sub("", text.strip().lower()).strip(" .")
    if m := _ISO.match(value):
        year, month, day = m.groups()
        iso = _iso(int(year), int(month) if month else None, int(day) if day else None)
        return [iso] if iso else []
    if m := _DMY_TEXT.match(value):
        month = _month(m.group(2))
        iso = _iso(int(m.group(3)), month, int(m.group(1))) if month else None
        return [iso] if iso else []
    if m := _MY_TEXT.match(value):
        month = _month(m.group(1))
        return [f"{int(m.group(2)):04d}-{month:02d}"] if month else []
    if m := _DMY_NUM.match(value):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return [iso] if iso else []
    if m := _YEAR_RANGE.match(value):
        start, end = int(m.group(1)), int(m.group(2))
        if 0 <= end - start <= MAX_RANGE_YEARS:
            return [f"{y:04d}" for y in range(start, end + 1)]
    return []
