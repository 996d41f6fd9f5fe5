"""Query identities: stable across order and case, new when the record changes."""

from fullcourt.screening.identity import query_key


def test_same_record_same_key() -> None:
    a = query_key("Person", {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"]})
    b = query_key("Person", {"birthDate": ["1984-01-08"], "name": ["  KIM jong un "]})
    assert a == b and len(a) == 32


def test_changed_record_new_key() -> None:
    a = query_key("Person", {"name": ["Kim Jong Un"]})
    assert a != query_key("Person", {"name": ["Kim Jong Un"], "birthDate": ["1984"]})
    assert a != query_key("Company", {"name": ["Kim Jong Un"]})
