"""The words of organisation names in other scripts that lists translate.

Lists give a Chinese or North Korean company's name half translated: the proper part
romanised, the words that say what the company does in English. 丹东鸿祥实业发展有限公司
is "Dandong Hongxiang Industrial Development Co., Ltd."; 조선광선은행 is "Korea
Kwangson Bank". Romanised whole (dan dong hong xiang shi ye fa zhan), such a name
shares only its proper part with the list's. So an organisation's name in Han or
Hangul also gets a rendering with these words translated as the lists translate them,
next to its romanisations, never instead of them.

The table holds the trade and form words that recur in the names on the UN, OFAC and
EU lists' Chinese and North Korean entries, nothing else: a proper name is never
translated (鸿祥 stays Hongxiang). Korean 조선 is "Korea" only where it opens a name
(朝鮮, the North's name for Korea); elsewhere it is as likely 造船, shipbuilding.
Arabic, Persian and Russian names are translated the same way, word by word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fullcourt.screening.chinese import simplified

# The state's official name, in Korean and in Chinese, which opens the names of its
# bodies (조선민주주의인민공화국 국가해사감독국) and which 조선 alone would cut short.
DPRK_NAMES = ("조선민주주의인민공화국", "朝鲜民主主义人民共和国")
CHINESE = {
    "实业": "industrial", "发展": "development", "贸易": "trading", "商贸": "trading",
    "国际": "international", "投资": "investment", "科技": "technology",
    "技术": "technology", "航运": "shipping", "海运": "shipping", "船务": "shipping",
    "船舶": "ship", "物流": "logistics", "集团": "group", "控股": "holding",
    "能源": "energy", "石油": "petroleum", "石化": "petrochemical", "化工": "chemical",
    "电子": "electronics", "机械": "machinery", "设备": "equipment", "进出口": "import export",
    "银行": "bank", "矿业": "mining", "矿产": "mineral", "钢铁": "steel",
    "运输": "transport", "工业": "industry", "电力": "power", "香港": "hong kong",
    "中国": "china", "朝鲜": "korea", "代理": "agency", "管理": "management", "远洋": "ocean",
    "中心": "center", "军事": "military",
    "工程": "engineering", "建设": "construction", "金属": "metal", "材料": "materials",
    "渔业": "fishery", "食品": "food", "服务": "services", "咨询": "consulting",
    "制造": "manufacturing", "燃料": "fuel", "煤炭": "coal", "纺织": "textile",
    "制品": "products", "合营": "joint venture", "合作": "cooperation", "公司": "company",
    "生物": "biological", "信息": "information", "网络": "network", "航空": "aviation",
    "海洋": "marine", "造船": "shipbuilding", "船厂": "shipyard", "医药": "pharmaceutical",
    "通信": "communication", "电气": "electric", "商业": "commercial",
    "生物科技": "biotechnology", "信用": "credit",
    # the words of state bodies' names (朝鲜人民军, the Korean People's Army)
    "人民军": "peoples army", "侦察": "reconnaissance", "总局": "general bureau",
    "原子能": "atomic energy", "委员会": "committee", "经济": "economic",
    "劳动党": "workers party", "国防": "national defense", "研究所": "research institute",
    "研究院": "research institute", "大学": "university", "中央": "central",
    "展览": "exhibition", "军需": "munitions", "工业部": "industry department",
    "火箭": "rocket", "战略军": "strategic force", "对外": "foreign", "海事": "maritime",
    "监督局": "supervision bureau", "科学院": "academy of sciences",
    DPRK_NAMES[1]: "democratic peoples republic of korea",
}  # fmt: skip
KOREAN = {
    "은행": "bank", "무역": "trading|trade", "총회사": "general corporation", "회사": "company",
    "개발": "development", "광업": "mining", "해운": "shipping|maritime", "보험": "insurance",
    "원양": "ocean", "관리": "management", "해양": "marine", "무역상사": "trading company",
    "통일": "united|unification", "발전": "development", "발전소": "power station",
    "쎈터": "center", "센터": "center", "민족": "national", "우주공간": "space",
    "우주": "space", "군사": "military", "무력": "armed forces", "원유": "crude oil",
    "대리": "agency", "인민": "peoples", "무력성": "armed forces ministry",
    "보안성": "security ministry",
    "국제": "international", "합영": "joint venture", "련합": "united", "연합": "united",
    "기술": "technology|technical", "투자": "investment", "상사": "trading", "공업": "industry",
    "기계": "machinery", "전자": "electronics", "수산": "fishery", "봉사": "service",
    "선박": "ship", "무역회사": "trading company", "총국": "general bureau",
    "상업": "commercial", "항공": "aviation", "정보": "information", "통신": "communication",
    "신용": "credit",
    # the words of state bodies' names (조선인민군, the Korean People's Army; 정찰총국,
    # the Reconnaissance General Bureau), as the UN and EU lists translate them
    "인민군": "peoples army", "군수": "munitions", "공업부": "industry department",
    "공업성": "industry ministry", "정찰": "reconnaissance", "원자력": "atomic energy",
    "제2": "second", "경제": "economic", "위원회": "committee|commission",
    "국가보위성": "ministry of state security",
    "조직지도부": "organization and guidance department",
    "선전선동부": "propaganda and agitation department", "전람사": "exhibition corporation",
    "전람": "exhibition", "로동당": "workers party", "노동당": "workers party",
    "로케트": "rocket", "전략군": "strategic force", "국방": "national defense",
    "과학원": "academy of sciences", "연구소": "research institute",
    "연구원": "research institute", "대외": "foreign", "건설": "construction",
    "해사": "maritime", "감독국": "supervision bureau", "대학": "university",
    "중앙": "central", DPRK_NAMES[0]: "democratic peoples republic of korea",
}  # fmt: skip
# Words of Arabic, Persian and Russian organisation names that lists give in English
# (Mahan Air, هواپیمایی ماهان; Al Qatarji Group, مجموعة القاطرجي; State Corporation
# Rostec, Госкорпорация Ростех; НК Роснефть, Rosneft Oil Company, its НК the initials
# of нефтяная компания), matched as whole words; the Arabic ones also after
# the article (الشركة).
WORDS = {
    "شركة": "company", "شرکت": "company", "مجموعة": "group", "مجموعه": "group",
    "گروه": "group", "بنك": "bank", "مصرف": "bank", "هواپیمایی": "airlines",
    "طيران": "airlines", "کشتیرانی": "shipping lines", "صنایع": "industries",
    "صناعات": "industries", "سازمان": "organization", "منظمة": "organization",
    "بنیاد": "foundation", "حركة": "movement", "جنبش": "movement", "تجارة": "trading",
    "بازرگانی": "trading", "نفت": "oil", "نفط": "oil", "پتروشیمی": "petrochemical",
    "مهندسی": "engineering", "بین‌المللی": "international", "دولية": "international",
    "مرکزی": "central", "مركزي": "central", "ملی": "national",
    "جمهوری": "republic", "اسلامی": "islamic", "اسلامي": "islamic", "اسلامية": "islamic",
    "إسلامي": "islamic", "إسلامية": "islamic", "إسلام": "islam", "اسلام": "islam",
    "جماعة": "group", "گروپ": "group", "جبهة": "front", "شبكة": "network", "شبکه": "network",
    "صرافة": "money exchange", "صرافی": "money exchange", "في": "in", "و": "and",
    "مكتب": "office", "تنظيم": "organization",
    "تنظیم": "organization", "دولة": "state", "جيش": "army", "جیش": "army",
    "مسلحة": "armed", "مقاتلة": "fighting", "جمعية": "society", "جهاد": "jihad",
    "خدمات": "services", "تراث": "heritage", "احياء": "revival", "إحياء": "revival",
    "госкорпорация": "state corporation", "корпорация": "corporation",
    "компания": "company", "банк": "bank", "группа": "group", "нефтяная": "oil",
    "завод": "plant", "концерн": "concern", "холдинг": "holding",
    "нк": "oil company", "торговый": "trading", "тд": "trading house", "дом": "house",
    "судоходная": "shipping", "морское": "shipping", "пароходство": "shipping company",
    "промышленная": "industrial", "инвестиционная": "investment", "транспортная": "transport",
    "ایر": "air", "إير": "air",  # the English word, as Mahan Air writes it: ماهان ایر
    "трейдинг": "trading", "инжиниринг": "engineering", "системс": "systems",
}  # fmt: skip
# A word lists translate two ways is given as "first|second" (해운 is "shipping" in
# Korea Ansan Shipping Company and "maritime" in Ocean Maritime Management Company;
# 위원회 a "committee" or a "commission"): the name gets one rendering with every first
# word and one with every second, not every mixture of them.
_EITHER = re.compile(r"(\S+)\|(\S+)")
# the English words the tables give, the vocabulary of company names
TRANSLATED_WORDS = frozenset(
    word
    for table in (CHINESE, KOREAN, WORDS)
    for text in table.values()
    for word in text.replace("|", " ").split()
)
KOREA_OPENING = ("조선", "korea")
_LONGEST = max(len(word) for word in (*CHINESE, *KOREAN))


# Quotes around a name inside a registered name (ООО «Восточная Компания», ООО
# ‘Восточная Компания’) are not part of its words.
_QUOTES = "«»‘’‚“”„\"'"


@lru_cache(maxsize=20_000)
def translations(text: str) -> tuple[str, ...]:
    """The name with its trade and form words in English and the rest as written
    (romanised later): one rendering, or two where a word is translated two ways (see
    ``_EITHER``); none when it has none of them."""
    english = _translated(text.replace("|", " "))  # the mark is the table's alone
    if english is None:
        return ()
    first, second = _EITHER.sub(r"\1", english), _EITHER.sub(r"\2", english)
    return (first,) if first == second else (first, second)


def _translated(text: str) -> str | None:
    words = [w for w in (w.strip(_QUOTES) for w in _country_phrases(text).split()) if w]
    english = [WORDS.get(word) or _after_article(word) or word for word in words]
    if english != text.split():
        if english[0] in OPENING_KINDS and len(english) > 1:
            # Arabic, Persian and Russian name the kind of body first (جماعة, شبكة
            # حقاني, НК Роснефть), English last: Armed Islamic Group, Haqqani Network,
            # Rosneft Oil Company
            english = [*english[1:], english[0]]
        text = " ".join(english)
        return _characters_translated(text) or text
    return _characters_translated(text)


# Official country names in Arabic and Persian, which name an Iranian or Arab state
# body ("Islamic Republic of Iran Shipping Lines", کشتیرانی جمهوری اسلامی ایران): word by
# word they come out in another order than the English, which the name normaliser
# reads as one country token (places.py).
COUNTRY_PHRASES = {
    "جمهوری اسلامی ایران": "islamic republic of iran",
    "الجمهورية الإسلامية الإيرانية": "islamic republic of iran",
    "الجمهورية الاسلامية الايرانية": "islamic republic of iran",
    "الجمهورية العربية السورية": "syrian arab republic",
    "المملكة العربية السعودية": "kingdom of saudi arabia",
    "جمهورية مصر العربية": "arab republic of egypt",
    "جمهورية العراق": "republic of iraq",
}


def _country_phrases(text: str) -> str:
    for phrase, english in COUNTRY_PHRASES.items():
        if phrase in text:
            text = text.replace(phrase, f" {english} ")
    return " ".join(text.split())


# Words that say what kind of body an organisation is, as a legal form does ("mil" is
# rigour's form for a private military company, PMC).
KIND_WORDS = frozenset({"group", "holding", "holdings", "network", "front", "movement", "mil"})
OPENING_KINDS = KIND_WORDS | {"oil company", "trading house"}
# Arabic writes the article and the particles before it as part of the word: الجماعة
# "the group", والجهاد "and the jihad", للصرافة "for the exchange".
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال")


def _after_article(word: str) -> str | None:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and (english := WORDS.get(word[len(prefix) :])):
            return english
    return None


def _characters_translated(text: str) -> str | None:
    """Chinese and Korean names run their words together: the longest word known at
    each character is taken."""
    text = simplified(text)
    out: list[str] = []
    position, changed = 0, False
    if text.startswith(KOREA_OPENING[0]) and not text.startswith(DPRK_NAMES):
        out.append(f" {KOREA_OPENING[1]} ")
        position, changed = len(KOREA_OPENING[0]), True
    while position < len(text):
        for size in range(min(_LONGEST, len(text) - position), 1, -1):
            word = text[position : position + size]
            english = CHINESE.get(word) or KOREAN.get(word)
            if english:
                out.append(f" {english} ")
                position, changed = position + size, True
                break
        else:
            out.append(text[position])
            position += 1
    return " ".join("".join(out).split()) if changed else None
