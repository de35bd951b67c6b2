"""What the article has told so far, for expressions that refer back to it: the month last named
(``27 من الشهر نفسه``), the days told (a clock time with no day of its own, ``ذلك اليوم``, ``اليوم`` inside a
quotation), and where the quotations are.

- A day told in a sentence before counts for a clock time with no day in its own sentence when it lies within
  ``RECENT_DAYS`` of the publication date (the day of the events reported; an anniversary or a background date
  further back is skipped); ``الساعة الخامسة مساء`` after ``مساء الخميس 18 نيسان`` is that Thursday. A day
  told in a relative clause (``أعلنت الهيئة مساء الاثنين نتائج الانتخابات التي جرت الأحد 6 أكتوبر``) describes
  a noun, not the events reported: it is skipped too (the clock time there is Monday's).
- ``اليوم`` (``الليلة``, ``هذا الصباح``) inside a quotation is the day the words were said: a day written in the same
  sentence outside the quotation (``قال أمس: "… اليوم …"``), else the last day told before, not after the
  publication date and within ``RECENT_DAYS`` of it, else the publication date.
- ``ذلك اليوم``/``هذا اليوم`` is the last day told in the same paragraph, at most two sentences back; with
  none, it is not reported. ``اليوم نفسه``/``في نفس اليوم`` names the last day told, in whichever paragraph. ``اليوم التالي``/``اليوم السابق`` are the day after/before that day (with none,
  counted from the publication date).
``أمس``/``غدا`` inside a quotation are left counted from the publication date: reporters often restate them
for the reader, while an ``اليوم`` left in a quotation of an earlier day is the speaker's own word.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..document import Document
from .anchor import Anchor

RECENT_DAYS = 7  # how far from the publication date the day of the reported events may lie
ANAPHOR_SENTENCES = 2  # how many sentences back ذلك اليوم may point
MAX_QUOTE = 1500  # characters: a longer "quotation" is an unclosed mark, not a quotation

# quotation marks: «…», “…”, and straight quotes taken in pairs
_OPEN_CLOSE = {"«": "»", "“": "”"}
_MARKS = regex.compile('[«»“”"]')


@dataclass
class Story:
    anchor: Anchor | None
    month: tuple[int, int] | None = None  # (year, month) of the last month-precise date named
    # (doc offset, block, sentence index, day) of the days told, in text order
    days: list[tuple[int, int, int, dt.date]] = field(default_factory=list)
    # the offsets of days told inside a relative clause (الانتخابات التي جرت الأحد 6 أكتوبر): background
    background: set[int] = field(default_factory=set)
    # the offsets of days told as the day of writing (اليوم الأربعاء; see day_of_clock)
    today: set[int] = field(default_factory=set)
    # whether a paragraph opens with وكان … قد (the pluperfect: what it tells came before the events reported);
    # asked through older(), which reads each paragraph once
    opens_in_pluperfect: Callable[[int], bool] | None = None
    _older: dict[int, bool] = field(default_factory=dict)

    def name_month(self, value: str | None) -> None:
        """Note a month-precise value (``2024-07``, ``2024-07-25``); others (``XXXX-07``, ``2024``) are not."""
        if (
            value
            and len(value) in (7, 10)
            and value[4] == "-"
            and value[:4].isdigit()
            and value[5:7].isdigit()
        ):
            self.month = (int(value[:4]), int(value[5:7]))

    def older(self, block: int) -> bool:
        """Whether paragraph ``block`` is background told in the pluperfect (read once per paragraph)."""
        if self.opens_in_pluperfect is None:
            return False
        known = self._older.get(block)
        if known is None:
            known = self._older[block] = self.opens_in_pluperfect(block)
        return known

    def tell_day(
        self,
        start: int,
        block: int,
        sentence: int,
        day: dt.date,
        background: bool = False,
        today: bool = False,
    ) -> None:
        self.days.append((start, block, sentence, day))
        if background:
            self.background.add(start)
        if today:
            self.today.add(start)

    def recent_day(self, before: int, past_only: bool = False) -> dt.date | None:
        """The last day told before offset ``before`` that lies near the publication date (see the module
        docstring); without a publication date, none."""
        a = self.anchor.date if self.anchor else None
        if a is None:
            return None
        for start, _, _, day in reversed(self.days):
            if start >= before or start in self.background:
                continue
            gap = (day - a).days
            if -RECENT_DAYS <= gap <= (0 if past_only else RECENT_DAYS):
                return day
        return None

    def day_of_clock(self, before: int) -> dt.date | None:
        """The day of a clock time whose sentence names none: as :meth:`recent_day`, but the days of a paragraph
        of background (opened by ``وكان … قد``) are passed over, and so is a day told as the day of writing
        (``اليوم الأربعاء``: when a toll was announced) when its paragraph told the day of the events before it
        (``شن الجيش مساء أمس الثلاثاء غارة … وفق حصيلة أعلنتها الوزارة اليوم الأربعاء`` then ``عند الساعة
        19:40``: Tuesday); with none, the publication date's."""
        a = self.anchor.date if self.anchor else None
        if a is None:
            return None

        def near(day: dt.date) -> bool:
            return -RECENT_DAYS <= (day - a).days <= RECENT_DAYS

        for i in range(len(self.days) - 1, -1, -1):
            start, block, _, day = self.days[i]
            if start >= before or start in self.background or not near(day) or self.older(block):
                continue
            if start in self.today:
                for s2, b2, _, d2 in reversed(self.days[:i]):
                    if b2 != block:
                        break
                    if s2 not in self.background and s2 not in self.today and near(d2):
                        return d2
            return day
        return None

    def last_day(self, before: int, block: int | None = None) -> dt.date | None:
        """The last day told before offset ``before``, however far back (اليوم نفسه names it outright), but
        not one of a pluperfect paragraph other than ``block`` (background told between the events)."""
        for start, b, _, day in reversed(self.days):
            if start < before and (b == block or not self.older(b)):
                return day
        return None

    def last_told(self, before: int) -> dt.date | None:
        """The last day told before offset ``before`` outside a relative clause, in whichever paragraph."""
        for start, _, _, day in reversed(self.days):
            if start < before and start not in self.background:
                return day
        return None

    def day_in_block(self, before: int, block: int, sentence: int) -> dt.date | None:
        """The last day told before offset ``before`` in the same paragraph, at most ``ANAPHOR_SENTENCES``
        sentences back (ذلك اليوم points to a day just told)."""
        for start, b, si, day in reversed(self.days):
            if start >= before:
                continue
            return day if b == block and sentence - si <= ANAPHOR_SENTENCES else None
        return None


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` (a block) inside quotation marks, as document offsets. Straight
    quotes do not say which side they open: with an odd number of them in the block, pairing them could turn
    the whole paragraph inside out, so they are not read at all."""
    block = text[start:end]
    straight = block.count('"') % 2 == 0
    out: list[tuple[int, int]] = []
    closer: str | None = None
    opened = 0
    for mark in _MARKS.finditer(block):  # the marks only: a paragraph holds few of them
        i, c = mark.start(), mark.group()
        if closer is None:
            if c in _OPEN_CLOSE:
                closer, opened = _OPEN_CLOSE[c], i + 1
            elif c == '"' and straight:
                closer, opened = '"', i + 1
        elif c == closer:
            if i - opened <= MAX_QUOTE:
                out.append((start + opened, start + i))
            closer = None
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span of ``spans`` (sorted, disjoint) holding ``[start, end)``, if any."""
    i = bisect_right(spans, (start, end)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return None


def entity_spans(doc: Document) -> list[tuple[int, int]]:
    """The entity layer's mention spans, sorted (a tense cue inside a name is no cue: ستيفان، فيصل)."""
    out = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    out.sort()
    return out


def names_in(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted) that start inside ``[start, end)``: a sentence's names, most often none or a few."""
    return spans[bisect_left(spans, (start,)) : bisect_left(spans, (end,))]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (a sentence's few names)."""
    for s, e in spans:
        if s < end and start < e:
            return True
    return False


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``spans`` and is shorter (a name holding a time word and more:
    سوق الجمعة; a span that is the time word alone may be the entity layer's mistake)."""
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)
