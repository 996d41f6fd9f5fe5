"""Countries named inside organisations' names, written one way.

"Foreign Trade Bank of the DPRK", "... of North Korea" and "... of the Democratic
People's Republic of Korea" are one bank; "Central Bank of the Russian Federation" and
"... of Russia" one central bank. Lists and customers write the country as they please
(an acronym, the short name, the official name, the inverted "Korea, North" of
country tables), and word by word those spellings share little: the official name is
six words against two. Each such phrase is read as one token, the joined short name
("northkorea", "russia"), before names are compared.

The phrases come from rigour's territory table, the field's own: each country's short
and official names, the other names it marks as strong when they are several words or
an acronym ("DPRK"), and of its weaker names only the inverted ones with a comma
("Korea, North"), which are English country-table forms. A strong one-word name other
than the short name stays as written: "Bank Rossiya" is not the Bank of Russia. Other
weak names are left out because they collide: rigour lists "Korea" as a weak name of
South Korea, and "Korea" opens many North Korean companies' names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.territories import get_territories

# rigour has no public listing of a territory's other names, only lookups by one name;
# its loader is the one place they are read (the pinned range keeps it stable, and the
# tests fail loudly should it change)
from rigour.territories.lookup import _load_territory_names
from rigour.territories.territory import Territory
from rigour.text.translit import ascii_text

MAX_PHRASE = 8
_WORDS = re.compile(r"[^\w]+")
_SKIPPED = frozenset({"the"})  # "of the DPRK" and "of DPRK" alike


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A place name's words as the name normaliser splits them (three or more single
    letters run together, as in "U.S.A.")."""
    words = _WORDS.split(ascii_text(text).lower().replace("'", "").replace("’", ""))
    found = tuple(word for word in words if word and word not in _SKIPPED)
    if len(found) >= 3 and all(len(word) == 1 for word in found):
        return ("".join(found),)
    return found


def _latin(name: str) -> bool:
    """Written in Latin letters (with or without accents): other scripts' country names
    would reach the table only as transliterations, which company names do not use."""
    return all(ord(ch) < 0x250 for ch in name if ch.isalpha())


# Acronyms of countries that are also everyday words in company names ("Car Rental").
WORD_ACRONYMS = frozenset({"car", "uno", "onu"})


def _acronym(name: str, territory: Territory) -> bool:
    """A country's acronym: capitals only, three letters or more, not a word."""
    return (
        territory.is_country
        and name.isupper()
        and len(name) >= 3
        and name.lower() not in WORD_ACRONYMS
    )


# Short forms of countries that lists, registers and trade papers write and rigour's
# table lacks ("Maritime Administration of DPR Korea", "Institute of Forensic Science
# of the PRC"), each with a name of the country that the table has.
SHORT_FORMS = {
    "DPR Korea": "North Korea", "Korea DPR": "North Korea", "Korea DPRK": "North Korea",
    "Democratic People's Rep. of Korea": "North Korea",
    "Korea, Democratic People's Rep.": "North Korea",
    "PRC": "China", "PR China": "China", "ROK": "South Korea", "KSA": "Saudi Arabia",
    "Russian Fed.": "Russia",
}  # fmt: skip


def _run_together(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A country of several words written as one ("HONGKONG", "NEWZEALAND"), as
    company registers and payment messages write it. Only names of two or three
    words of three letters or more: initials ("U.S.") and articles ("Al Iran") run
    together make words of their own."""
    if not 2 <= len(tokens) <= 3 or any(len(token) < 3 for token in tokens):
        return ()
    return ("".join(tokens),)


@lru_cache(maxsize=1)
def country_phrases() -> dict[tuple[str, ...], str]:
    """Each written form of a country (as tokens) and the one token it is read as."""
    found: dict[tuple[str, ...], str] = {}
    ambiguous: set[tuple[str, ...]] = set()
    for territory, strong, weak, _ in _load_territory_names():
        canonical = "".join(phrase_tokens(territory.name))
        if not canonical:
            continue
        for name in [*strong, *(w for w in weak if "," in w)]:
            if not _latin(name):
                continue
            tokens = phrase_tokens(name)
            if not tokens or len(tokens) > MAX_PHRASE or not all(t.isalpha() for t in tokens):
                continue
            if len(tokens) == 1 and tokens[0] != canonical and not _acronym(name, territory):
                # an acronym ("DPRK", "USA") is the country; another one-word name may
                # be a name of its own ("Bank Rossiya" is not the Bank of Russia)
                continue
            for form in (tokens, _run_together(tokens)):
                if form and found.setdefault(form, canonical) != canonical:
                    ambiguous.add(form)
    phrases = {tokens: canonical for tokens, canonical in found.items() if tokens not in ambiguous}
    for written, country in SHORT_FORMS.items():
        phrases.setdefault(phrase_tokens(written), phrases[phrase_tokens(country)])
    return phrases


@lru_cache(maxsize=1)
def joined_countries() -> frozenset[str]:
    """The tokens made by joining a country's words ("northkorea"): they exist only as
    such, so they are the same country or another, never a misspelling of one
    ("northkorea" and "southkorea" are one word apart and two countries)."""
    return frozenset(c for c in country_phrases().values() if c not in place_words_of_one())


@lru_cache(maxsize=1)
def place_words_of_one() -> frozenset[str]:
    """Countries whose short name is one word."""
    return frozenset(
        phrase_tokens(t.name)[0] for t in get_territories() if len(phrase_tokens(t.name)) == 1
    )


def one_token_countries(tokens: list[str]) -> list[str]:
    """The tokens with each country phrase among them as its one token, longest first.

    A "the" before a country goes with it ("of the DPRK"), as it is not written
    before every form of the name.
    """
    phrases = country_phrases()
    out: list[str] = []
    position = 0
    while position < len(tokens):
        start = position + (tokens[position] == "the" and position + 1 < len(tokens))
        for size in range(min(MAX_PHRASE, len(tokens) - start), 0, -1):
            canonical = phrases.get(tuple(tokens[start : start + size]))
            if canonical is not None:
                out.append(canonical)
                position = start + size
                break
        else:
            out.append(tokens[position])
            position += 1
    return out


def place_words() -> frozenset[str]:
    """One-word names of countries, jurisdictions and world regions (rigour's table)."""
    names: set[str] = set()
    for territory in get_territories():
        for name in (territory.name, territory.region, territory.subregion):
            word = (name or "").lower()
            if word.isascii() and word.isalpha():
                names.add(word)
    names.update(country_phrases().values())  # "Bank Rossiya" closes with "russia"
    return frozenset(names | {"europe", "asia", "africa", "america", "international"})
