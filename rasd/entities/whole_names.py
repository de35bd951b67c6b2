"""A body's KB name that the model's shorter name inside it must not cut: the model, trained on 2007 news,
reads the first words of a long modern body's name as the whole name (الوكالة العربية [السورية للأنباء]),
or a person's name inside a body named after him (مركز الملك [سلمان] للإغاثة)."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .news_rules import nisba_shaped


def keeps_whole_body(
    tokens: Sequence[Token],
    first: int,
    last: int,
    typ: str,
    inner: Sequence[tuple[int, int, str]],
    rest: Sequence[int],
) -> bool:
    """Whether the KB name ``tokens[first..last]`` of type ``typ`` stands against the model's shorter names
    ``inner`` (first, last, type) inside it, ``rest`` being its words they leave out. Only a body's name: a
    person inside it (the body is named after him), a لل- complement after the inner name (للأنباء, للإغاثة:
    the body's field is part of its name), or the closing nisba of a name of several words (إدارة الكوارث
    والطوارئ [التركية]: a one-word name keeps its nisba out, [الموساد] الإسرائيلي, as the model learnt)."""
    if typ != "ORG" or not inner:
        return False
    if any(t == "PER" for _, _, t in inner):
        return True
    end = max(b for _, b, _ in inner)
    if any(j > end and tokens[j].norm.startswith("لل") and len(tokens[j].norm) > 4 for j in rest):
        return True
    a, b, _ = inner[0]
    return (
        len(inner) == 1 and a == first and b > a and list(rest) == [last] and nisba_shaped(tokens[last].norm)
    )
