"""The one error type for bad input, formatted as a single line an analyst can act on."""

from __future__ import annotations


class SourceError(Exception):
    """Input that cannot be read: names the file, the position and the field."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "<input>",
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" field {self.field!r}:" if self.field else ""
        return f"{where}:{field} {self.message}"
