"""The candidate index finds plausible entities through every key, not by scanning."""

from __future__ import annotations

from fullcourt.screening.index import ListEntity, build_index, form_keys, trigrams
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.subject import make_subject


def test_keys_of_a_name() -> None:
    form = name_forms("Ri Pyong Chol", "Person")[0]
    keys = form_keys(form)
    assert {"t:ri", "t:pyong", "t:chol"} <= keys
    assert any(k.startswith("k:") for k in keys)  # Korean syllable keys
    assert "g:_ri" in keys and trigrams("ab") == {"_ab", "ab_"}


def test_candidates_are_few_and_include_the_target(default_matcher: Matcher) -> None:
    index = default_matcher.index
    for props in ({"name": ["RI PYONGCHOL"]}, {"name": ["Pyong-chol Ri"]}, {"name": ["KOMID"]}):
        candidates = index.candidates(make_subject("LegalEntity", props), limit=20)
        assert len(candidates) <= 20 < len(index.entities)
        names = " ".join(c.caption.lower() for c in candidates)
        assert "pyong" in names or "mining" in names


def test_identifier_hits_come_first(default_matcher: Matcher) -> None:
    query = make_subject("Vessel", {"name": ["zzz"], "imoNumber": ["8660313"]})
    first = default_matcher.index.candidates(query, limit=5)[0]
    assert "8660313" in first.subject.identifiers["imo"]


def listed(position: int, name: str) -> ListEntity:
    props = {"name": [name]}
    return ListEntity(
        f"e{position}", "Person", name, make_subject("Person", props), props, ("t",), ()
    )


def test_each_rendering_is_voted_on_its_own() -> None:
    # حسن نصر الله has renderings "hsn nsr allah" and "hsn nsrallah"; a name holding the
    # parts of both must not outvote one that meets one rendering whole (summed over all
    # renderings, it would: SDN's NASRALLAH, Hasan fell out of the candidates so)
    names = ["NASRALLAH, Hasan", "Hasan Nasr Allah Nasrallah Hsn", "Karim Allah Noor"]
    names += [f"{given} Abd Allah Nasr" for given in ("Jamil", "Rashid", "Tariq", "Omar")]
    index = build_index(listed(k, name) for k, name in enumerate(names))
    query = make_subject("Person", {"name": ["حسن نصر الله"]})
    renderings = [frozenset(form_keys(form)) for form in query.names[0][2]]
    assert len(set(renderings)) > 1
    heaviest = max(index._votes(keys, len(names))[1] for keys in renderings)
    votes = index.name_votes(query)
    assert votes.max() <= heaviest + 1e-9  # one rendering, never the sum
    assert index.candidates(query, limit=1)[0].caption in names[:2]


def test_list_names_are_indexed_by_their_consonants() -> None:
    form = name_forms("Usama bin Laden", "Person")[0]
    assert "s:ldn" in form_keys(form, listed=True)
    assert "s:ldn" not in form_keys(form)  # a Latin query does not look them up
    assert "s:ldn" in form_keys(name_forms("أسامة بن لادن", "Person")[0])


def test_a_short_part_with_two_letters_swapped_is_found() -> None:
    # UN TAi.043 FAIZ, asked for as "AFIZ": the two share no trigram, only their letters
    names = ["FAIZ", "Hafiz Makhlouf", "Fawzi Kanaan", "Faisal Zaid"]
    index = build_index(listed(k, name) for k, name in enumerate(names))
    found = index.candidates(make_subject("Person", {"name": ["AFIZ"]}), limit=3)
    assert "FAIZ" in [entity.caption for entity in found]


def test_acronyms_are_looked_up_among_organisations_only() -> None:
    # KOMID spells Korea Mining Development (ko-mi-d), and also Kaan Onur Mert Ilker
    # Dag, whose name shares no other key with it: a person's name is never read as
    # an acronym. Kim Ok Mi spells KOM, not KOMID, and must not come in either
    org = ListEntity(
        "org", "Company", "Korea Mining Development Trading",
        make_subject("Company", {"name": ["Korea Mining Development Trading"]}),
        {"name": ["Korea Mining Development Trading"]}, ("t",), (),
    )  # fmt: skip
    names = ["Kaan Onur Mert Ilker Dag", "Kim Ok Mi"]
    people = [listed(k, name) for k, name in enumerate(names, start=1)]
    index = build_index([org, *people])
    found = index.candidates(make_subject("Thing", {"name": ["KOMID"]}), limit=5)
    assert [entity.id for entity in found] == ["org"]
    # the acronym's second letter may come after one, two or three of the first part's
    for acronym in ("KMDT", "KOMDT", "KORMD"):
        found = index.candidates(make_subject("Thing", {"name": [acronym]}), limit=5)
        assert "org" in [entity.id for entity in found], acronym
