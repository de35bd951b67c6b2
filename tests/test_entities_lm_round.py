"""Rules of the l/m round (docs/entities.md, fifth round) that the example corpus cannot show alone."""

from __future__ import annotations

from rasd.entities.kb import _preposition
from rasd.entities.kb_names import to_place
from rasd.text import tokenize


def _tok(word: str):
    return tokenize(word)[0]


def test_a_preposition_after_wa_or_fa_is_still_one() -> None:
    assert _preposition(_tok("في")) and _preposition(_tok("وفي")) and _preposition(_tok("فمن"))
    assert not _preposition(_tok("وفد")) and not _preposition(_tok("بنين"))


def test_a_place_preposition_after_wa_is_read() -> None:
    assert to_place(_tok("وفي")) and to_place(_tok("إلى"))
    assert not to_place(_tok("وقال"))
