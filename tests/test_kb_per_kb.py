"""rasd.entities.kb.per_kb: a table derived from a whole knowledge base is built once per KB object."""

from __future__ import annotations

from rasd.entities.kb import load_kb, per_kb


def test_built_once_per_kb_and_again_for_another():
    calls: list[int] = []

    @per_kb
    def size(kb) -> int:
        calls.append(1)
        return len(kb)

    a = load_kb(shipped=False, entries=[{"id": "x/a", "name": "ألف", "type": "ORG"}])
    b = load_kb(
        shipped=False,
        entries=[{"id": "x/b", "name": "باء", "type": "ORG"}, {"id": "x/c", "name": "جيم", "type": "ORG"}],
    )
    assert size(a) == 1 and size(a) == 1 and len(calls) == 1
    assert size(b) == 2 and len(calls) == 2
    assert size(a) == 1 and len(calls) == 2  # both kept


def test_keeps_the_last_four():
    calls: list[int] = []

    @per_kb
    def size(kb) -> int:
        calls.append(1)
        return len(kb)

    kbs = [load_kb(shipped=False, entries=[]) for _ in range(5)]
    for kb in kbs:
        size(kb)
    assert len(calls) == 5
    size(kbs[-1])
    assert len(calls) == 5
    size(kbs[0])  # dropped when the fifth came
    assert len(calls) == 6
