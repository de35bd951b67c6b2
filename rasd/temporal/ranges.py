"""Ranges: two values linked as start and end (``من 10 إلى 13 يناير``, ``بين عامي 2010 و2014``,
``من الساعة السادسة صباحا حتى منتصف الليل``). The rules build some pairs directly; here any two neighbouring
dates or times of the same type are linked when ``من/بين`` precedes the first and ``إلى/حتى/و/-`` joins them."""

from __future__ import annotations

from .patterns import RANGE_BEFORE, RANGE_BETWEEN
from .resolve import Value
from .rules import Mention


def link_ranges(norm: str, items: list[tuple[Mention, Value]]) -> None:
    for m, _ in items:
        if m.link_to is not None:
            m.link_to.link_from = m
    for (a, va), (b, vb) in zip(items, items[1:], strict=False):
        if a.link_to is not None or b.link_from is not None:
            continue
        if va.type != vb.type or va.type not in ("DATE", "TIME") or not (va.value and vb.value):
            continue
        if RANGE_BETWEEN.match(norm[a.nend : b.nstart]) and RANGE_BEFORE.search(
            norm, max(0, a.nstart - 10), a.nstart
        ):
            a.link_to = b
            b.link_from = a
