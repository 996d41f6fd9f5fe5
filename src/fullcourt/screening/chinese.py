"""Chinese characters to pinyin, Wade–Giles, Cantonese and, for Korean names, Korean.

Lists write Chinese names in pinyin ("Xi Jinping"), older documents and Taiwan in
Wade–Giles ("Hsi Chin-p'ing", "Mao Tse-tung"), Hong Kong in its Cantonese spelling
("Wing Fung", see the cantonese module), and Korean names written in hanja are
read in Korean, not Mandarin: 金铁三 is the UN's "Jin Tiesan" and also "Kim Chol Sam".
Pinyin comes from ``pypinyin``; Wade–Giles is derived from it by our own rules, and
:func:`pinyin_key` maps both spellings of a syllable to one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc
from pypinyin import Style, lazy_pinyin
from rigour.text.translit import ascii_text

from fullcourt.screening import cantonese
from fullcourt.screening.korean import hangul_forms

MAX_FORMS = 10
# Traditional characters (Hong Kong, Taiwan, Korean hanja) as their simplified forms:
# one company is 長安海連 in its Hong Kong filing and 长安海连 on a mainland invoice.
_SIMPLIFIED = opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text with traditional Chinese characters in their simplified forms."""
    return str(_SIMPLIFIED.convert(text))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SEPARATORS = re.compile(r"[\s·・•‧.,()（）\[\]/\-]+")
# Surnames whose characters pypinyin reads with their commoner, non-surname sound.
SURNAME_PINYIN = {
    "单": "shan", "單": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou",
    "區": "ou", "朴": "piao", "查": "zha", "盖": "ge", "蓋": "ge", "覃": "qin",
    "缪": "miao", "繆": "miao", "乐": "yue", "樂": "yue", "翟": "zhai", "召": "shao",
    "种": "chong", "種": "chong", "重": "chong", "薄": "bo", "褚": "chu", "柏": "bai",
    "阚": "kan", "句": "gou", "祭": "zhai", "员": "yun", "秘": "bi", "长": "zhang",
    "長": "zhang", "尉": "yu", "华": "hua", "華": "hua", "沈": "shen", "燕": "yan",
}  # fmt: skip
COMPOUND_SURNAMES = _words(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 长孙 "
    "長孫 宇文 司徒 夏侯 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 鲜于 鮮于 万俟"
)
# Sino-Korean readings of the hanja common in Korean names, in both the traditional
# and the simplified form (Chinese media write Korean names in simplified characters:
# 崔龙海, 金铁三). Readings keep the initial ㄹ, as the North writes them (리, 룡, 림);
# the Korean module supplies the Southern spellings.
_HANJA_TEXT = """
가家佳嘉可賀贺價价 각角珏覺觉閣阁 간幹干簡简 갈葛 갑甲 강康剛刚江姜強强綱纲鋼钢
개開开介 거巨居 건建健乾件 걸傑杰 검儉俭劍剑檢检 격格 견堅坚見见 결潔洁結结決决
겸謙谦兼 경京慶庆敬景卿經经鏡镜瓊琼庚耕炅璟競竞輕轻 계桂啓启季溪界繼继計计
고高古固考孤 곡谷 곤坤昆 공孔公功共工空 과果科 곽郭 관官寬宽觀观冠關关 광光廣广
교教敎橋桥 구九求久具救球構构丘邱 국國国菊 군君軍军郡 궁宮宫 권權权 귀貴贵
규奎圭揆珪規规 균均 극極极克 근根近勤槿 금今琴錦锦 기基起紀纪箕琪奇麒岐淇騏技記记
길吉 김金 남南男楠 녀女 년年 녕寧宁 농農农 단丹端 달達达 담潭 당唐堂黨党 대大代臺
덕德 도道圖图都度桃陶島岛 독獨独 돈敦 동東东童棟栋同洞 두斗杜 득得 등登燈灯 라羅罗
란蘭兰 락樂乐洛 래來来 랑浪郞郎 량良亮梁 려麗丽呂吕 력力 련連连蓮莲鍊炼 렬烈 렴廉
령玲鈴铃令嶺岭 례禮礼 로魯鲁老路盧卢 록祿禄錄录綠绿 룡龍龙 류柳流留劉刘 륙陸陆
륜倫伦 률律 륭隆 릉陵 리李利理里 린麟 림林琳 립立 마馬马 만萬万滿满晩晚 망望 매梅
맹孟 면勉 명明命銘铭鳴鸣 모模 목穆木 몽夢梦 묘妙 무武茂 문文門门聞闻 미美味
민民敏珉旼閔闵 밀密 박朴博 반潘班 방方芳房邦 배裵裴培 백白百伯 범範范凡 법法 벽碧
변卞邊边 병炳秉丙兵 보寶宝保輔辅甫 복福 본本 봉奉鳳凤峰逢 부富夫 북北 비飛飞 빈彬斌
사思史士四司 산山 삼三 상相尙尚祥常上 생生 서瑞徐舒西 석石錫锡碩硕 선善宣鮮鲜先仙
설雪薛 섭燮涉 성成聖圣誠诚星城性盛 세世 소昭素蘇苏小 손孫孙 송宋松頌颂
수秀洙壽寿守水修樹树 숙淑 순順顺淳純纯 숭崇 승承勝胜昇升 시時时始 식植式湜
신申信新愼慎辛臣 실實实 심沈心深 아娥雅 악岳 안安 애愛爱 양陽阳揚扬楊杨洋 억億亿
언彦 엄嚴严 여與与汝如 연延然淵渊燕姸 열悅悦 영英永榮荣映泳暎瑛 예藝艺 오吳吴五午
옥玉 온溫温 완完 왕王 요堯尧 용勇容庸鎔镕用 우宇友佑祐雨愚禹于 욱旭郁昱 운雲云運运
웅雄熊 원元源遠远原圓圆媛院 월月 위偉伟魏韋韦 유兪俞裕維维有 윤尹允潤润 은恩銀银殷
을乙 음音 의義义儀仪宜 이二伊 익益翼 인仁寅印 일日一逸 임任壬 자子慈 장張张長长章將将
재在再才載载財财哉 전全田前錢钱 정正政貞贞定情晶廷庭楨禎汀鄭郑丁靖 제濟济齊齐帝諸诸
조趙赵曺曹朝祖 종鍾钟宗鐘 주周朱珠柱住主 준俊峻浚準准 중中重仲 지志智知芝池 직直
진眞真鎭镇珍振進进陳陈晉晋 차車车 찬燦灿贊赞 창昌彰倉仓蒼 채蔡采彩 천天千泉川
철哲鐵铁澈喆 청淸清靑青 초超 최崔 추秋 춘春 충忠 치治致 칠七 탁卓 태泰太 택澤泽宅
토土 통統统 팔八 평平 표表 풍豊丰 필弼必 하河夏 학學学鶴鹤 한韓韩漢汉 함咸 해海
행幸 향香 허許许 혁赫革 현賢贤玄鉉铉顯显炫 형亨炯衡兄 혜惠慧 호浩虎鎬镐昊好湖皓
홍洪弘 화和華华花 환煥焕桓 황黃黄皇 회會会 효孝曉晓 훈勳勋訓训薰 휘輝辉 흥興兴
희熙喜姬希禧
"""
READINGS: dict[str, str] = {char: entry[0] for entry in _HANJA_TEXT.split() for char in entry[1:]}
KOREAN_SURNAMES = _words(
    "金 李 朴 崔 鄭 郑 姜 趙 赵 尹 張 张 林 韓 韩 吳 吴 申 徐 權 权 黃 黄 安 宋 柳 全 洪 高 "
    "文 梁 孫 孙 裵 裴 白 許 许 劉 刘 南 沈 盧 卢 河 丁 成 車 车 具 郭 禹 朱 任 羅 罗 辛 閔 闵 "
    "陳 陈 池 嚴 严 元 蔡 千 方 孔 康 玄 咸 卞 廉 楊 杨 邊 边 呂 吕 秋 魯 鲁 都 石 蘇 苏 愼 慎 "
    "馬 马 薛 吉 宣 周 延 魏 表 明 奇 房 潘 王 琴 玉 陸 陆 孟 卓 太 田 景 皇甫 南宮 南宫 鮮于 "
    "鲜于 諸葛 诸葛 獨孤 独孤 司空 西門 西门"
)
# Surnames for which a Korean reading is the likelier one.
KOREAN_FIRST = _words("金 朴 南宫 南宮 鲜于 鮮于")


def is_han(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FFFF
    )


def _syllables(text: str) -> list[str]:
    """Toneless pinyin of each character, ü as u; characters without a reading dropped."""
    out = []
    for syllable in lazy_pinyin(text, style=Style.NORMAL, errors="ignore"):
        syllable = syllable.replace("v", "u").lower()
        if syllable.isascii() and syllable.isalpha():
            out.append(syllable)
    return out


# Pinyin -> Wade–Giles without apostrophes or diacritics, so aspirated pairs merge
# (p/b -> p, t/d -> t, k/g -> k, ch/zh/j/q -> ch, ts/z/c -> ts).
_WG_INITIALS = {
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "zh": "ch", "ch": "ch",
    "j": "ch", "q": "ch", "x": "hs", "z": "ts", "c": "ts", "sh": "sh", "r": "j",
}  # fmt: skip
_WG_WHOLE = {
    "zi": "tzu", "ci": "tzu", "si": "ssu", "zhi": "chih", "chi": "chih", "shi": "shih",
    "ri": "jih", "er": "erh", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
    "yong": "yung", "yue": "yueh", "e": "o", "ge": "ko", "ke": "ko", "he": "ho",
}  # fmt: skip
_WG_FINALS = (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ue", "ueh"))
_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$")


def to_wade_giles(syllable: str) -> str:
    """One toneless pinyin syllable in Wade–Giles without apostrophes."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    match = _INITIAL.match(syllable)
    initial, final = (match.group(1) or "", match.group(2)) if match else ("", syllable)
    for old, new in _WG_FINALS:
        if final.endswith(old):
            final = final[: -len(old)] + new
            break
    if final == "uo" and initial not in ("g", "k", "h", "sh"):
        final = "o"  # luo -> lo, zuo -> tso, but guo -> kuo
    if final == "ui" and initial in ("g", "k"):
        final = "uei"
    return _WG_INITIALS.get(initial, initial) + final


def _surname_split(chars: str) -> int:
    return 2 if chars[:2] in COMPOUND_SURNAMES and len(chars) > 2 else 1


def _chinese_person(chars: str) -> list[str]:
    cut = _surname_split(chars)
    surname = SURNAME_PINYIN.get(chars[:cut]) or "".join(_syllables(chars[:cut]))
    given = _syllables(chars[cut:])
    if not surname or not given:
        return [" ".join(_syllables(chars))]
    wg_surname = "".join(to_wade_giles(s) for s in _syllables(chars[:cut]))
    if chars[:cut] in SURNAME_PINYIN:
        wg_surname = to_wade_giles(surname)
    wg_given = [to_wade_giles(s) for s in given]
    return [
        f"{surname} {''.join(given)}",  # Xi Jinping: pinyin joins the given name
        f"{surname} {' '.join(given)}",
        f"{wg_surname} {' '.join(wg_given)}",  # Hsi Chin-p'ing, hyphen made a space
        f"{wg_surname} {''.join(wg_given)}",
    ]


def _korean_reading(chars: str) -> str | None:
    """The Hangul reading of a name written in hanja, when it looks Korean."""
    cut = _surname_split(chars)
    if chars[:cut] not in KOREAN_SURNAMES:
        return None
    readings = [READINGS.get(ch) for ch in chars]
    if any(r is None for r in readings):
        return None
    return "".join(r for r in readings if r)


def _merge(first: list[str], second: list[str]) -> list[str]:
    """Both readings' best forms before either's variants."""
    return first[:2] + second[:2] + first[2:] + second[2:]


def _person_chars(text: str) -> str:
    """The characters of a personal name written as one word, else "".

    Personal names have two or three characters; four only with a two-character
    surname (a four-character name is more often a company's short name: 旷视科技).
    """
    words = [w for w in _SEPARATORS.split(text) if w]
    chars = words[0] if len(words) == 1 else ""
    length_ok = 2 <= len(chars) <= 3 or (len(chars) == 4 and chars[:2] in COMPOUND_SURNAMES)
    return chars if length_ok and all(map(is_han, chars)) else ""


@lru_cache(maxsize=50_000)
def _han_forms(text: str) -> tuple[str, ...]:
    words = [w for w in _SEPARATORS.split(text) if w]
    chars = _person_chars(text)
    if chars:
        cut = _surname_split(chars)
        reading = _korean_reading(chars)
        korean = hangul_forms(reading) if reading is not None else []
        if chars[:cut] in KOREAN_FIRST:
            forms = _merge(korean, _chinese_person(chars))
        else:  # Hong Kong's spelling after the best two of the others: 陳大文 Chan Tai Man
            hong_kong = list(cantonese.person_forms(chars[:cut], chars[cut:]))
            forms = _merge(_chinese_person(chars), korean)
            forms = [*forms[:4], *hong_kong, *forms[4:]]
    else:
        pinyin = [_syllables(word) or [ascii_text(word).lower()] for word in words]
        forms = [
            " ".join(" ".join(p) for p in pinyin),
            " ".join("".join(p) for p in pinyin),  # foreign names: 贝拉克·奥巴马 Beilake Aobama
            " ".join("".join(to_wade_giles(s) if s in PINYIN else s for s in p) for p in pinyin),
            *cantonese.word_forms(tuple(words)),  # Hong Kong's spelling: 永豐 Wing Fung
        ]
    unique = dict.fromkeys(" ".join(f.split()) for f in forms)
    return tuple(f for f in unique if f)[:MAX_FORMS]


@lru_cache(maxsize=50_000)
def korean_readings(text: str) -> frozenset[str]:
    """The renderings of a name in Chinese characters that read it in Korean.

    The other renderings of the same characters are Mandarin, and a Mandarin name is
    not compared as a Korean one even when its syllables look Korean ("li ning" is
    李宁, whose "ning" is not the Korean 녕 that would meet "ying").
    """
    chars = _person_chars(" ".join(text.split()))
    reading = _korean_reading(chars) if chars else None
    return frozenset(hangul_forms(reading)) if reading else frozenset()


def is_wade_giles(token: str) -> bool:
    """Whether a token can be read as Wade–Giles (one or two syllables).

    Only a Wade–Giles spelling is ambiguous between aspirated and plain initials
    (its apostrophe is dropped by lists); two different pinyin spellings ("jing" and
    "qing", "zhi" and "qi") are two different syllables.
    """
    token = token.lower()
    return token in _WADE_GILES or _segment(token, _WADE_GILES) is not None


# The commonest Chinese surnames in pinyin, which open (or, written Western style,
# close) a name romanised from Chinese: with them, a name reads as Chinese.
PINYIN_SURNAMES = _words(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai
    jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia
    xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao
    gong shao wan qian dai kong mo xiang chang niu yi ou"""
)


def is_pinyin_name(tokens: tuple[str, ...]) -> bool:
    """Whether a person's name in Latin letters reads as a Chinese name in pinyin: a
    Chinese surname first or last, and every part one or two pinyin syllables."""
    if len(tokens) < 2 or not all(pinyin_syllables(token) for token in tokens):
        return False
    return tokens[0] in PINYIN_SURNAMES or tokens[-1] in PINYIN_SURNAMES


@lru_cache(maxsize=100_000)
def pinyin_syllables(token: str) -> tuple[str, ...]:
    """A token as one or two pinyin syllables ("jinping" -> jin, ping), else ()."""
    if token in PINYIN:
        return (token,)
    for cut in range(min(6, len(token) - 1), 0, -1):
        if token[:cut] in PINYIN and token[cut:] in PINYIN:
            return token[:cut], token[cut:]
    return ()


def han_forms(text: str) -> list[str]:
    """Latin renderings of a name in Chinese characters, pinyin first.

    A personal name (two or three characters, four with a two-character surname)
    gives the surname and the given name joined and split ("xi jinping", "xi jin
    ping"), then Wade–Giles ("hsi chin ping"), and, when the surname is a Korean one
    and every character has a Korean reading, the Korean forms of that reading
    (金正恩 -> "kim jong un"), first for 金 and 朴. Except for 金 and 朴, the Hong
    Kong spellings ("chan tai man") follow the best two pinyin and Korean forms.
    Other names give pinyin by word and by syllable, Wade–Giles, and the Hong Kong
    spellings.
    """
    return list(_han_forms(" ".join(text.split())))


# Pinyin syllables: initial -> the finals it takes (y- and w- spellings as initials).
_PINYIN_TEXT = """
-:a o e ai ei ao ou an en ang eng er
y:i a ao e ou an in ang ing ong u ue uan un
w:u a o ai ei an en ang eng
b:a o ai ei ao an en ang eng i iao ie ian in ing u
p:a o ai ei ao ou an en ang eng i iao ie ian in ing u
m:a o e ai ei ao ou an en ang eng i iao ie iu ian in ing u
f:a o ei ou an en ang eng u
d:a e ai ei ao ou an en ang eng ong i ia iao ie iu ian ing u uo ui uan un
t:a e ai ao ou an ang eng ong i iao ie ian ing u uo ui uan un
n:a e ai ei ao ou an en ang eng ong i iao ie iu ian in iang ing u uo uan ue
l:a o e ai ei ao ou an ang eng ong i ia iao ie iu ian in iang ing u uo uan un ue
g:a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang
k:a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang
h:a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang
j:i ia iao ie iu ian in iang ing iong u ue uan un
q:i ia iao ie iu ian in iang ing iong u ue uan un
x:i ia iao ie iu ian in iang ing iong u ue uan un
zh:a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang
ch:a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang
sh:a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang
r:e i ao ou an en ang eng ong u ua uo ui uan un
z:a e i ai ei ao ou an en ang eng ong u uo ui uan un
c:a e i ai ao ou an en ang eng ong u uo ui uan un
s:a e i ai ao ou an en ang eng ong u uo ui uan un
"""
PINYIN = frozenset(
    initial.strip("-") + final
    for row in _PINYIN_TEXT.strip().splitlines()
    for initial, finals in [row.split(":")]
    for final in finals.split()
)
# Aspirated and unaspirated initials are one class: Wade–Giles writes the difference
# only with an apostrophe, which lists drop (ping is p'ing or ping: pinyin ping/bing).
_KEY_INITIALS = {
    "b": "B", "p": "B", "d": "D", "t": "D", "g": "G", "k": "G", "j": "J", "q": "J",
    "zh": "J", "ch": "J", "z": "Z", "c": "Z", "x": "X", "s": "S", "sh": "SH", "r": "R",
}  # fmt: skip
_GLIDES = (("yi", "i"), ("yu", "u"), ("y", "i"), ("wu", "u"), ("w", "u"))


def _pinyin_syllable_key(syllable: str) -> str:
    for old, new in _GLIDES:  # ya -> ia, you -> iu, wei -> uei: one spelling per sound
        if syllable.startswith(old):
            syllable = new + syllable[len(old) :]
            break
    match = _INITIAL.match(syllable)
    initial, final = (match.group(1) or "", match.group(2)) if match else ("", syllable)
    return f"{_KEY_INITIALS.get(initial, initial.upper()) or '-'}.{final}"


def _build_wade_giles() -> dict[str, str]:
    table: dict[str, str] = {}
    for syllable in sorted(PINYIN):
        table.setdefault(to_wade_giles(syllable), _pinyin_syllable_key(syllable))
    table.update({"szu": "S.i", "tsu": "Z.u"})  # variant Wade–Giles spellings
    return table


_WADE_GILES = _build_wade_giles()
_SYLLABLE_KEYS = {s: _pinyin_syllable_key(s) for s in PINYIN}
# Joined given names get a key only when they look Mandarin: without such a marker,
# two-syllable Western names would meet by the aspiration merge (Tina, Dina).
_MANDARIN_MARKS = re.compile(r"x|q|zh|hs|ts|tz|ng|ao|ou|ui|iu|ie|uo|ei|ia")


def _segment(token: str, table: dict[str, str]) -> list[str] | None:
    """Keys of a token made of one or two syllables of one system, longest first."""
    if token in table:
        return [table[token]]
    for cut in range(min(6, len(token) - 1), 0, -1):
        head, tail = token[:cut], token[cut:]
        if head in table and tail in table:
            return [table[head], table[tail]]
    return None


@lru_cache(maxsize=100_000)
def pinyin_key(token: str) -> str:
    """A key shared by the pinyin and Wade–Giles spellings of a Mandarin syllable.

    "xi" and "hsi", "jin" and "chin", "zhou" and "chou", "ze" and "tse", "dong" and
    "tung" meet; aspirated and plain initials merge (Wade–Giles without apostrophes
    cannot tell them apart). "xi", "si" and "shi" stay apart: they are different
    syllables and different surnames (习, 司, 史). Valid pinyin is read as pinyin first
    ("chou" is pinyin chou, which shares its key with Wade–Giles chou = zhou). A joined
    two-syllable given name ("jinping", "chinping") gets the keys of both syllables.
    "" for tokens that are neither.
    """
    token = token.lower()
    if not token.isascii() or not token.isalpha():
        return ""
    single = _SYLLABLE_KEYS.get(token) or _WADE_GILES.get(token)
    if single:
        return single
    if not _MANDARIN_MARKS.search(token):
        return ""
    keys = _segment(token, _SYLLABLE_KEYS) or _segment(token, _WADE_GILES)
    return "+".join(keys) if keys else ""
