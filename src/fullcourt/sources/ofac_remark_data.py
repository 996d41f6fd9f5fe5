"""What a parsed OFAC remark holds: frozen values, sorted by where they go.

Kept apart from the parser so that code writing entities (:mod:`ofac_fill`) can use
the result types without importing the parser that itself writes entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Fact:
    """One value for one property, with the item it was read from (for reports)."""

    prop: str
    value: str
    item: str


@dataclass(frozen=True, slots=True)
class Document:
    """An identity or registration document: its country and dates describe the paper."""

    label: str
    prop: str
    number: str
    country: str | None = None
    issued: tuple[str, ...] = ()
    expires: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The document in OFAC's words, for holders that cannot hold an Identification."""
        parts = [self.label, self.number, f"({self.country})" if self.country else ""]
        parts += [f"issued {d}" for d in self.issued] + [f"expires {d}" for d in self.expires]
        return " ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Link:
    """A named counterpart (``Linked To: NAME``), resolved to an entry by the caller."""

    role: str
    name: str


@dataclass(frozen=True, slots=True)
class Wallet:
    currency: str
    address: str


@dataclass(frozen=True, slots=True)
class Remarks:
    """Everything one remark says, sorted by where it goes."""

    facts: tuple[Fact, ...] = ()
    sanction: tuple[Fact, ...] = ()
    documents: tuple[Document, ...] = ()
    links: tuple[Link, ...] = ()
    wallets: tuple[Wallet, ...] = ()
    unknown: tuple[Fact, ...] = ()
    """Items not understood; ``prop`` is the report kind (``remark:<label>``)."""


@dataclass(slots=True)
class Builder:
    """The parts of one remark while it is being read; :meth:`build` freezes them."""

    facts: list[Fact] = field(default_factory=list)
    sanction: list[Fact] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    wallets: list[Wallet] = field(default_factory=list)
    unknown: list[Fact] = field(default_factory=list)

    def build(self) -> Remarks:
        return Remarks(
            tuple(self.facts),
            tuple(self.sanction),
            tuple(self.documents),
            tuple(self.links),
            tuple(self.wallets),
            tuple(self.unknown),
        )
