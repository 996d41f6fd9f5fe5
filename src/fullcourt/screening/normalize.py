"""Names reduced to comparable tokens: script, case, punctuation, titles and legal forms.

Screening compares what a name *says*, not how it was typed: ``HSBC Holdings p.l.c.``
and ``HSBC Holdings PLC`` are one name, ``Dr. Ri Pyong-chol`` and ``RI Pyong Chol``
are one name. Legal forms are kept apart from the distinctive tokens, because two
companies that differ only in ``Ltd`` against ``LLC`` are usually the same company,
while two that share only ``Trading Co., Ltd.`` are not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA
from rigour.names.org_types import extract_org_types, replace_org_types_compare

from fullcourt.screening.arabic import compound_parts
from fullcourt.screening.business_words import KIND_WORDS, TRANSLATED_WORDS, translations
from fullcourt.screening.chinese import is_han, is_pinyin_name, korean_readings, simplified
from fullcourt.screening.korean import is_korean_romanized
from fullcourt.screening.numbers import fold_numbers
from fullcourt.screening.places import one_token_countries, phrase_tokens, place_words
from fullcourt.screening.romanize import latin_forms
from fullcourt.screening.vessels import vessel_names

PERSON_SCHEMATA = frozenset({"Person"})
ORG_SCHEMATA = frozenset({"Company", "Organization", "LegalEntity", "PublicBody"})

# Titles and honorifics that lists and customers prefix to people's names; they say
# nothing about identity ("Dr. X" and "X" are one person).
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "sheikh",
        "shaikh",
        "sheik",
        "haji",
        "hajji",
        "hadji",
        "mullah",
        "maulana",
        "maulvi",
        "general",
        "gen",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "admiral",
        "adm",
        "brig",
        "marshal",
        "president",
        "minister",
        "rev",
        "reverend",
        "father",
        "imam",
        "ayatollah",
        "hojatoleslam",  # a Shia cleric's rank below ayatollah
        "hojjatoleslam",
        "hojatolislam",
        "hujjatulislam",
        "sayyid",
        "sayed",
        "sayyed",
        "seyed",
        "seyyed",
        "mister",
        "madame",
        "mme",
        "mlle",
        "herr",
        "frau",
        "sr",
        "sra",
        "jr",
        "pastor",
        "bishop",
        "archbishop",
        "cardinal",
        "rabbi",
        "his",  # "His Holiness", "His Royal Highness"
        "holiness",
        "royal",
        "highness",
    ]
)
# Letters after a person's name for a degree, an honour or a rank at the bar; read as
# a name part, "QC" would be two initials and "PhD" a surname.
POST_NOMINALS = frozenset(
    {"phd", "esq", "kc", "qc", "mba", "obe", "mbe", "cbe", "kbe", "dbe", "frs", "jd"}
)
# Words that join name parts in many languages; they carry little identity on their own
# and are weighted down, not removed ("bin Laden" must still differ from "Laden").
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ul",  # the article in Persian and Urdu spellings: Khatam ol-Anbia, Zia ul Haq
        "ol",
        "bin",
        "ibn",
        "bint",
        "abu",
        "umm",
        "ben",
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "e",
        "of",
        "the",
        "and",
        "in",
        "for",
        "at",
        "und",
        "et",
        "ve",  # Turkish: Sanayi ve Ticaret
    ]
)
# Legal forms in scripts that the rigour org-type table does not read (it works on the
# Latin text): Chinese, Korean and Japanese company forms are removed before the name
# is romanised, so that 有限公司 does not become the tokens "you xian gong si".
CJK_LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "株式会社",
    "有限会社",
    "주식회사",
    "유한회사",
    "유한책임회사",
    "(주)",
    "㈜",
)
# Generic words for a company that rigour's legal-form table leaves as words; its own
# generic forms (llc, jsc, ...) are taken from what it finds in each name.
LEGAL_TOKENS = frozenset(["co", "corp", "company", "corporation", "limited", "incorporated"])
# Contractions that company names are written with in registries, payment messages and
# letterheads ("First Bank Int'l", "Natl Iranian Oil"): each is read as its word.
ORG_ABBREVIATIONS = {
    "intl": "international", "natl": "national", "mfg": "manufacturing",
    "hldg": "holding", "hldgs": "holdings", "grp": "group", "svc": "service",
    "svcs": "services", "assn": "association", "assoc": "association", "bros": "brothers",
    "mgmt": "management", "dept": "department", "univ": "university", "ctr": "center",
    "dev": "development", "devt": "development", "trdg": "trading", "engg": "engineering",
    "invt": "investment", "inds": "industries", "sys": "systems", "coop": "cooperative",
    "hq": "headquarters", "constr": "construction", "co": "company", "corp": "corporation",
    "petrochem": "petrochemical", "bk": "bank", "bnk": "bank", "comml": "commercial",
    "coml": "commercial", "genl": "general", "finl": "financial", "govt": "government",
    "mktg": "marketing", "equip": "equipment", "chem": "chemical", "pharm": "pharmaceutical",
    "transp": "transport", "navig": "navigation", "mfrs": "manufacturers",
}  # fmt: skip
# One trade word in the forms company names use it in: "Weihai Huijiang Trade" and
# "... Trading", "Mahan Air" and "Mahan Airlines", "Korea Kwangson Bank" and "...
# Banking Corp" are each one company. Plain plurals need no entry (one letter apart).
ORG_WORD_FORMS = {
    "trading": "trade", "trades": "trade", "industrial": "industry",
    "industries": "industry", "technologies": "technology", "tech": "technology",
    "technological": "technology", "airlines": "air", "airline": "air", "airways": "air",
    "engineers": "engineering", "engineer": "engineering", "banking": "bank",
    "shpg": "shipping", "commercial": "commerce", "manufacturers": "manufacturing",
    "manufacturer": "manufacturing", "financial": "finance", "insurances": "insurance",
    "investments": "investment", "developments": "development",
    # English trade words in Russian, as the lists transliterate them: ООО "Восток
    # Трейдинг" is Vostok Treyding or Vostok Trading
    "treyding": "trade", "treiding": "trade", "trejding": "trade",
    "inzhiniring": "engineering", "inzhenering": "engineering", "sistems": "systems",
}  # fmt: skip
# A country's adjective is the country in a body's name: National Iranian Tanker
# Company is what customers write "Iran National Tanker Co". Read after the country's
# own phrases ("Russian Federation", places.py).
COUNTRY_ADJECTIVES = {
    "iranian": "iran", "korean": "korea", "syrian": "syria", "iraqi": "iraq",
    "libyan": "libya", "russian": "russia", "belarusian": "belarus", "cuban": "cuba",
    "venezuelan": "venezuela", "lebanese": "lebanon", "yemeni": "yemen",
    "sudanese": "sudan", "chinese": "china", "afghan": "afghanistan",
}  # fmt: skip
_COMPANY_WORDS = frozenset(
    word
    for word in (
        *ORG_WORD_FORMS,
        *ORG_WORD_FORMS.values(),
        *ORG_ABBREVIATIONS.values(),
        *KIND_WORDS,
        *LEGAL_TOKENS,
    )
    if len(word) >= 6
)
# North Korea's own name for Korea, 조선, romanised: "Chosun Mining Development" is how
# a customer may write "Korea Mining Development" (KOMID). Only opening a name.
KOREA_WORDS = frozenset({"chosun", "choson", "chosen", "joseon", "josun", "joson"})
# Two letters without a vowel in a person's name are two initials run together
# ("JC Juncker", "GW Bush"), except the Cantonese and Hokkien surname Ng (吳, 伍).
VOWELLESS_NAMES = frozenset({"ng"})
_VOWELS = frozenset("aeiouy")


# A country or region closing a company's name ("Banco Santander México", "FABERLIC
# EUROPE") names the group's company there; inside a name ("Bank of China") it is the
# name itself.
PLACE_WORDS = place_words()
PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "binti", "ould"})
_AMP_WORD = re.compile(r"(?<=\w)&(?=\w)")
_SPLIT = re.compile(r"[^\w]+")
_SERIES_TWO = re.compile(r"(?<=\w )ii\b")


@dataclass(frozen=True, slots=True)
class NameForm:
    """One Latin rendering of a name, split into distinctive tokens and the rest."""

    original: str
    tokens: tuple[str, ...]
    legal: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    letters: str = ""
    """Every letter and digit of the rendering in order, spacing ignored."""
    patronyms: tuple[str, ...] = ()
    """Parts that follow bin/ibn/ben: the father's name, whose place is its meaning."""
    korean: bool = False
    """Whether the rendering reads as a romanised Korean name (surname and syllables):
    only such names compare their parts as Korean syllables."""
    qualifier: str = ""
    """For organisations, a country or region closing the name ("mexico", "europe")."""
    abjad: bool = False
    """Whether the name is written in Arabic or Hebrew letters (no short vowels)."""
    written: str = ""
    """For organisations, the letters with the legal form as written ("siemensag")."""
    chinese: bool = False
    """Whether the rendering is a Mandarin reading of Chinese characters."""
    east_asian: bool = False
    """Whether the name is Chinese, Japanese or Korean: written in their scripts, or
    romanised Korean. Such names have no middle names to drop."""
    pinyin: bool = False
    """Whether a person's rendering reads as a Chinese name in pinyin (a Chinese
    surname, every part one or two syllables): two such names compare their given
    names syllable by syllable, as Korean names do."""

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


def strip_cjk_legal_forms(text: str) -> tuple[str, tuple[str, ...]]:
    found = []
    for form in CJK_LEGAL_FORMS:
        if form in text and text.replace(form, "").strip():
            text = text.replace(form, " ")
            found.append("co")
    return text, tuple(found)


# "ANO" (АНО, avtonomnaya nekommercheskaya organizatsiya), the Russian autonomous
# non-profit organisation that runs many listed media and "institute" fronts, opens or
# closes the name as other legal forms do; rigour's table knows only the spelled-out form.
_RUSSIAN_NON_PROFIT = re.compile(r"(?:^\s*(?:ano|ано)\b)|(?:\b(?:ano|ано)\s*$)")
# Legal forms and their companions that rigour's table misreads or does not know, in
# the spelling it knows: Lebanon's and Egypt's société anonyme (S.A.L., S.A.E.), the
# Gulf's W.L.L., the free-zone FZC beside FZE and FZCO, and Turkey's forms with the
# abbreviations every Turkish company name carries ("San. ve Tic. A.Ş." is "Sanayi ve
# Ticaret Anonim Şirketi", as OFAC writes it out).
_LEGAL_SPELLINGS = tuple(
    (re.compile(pattern), spelling)
    for pattern, spelling in (
        (r"\bs\.a\.[le]\.?(?=\s|$)|(?<=\w\s)sal\s*$", " s.a. "),
        (r"(?<=\w\s)w\.?l\.?l\.?\s*$", " llc "),
        (r"\bfzc\b", " fzco "),
        (r"\ba\.ş\.?(?=\s|$)", " a.s. "),
        (r"\bsirketi\b", "şirketi"),
        (r"\bsan\.?\s+ve\s+tic\.?(?=\s|$)", " sanayi ve ticaret "),
        (r"\bith\.?\s+(?:ve\s+)?ihr\.?(?=\s|$)", " ithalat ihracat "),
        (r"\btic\.?(?=\s+ltd)", " ticaret "),
    )
)


# Words cut short with a full stop in company names ("Iran Electronics Ind.", "Mapna
# Eng. Co", "Khatam al-Anbiya Const. HQ"), read as the word of company names they
# open, when every such word is one word in its forms (Ind.: industry, industries,
# industrial); an opening shared by two words ("Elec.": electric, electronics) stays
# as written. The words are those of the translation tables and the trade words.
_CUT_SHORT = re.compile(r"\b([a-z]{3,})\.")
_TRADE_VOCABULARY = frozenset(
    word
    for text in (*TRANSLATED_WORDS, *ORG_WORD_FORMS, *ORG_ABBREVIATIONS.values())
    for word in text.split()
)


@lru_cache(maxsize=10_000)
def _whole_word(opening: str) -> str | None:
    if opening in _TRADE_VOCABULARY or extract_org_types(opening, generic=True):
        return None
    found = {ORG_WORD_FORMS.get(w, w) for w in _TRADE_VOCABULARY if w.startswith(opening)}
    return found.pop() if len(found) == 1 else None


def _words_cut_short(text: str) -> str:
    return _CUT_SHORT.sub(lambda m: (_whole_word(m.group(1)) or m.group(1)) + ".", text)


def _latin_texts(name: str, is_org: bool) -> list[str]:
    text = unicodedata.normalize("NFKC", name).lower()
    text = _AMP_WORD.sub("", text)  # AT&T, S&P: one token, as people write them
    if is_org:  # legal forms are read in their own script first ("beschränkter")
        text = _words_cut_short(text)
        # "II" in "Bowne Global Solutions II" is a series number, which rigour's table
        # would read as a legal form (a sole proprietor)
        text = _SERIES_TWO.sub("2", text)
        text = _RUSSIAN_NON_PROFIT.sub(" autonomous non-profit organization ", text)
        for pattern, spelling in _LEGAL_SPELLINGS:
            text = pattern.sub(spelling, text)
        text = _unshield(replace_org_types_compare(_shield(text), generic=True))
    forms = latin_forms(text.replace("&", " and "))
    if is_org:
        for english in translations(text):  # 实业发展: "industrial development"
            forms.extend(form for form in latin_forms(english) if form not in forms)
    return forms


# Short words that rigour's table reads as legal forms wherever they stand (IN, AS, IS
# and AT, NA and OD are forms in some country), though inside a name they are words:
# "Al-Qaida in Iraq" is not "Al-Qaida LLC Iraq". Only opening or closing a name are
# they left to the table.
_FUNCTION_WORDS = frozenset({"in", "as", "is", "at", "na", "od"})
_SHIELD = "qxq"  # no legal form contains it, and rigour's patterns need whole words


def _shield(text: str) -> str:
    words = text.split()
    if len(words) < 3:
        return text
    middle = [_SHIELD + w if w in _FUNCTION_WORDS else w for w in words[1:-1]]
    return " ".join([words[0], *middle, words[-1]])


def _unshield(text: str) -> str:
    return text.replace(_SHIELD, "")


def _spellings(text: str) -> list[str]:
    """The text with hyphenated parts split, and joined ("Pyong-chol", "Pyongchol")."""
    text = text.replace("'", "").replace("’", "").replace("`", "")
    split = text.replace("-", " ")
    joined = re.sub(r"(?<=\w)-(?=\w)", "", text).replace("-", " ")
    return [split] if joined == split else [split, joined]


# The style of ambassadors, ministers and heads of state, "H.E." for short.
_EXCELLENCY = frozenset({("h", "e"), ("his", "excellency"), ("her", "excellency")})


def _split(
    text: str, is_org: bool, titled: bool = True, syllables: bool = False, abjad: bool = False
) -> NameForm:
    """One rendering as tokens. ``titled``: the name may open with a person's title
    ("Dr", "Lady"), which a ship's name keeps ("LADY MARIA" is not "MARIA").
    ``syllables``: the rendering reads Han or Hangul, whose syllables ("da", "de",
    "van") are never particles. ``abjad``: read from Arabic or Hebrew letters, which
    leave short vowels out (گل, "gl", is Gul, not two initials)."""
    forms: set[str] = set()
    if is_org:
        shielded = _shield(text)
        forms = {form for _, form in extract_org_types(shielded, generic=True)} | LEGAL_TOKENS
        text = _unshield(replace_org_types_compare(shielded, generic=True))
    words = fold_numbers([t for t in _SPLIT.split(text) if t])
    while not is_org and titled and len(words) > 2 and words[-1] in POST_NOMINALS:
        words.pop()
    # no initials in a part read from an abjad, nor in a ship's name ("SANAR XV")
    raw = _join_initials(_expand(words, is_org, abjad or not titled))
    if is_org:  # "of the DPRK", "of North Korea": one country, one token (places.py)
        raw = [COUNTRY_ADJECTIVES.get(t, t) for t in one_token_countries(raw)]
    if titled and not is_org and len(raw) > 2 and tuple(raw[:2]) in _EXCELLENCY:
        raw = raw[2:]
    # a person's name that reads as romanised Korean is syllables too ("Kim In Ho",
    # "Ri Da Son"): none of them is a particle
    syllables = syllables or (not is_org and is_korean_romanized(raw))
    tokens, legal, particles, patronyms = [], [], [], []
    edges = _edge_positions(raw, forms)
    if is_org:
        edges |= _closing_kind(raw, edges)
    for position, token in enumerate(raw):
        if position > 0 and raw[position - 1] in PATRONYMIC:
            patronyms.append(token)
        if position in edges:
            legal.append(token)
        elif titled and not is_org and token in HONORIFICS and position < len(raw) - 1:
            continue
        # a particle joins the parts around it; at the end it joins nothing and is a
        # name part itself (the Korean syllable "Bin" in "KO TAE BIN"), and "son of"
        # opening a name has no father before it: "Ben Netanyahu" is Benjamin
        elif (
            token in PARTICLES
            and not syllables
            and 0 < len(raw) - 1 != position
            and not (position == 0 and token in PATRONYMIC)
            # "y" and "e" join two parts; opening a name they are initials ("E. Ivanov")
            and not (position == 0 and len(token) == 1)
        ):
            particles.append(token)
        else:
            tokens.append(token)
    if not tokens:
        tokens, particles = particles, []
    tokens = compound_parts(tokens)  # "Abdulrahman" as "Abd al-Rahman" (arabic.py)
    letters = "".join(raw)
    korean = is_korean_romanized(tokens)
    qualifier = _place_qualifier(raw, edges) if is_org and len(tokens) > 1 else ""
    return NameForm(
        text,
        tuple(tokens),
        tuple(legal),
        tuple(particles),
        letters,
        tuple(patronyms),
        korean,
        qualifier=qualifier,
        pinyin=not is_org and is_pinyin_name(tuple(tokens)),
    )


def _place_qualifier(raw: list[str], edges: set[int]) -> str:
    """The country or region that closes an organisation's name, after its other words
    and before its legal form, unless "of"/"de" makes it part of the name."""
    body = [token for position, token in enumerate(raw) if position not in edges]
    if len(body) < 2 or body[-1] not in PLACE_WORDS or body[-2] in PARTICLES:
        return ""
    return body[-1]


@lru_cache(maxsize=50_000)
def _company_word(token: str) -> str:
    """A slip in one of the generic words of company names ("Traading", "Industires",
    "Holdiing", "Incorrporated") as that word: the word is then read like any other
    spelling of it (a trade word's form, a kind of body, a legal form), where the slip
    left it a word the list's name lacks. Only words of six letters or more, one slip
    away, and only from these words, which no company is named by."""
    if len(token) < 6 or token in _COMPANY_WORDS:
        return token
    near = [w for w in _COMPANY_WORDS if abs(len(w) - len(token)) <= 1 and _one_slip(w, token)]
    return near[0] if len(near) == 1 else token


def _one_slip(word: str, token: str) -> bool:
    return OSA.distance(word, token) <= 1 and word[0] == token[0]


def _expand(tokens: list[str], is_org: bool, whole: bool = False) -> list[str]:
    """Contractions in company names as their words; run-together initials in people's,
    unless the parts are ``whole`` (unvowelled parts of a name read from an abjad)."""
    if is_org:
        # opening a name, a few letters without a vowel are initials ("BNK Financial
        # Group", "BK Holdings"); after it, a contraction ("Tanchon Commercial Bk")
        words = [
            t if k == 0 and len(t) <= 3 and _VOWELS.isdisjoint(t) else ORG_ABBREVIATIONS.get(t, t)
            for k, t in enumerate(tokens)
        ]
        words = [ORG_WORD_FORMS.get(w, w) for w in map(_company_word, words)]
        if words and words[0] in KOREA_WORDS and len(words) > 1:
            words[0] = "korea"  # 조선 opening a North Korean name: Chosun Mining = Korea Mining
        return words
    out: list[str] = []
    for token in tokens:
        initials = not whole and len(token) == 2 and token.isalpha() and _VOWELS.isdisjoint(token)
        out.extend(token if initials and token not in VOWELLESS_NAMES | HONORIFICS else [token])
    return out


def _join_initials(tokens: list[str]) -> list[str]:
    """Three or more single letters in a row are one abbreviation ("A.B.C.", "N.A.B.C."):
    their order is part of the name. Two stay apart, as initials ("J. C. Juncker")."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        out.extend(["".join(run)] if len(run) >= 3 else run)
        run = []
        if token:
            out.append(token)
    return out


def _closing_kind(raw: list[str], edges: set[int]) -> set[int]:
    """The words closing an organisation's name that say what kind of body it is
    (business_words.KIND_WORDS), read as generic legal forms: "Lazarus Group",
    "Haqqani Network" and "Wagner Group PMC" are what people call Lazarus, Haqqani
    and Wagner. Only where they close a name of two words or more: opening one
    ("Front Line"), they are its words."""
    inner = [position for position in range(len(raw)) if position not in edges]
    found: set[int] = set()
    while len(inner) >= 2 and raw[inner[-1]] in KIND_WORDS:
        found.add(inner.pop())
    return found


def _edge_positions(raw: list[str], forms: set[str]) -> set[int]:
    """Positions of legal forms at either end of a name (where legal forms stand);
    a form-like word inside a name ("AT" in "AT and T") is part of the name."""
    edges: set[int] = set()
    for position in range(len(raw)):
        if raw[position] not in forms:
            break
        edges.add(position)
    for position in range(len(raw) - 1, -1, -1):
        if raw[position] not in forms:
            break
        edges.add(position)
    return edges if len(edges) < len(raw) else set()


def _written_letters(text: str) -> str:
    """The letters of an organisation's name with its legal form as written, so that
    "SiemensAG" meets "Siemens AG" before "AG" is read as a legal form."""
    forms = latin_forms(unicodedata.normalize("NFKC", text).lower())
    return "".join(_SPLIT.split(forms[0])) if forms else ""


_BRACKETED_WORD = re.compile(r"\s*\(\s*([^\W\d_]{2,8})\s*\)\s*")


def _without_own_acronym(name: str) -> str:
    """An organisation's name without the acronym the list adds in brackets ("KOREA
    KWANGSON BANKING CORPORATION (KKBC)", "FOREIGN TRADE BANK (FTB)"): it repeats the
    name, and left in, it is one more word that a customer's "Korea Kwangson Banking
    Corp" lacks; connecting words may be skipped ("PROPAGANDA AND AGITATION
    DEPARTMENT (PAD)"). A bracketed word that does not spell the name ("(HK)" in "Huaxin
    Shipping (HK) Ltd") is part of it."""
    from fullcourt.screening.names import spelled_by_prefixes

    found = _BRACKETED_WORD.search(name)
    if found is None:
        return name
    rest = f"{name[: found.start()]} {name[found.end() :]}".strip()
    words = tuple(w for w in _SPLIT.split(rest.lower()) if w)
    # the acronym skips the words that join the others: PAD for Propaganda and
    # Agitation Department, GBAE for General Bureau of Atomic Energy
    content = tuple(w for w in words if w not in PARTICLES)
    acronym = found.group(1).lower()
    spelled = max(spelled_by_prefixes(acronym, words), spelled_by_prefixes(acronym, content))
    return rest if spelled >= 2 else name


def _particle_last(name: str) -> str:
    """A list's "SURNAME, Given" where the surname opens with a particle ("BIN LADEN,
    Usama", "AL-DURI, Izzat", "VAN DER BERG, Jan") in the order people write it: a
    particle joins the parts around it and "bin" names the father after it, which
    only holds with the given name first. Other inverted names stay as written, since
    the order of their parts changes nothing."""
    surname, comma, given = name.partition(",")
    first = _SPLIT.split(surname.strip().lower(), maxsplit=1)[0]
    if not comma or "," in given or not given.strip() or first not in PARTICLES:
        return name
    return f"{given.strip()} {surname.strip()}"


@lru_cache(maxsize=200_000)
def name_forms(name: str, schema: str = "LegalEntity") -> tuple[NameForm, ...]:
    """The distinct comparable forms of one name as written on a list or in a query."""
    if schema == "Vessel":
        # a ship's name without its type and number marks, and its former names
        texts = [other for text in vessel_names(name) for other in ship_brackets(text)]
    else:
        texts = bracketed_names(name, schema in ORG_SCHEMATA)
        if schema in PERSON_SCHEMATA:
            texts = [piece for text in texts for piece in listed_together(text)]
    texts = [part for text in texts for part in script_parts(text)]
    if len(texts) == 1:
        return _name_forms(texts[0], schema)
    found: dict[tuple[str, ...], NameForm] = {}
    for text in texts:
        for form in _name_forms(text, schema):
            found.setdefault(form.tokens, form)
    return tuple(found.values())


# Other names of the same party that records give in brackets: "(formerly ...)",
# "(f/k/a ...)", "(a.k.a. ...)", "(trading as ...)". An organisation's name may also
# carry a translation of itself in brackets ("Clan del Golfo (Gulf Clan)") or a remark
# ("Bank Melli Iran (Hamburg Branch)"): beside a name of two words or more, the name
# without a bracket of two words or more is read as a name too, and the bracket itself
# as one unless it is long or reads as a remark. A person's brackets hold nicknames and
# remarks more often than names, so only the marked ones are read.
_ALIAS_BRACKET = re.compile(
    r"\(\s*(?:formerly|f/k/a|fka|a/k/a|a\.k\.a\.?|aka|also known as|previously|t/a|"
    r"trading as|d/b/a|dba)(?![\w/])[\s.:-]*([^()]+?)\s*\)",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\(([^()]+)\)")
_REMARK_WORDS = frozenset(
    {"branch", "office", "located", "division", "subsidiary", "representative", "see"}
)


# Words that make world regions of place words or of each other ("Middle East", "Far
# East", "Asia Pacific"), which rigour's table names only one way.
_REGION_WORDS = frozenset(
    {"north", "south", "east", "west", "middle", "far", "central", "pacific"}
    | {"northern", "southern", "eastern", "western", "greater"}
)


def _only_place(text: str) -> bool:
    """A bracket that names a place ("Citibank (Hong Kong) Limited", "Bank Melli Iran
    (United Kingdom)") says where the body is, as a remark does: read as a name of its
    own, every company of that place would be the same one."""
    tokens = one_token_countries(list(phrase_tokens(text)))
    return bool(tokens) and all(t in PLACE_WORDS or t in _REGION_WORDS for t in tokens)


# A marker opening a name says it is another name ("f.k.a.: NADA" in the EU's annexes):
# it is no part of the name. Written without stops, or as a word, it is a marker only
# with a colon after it ("AKA Holdings", "Previously Owned Cars Ltd" are names).
_ALIAS_OPENING = re.compile(
    r"^\s*(?:(?:f/k/a|f\.k\.a\.?|a/k/a|a\.k\.a\.?)(?![\w/])[\s.:-]*"
    r"|(?:aka|fka|formerly|previously|also known as)\s*:\s*)(?=\w)",
    re.IGNORECASE,
)


def listed_together(name: str) -> list[str]:
    """A person's names given in one field, split by commas ("KIM Sou-Kwang, KIM
    Sou-Gwang, KIM Son-Kwang" in the EU's annexes). One comma is a surname put first
    ("VAN DER BERG, Jan Peter"), so only two or more, each between names of two words
    or more, split the field."""
    pieces = [piece.strip() for piece in name.split(",")]
    if len(pieces) < 3 or any(len(piece.split()) < 2 for piece in pieces):
        return [name]
    return pieces


def bracketed_names(name: str, is_org: bool) -> list[str]:
    """The name as written (without brackets marked as other names), then the other
    names its brackets give."""
    name = _ALIAS_OPENING.sub("", name) or name
    others = [m.group(1) for m in _ALIAS_BRACKET.finditer(name)]
    current = " ".join(_ALIAS_BRACKET.sub(" ", name).split()) or name
    names = [current]
    if is_org and (plain := _BRACKET.search(current)):
        inside = plain.group(1).split()
        outside = " ".join(_BRACKET.sub(" ", current).split())
        if len(inside) >= 2 and len(outside.split()) >= 2:
            names.append(outside)
            if (
                len(inside) <= 6
                and _REMARK_WORDS.isdisjoint(w.lower() for w in inside)
                and not _only_place(plain.group(1))
            ):
                names.append(" ".join(inside))
    names += others
    return list(dict.fromkeys(n for n in names if n.strip()))


def ship_brackets(name: str) -> list[str]:
    """A ship's name and the names its plain brackets give ("CHOL RYONG (RYONG GUN
    BONG)", "CHONG BONG (GREENLIGHT) (BLUE NOUVELLE)": the EU writes a ship's other
    names so). A registered ship's name has no brackets of its own; a bracket naming
    only a place is its flag or port, not a name."""
    outside = " ".join(_BRACKET.sub(" ", name).split())
    if not outside or outside == name:
        return [name]
    inside = [m.group(1).strip() for m in _BRACKET.finditer(name)]
    return [outside, *(text for text in inside if text and not _only_place(text))]


def script_parts(name: str) -> list[str]:
    """A name written both in Latin letters and in Han, Hangul or Kana ("KIM Kwang Yon
    김광연", as the EU's annexes give it) is the same name twice: each script's part
    is read as a name of its own, and together they are neither. Only words wholly in
    one script or the other, the native ones together at one end, are so read: a
    brand inside a Chinese name ("TCL集团") is a word of it."""
    if not cjk_characters(name):
        return [name]
    words = name.split()
    native_words = [bool(cjk_characters(word)) for word in words]
    mixed = any(
        flag and not all(_is_cjk(ch) for ch in word if ch.isalpha())
        for word, flag in zip(words, native_words, strict=True)
    )
    runs = sum(a != b for a, b in pairwise(native_words))
    if mixed or runs != 1:
        return [name]
    latin = " ".join(w for w, flag in zip(words, native_words, strict=True) if not flag)
    native = " ".join(w for w, flag in zip(words, native_words, strict=True) if flag)
    if sum(ch.isascii() and ch.isalpha() for ch in latin) < 2:
        return [name]
    # a legal form in the other script belongs to the name ("삼성전자 Co., Ltd.")
    if _only_legal_form(latin) or not _without_cjk_legal_forms(native):
        return [name]
    return [latin, native]


def _without_cjk_legal_forms(text: str) -> str:
    """The text without any Chinese, Korean or Japanese legal form, even if that leaves
    nothing (``strip_cjk_legal_forms`` keeps a form that is the whole name)."""
    for form in CJK_LEGAL_FORMS:
        text = text.replace(form, " ")
    return text.strip()


def _only_legal_form(text: str) -> bool:
    lowered = text.lower()
    forms = {form for _, form in extract_org_types(lowered, generic=True)} | LEGAL_TOKENS
    compared = replace_org_types_compare(lowered, generic=True)
    return all(word in forms for word in _SPLIT.split(compared) if word)


def _name_forms(name: str, schema: str) -> tuple[NameForm, ...]:
    is_org = schema in ORG_SCHEMATA
    if is_org:
        text, cjk_legal = strip_cjk_legal_forms(_without_own_acronym(name))
    else:
        text, cjk_legal = _particle_last(name), ()
    forms: dict[tuple[str, ...], NameForm] = {}
    # characters read in Mandarin are a Chinese name, whatever its syllables look like
    readings = korean_readings(name) if any(map(is_han, name)) else None
    written = _written_letters(text) if is_org else ""
    abjad = any("\u0590" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in name)
    titled = schema != "Vessel"
    syllables = bool(cjk_characters(name))
    for latin in _latin_texts(text, is_org):
        korean = readings is None or latin in readings
        for spelling in _spellings(latin):
            form = _split(spelling, is_org, titled, syllables, abjad)
            if form.tokens and form.tokens not in forms:
                legal = form.legal + cjk_legal
                forms[form.tokens] = replace(
                    form,
                    original=name,
                    legal=legal,
                    korean=form.korean and korean,
                    chinese=readings is not None and not korean,
                    east_asian=form.korean or bool(cjk_characters(name)),
                    written=written,
                    abjad=abjad,
                )
    return tuple(forms.values())


@lru_cache(maxsize=200_000)
def cjk_characters(name: str) -> tuple[str, ...]:
    """The Han, Hangul and Kana characters of a name, each one a name part, Han in its
    simplified form.

    In these scripts a character (syllable) is a part of the name, and two names that
    differ in one character are different names, which romanisation can hide (정 and 종
    are both "jong" in one common style).
    """
    if not any(map(_is_cjk, name)):
        return ()
    return tuple(ch for ch in simplified(name) if _is_cjk(ch))


def cjk_scripts(characters: tuple[str, ...]) -> frozenset[str]:
    """Which of Han, Hangul and Kana the characters are written in."""
    return frozenset(script for ch in characters if (script := _cjk_script(ch)))


# code point ranges of the scripts whose characters are name parts
_CJK_RANGES = (
    (0x4E00, 0x9FFF, "han"),  # CJK unified ideographs
    (0x3400, 0x4DBF, "han"),  # extension A
    (0xF900, 0xFAFF, "han"),  # compatibility ideographs (hanja)
    (0xAC00, 0xD7A3, "hangul"),  # Hangul syllables
    (0x3040, 0x30FF, "kana"),  # Hiragana and Katakana
)


def _cjk_script(ch: str) -> str | None:
    code = ord(ch)
    return next((script for low, high, script in _CJK_RANGES if low <= code <= high), None)


def _is_cjk(ch: str) -> bool:
    return _cjk_script(ch) is not None
