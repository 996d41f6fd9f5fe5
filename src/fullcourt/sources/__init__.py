"""Parsers of real list formats: each is a function from a byte stream to records.

Sources never write to the store. They raise :class:`SourceError` naming the file and
position of bad input, and count what they do not recognise in a :class:`ParseReport`.
"""

from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

__all__ = ["ParseReport", "SourceError"]
