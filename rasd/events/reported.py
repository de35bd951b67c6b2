"""The day of the meeting an article reports: what was said and done at it takes that day.

A report published on the 15th of talks held "أمس الخميس" tells what the participants said, asked and charged
there: their undated statements, accusations and calls (متهما أنقرة، داعيا إلى، رفض) happened on the 14th, as
annotators date them — while others' reactions to it (a spokesman abroad, an envoy's tweet) are of the
publication day. Rule: a meeting (a CONSULT event: talks, a visit, a session, a conference) dated by its own
expression to a day shortly before publication makes its actors participants of that day; an undated act
(no time expression of its own, which ``attach`` would have given it) whose source is a participant — or a
person of a participant state — takes the day of the nearest such meeting before it (else the first after).
Present-tense verbs (ترفض، على أن يزور) state stances or plans and keep their date. An undated meeting whose two sides are both participants joins the day's meeting (استقبل X الوزير التركي
after the minister's talks with Iraqi officials) and brings its own actors; one of a participant with others
(بحث بلينكن مع نظرائه الأوروبيين after his call with Zelensky) is another meeting. Planned, hypothetical and denied events keep their dates; a
meeting told after an act (أبلغه في اتصال هاتفي أمس) does not date it. What a resolution asks (ويطلب القرار
من …) is dated by the resolution's adoption when that was dated (تبنى المجلس أمس قرارا يطالب …).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..document import Document
from .actors import person_states
from .triggers import Cand

NEWS_DAYS = 7  # a meeting at most this many days before publication is the article's news, not history
_CARRIED = {"occurred", "negated"}  # modalities of acts that took place (or were refused) that day


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _meeting(c: Cand, published: dt.date) -> bool:
    day = _day(c.date)
    return (
        c.trig.type == "CONSULT"
        and c.date_source == "timex"
        and c.modality == "occurred"
        and day is not None
        and 0 <= (published - day).days <= NEWS_DAYS
    )


def _participants(c: Cand, places: set[str]) -> set[str]:
    """The actors of a meeting; a visit's destination (زيارة إلى بيروت -> Lebanon) is where, not who."""
    if c.trig.mode != "visit":
        return set(c.actors)
    return set(c.source) | {e for e in c.target if e not in places}


def _imperfect(c: Cand) -> bool:
    """على أن يزور X أنقرة، ترفض: a present or future verb states a stance or a plan, not an act of that day."""
    return c.trig.pos == "verb" and not c.past and not c.participle


_RANGE_WORDS = frozenset({"الى", "إلى", "حتى", "-", "–", "و"})


def _range_end(doc: Document, timex: str | None, published: dt.date) -> tuple[str, str] | None:
    """The last day of a range a meeting's date opens (من 4 إلى 6 أبريل: the 6th), not after publication."""
    if timex is None:
        return None
    xs = sorted(doc.timexes, key=lambda x: x.start)
    for n, x in enumerate(xs[:-1]):
        if x.id != timex:
            continue
        y = xs[n + 1]
        end = _day((y.value or "")[:10]) if len(y.value or "") >= 10 else None
        if end is None or end > published or doc.text[x.end : y.start].strip() not in _RANGE_WORDS:
            return None
        start = _day((x.value or "")[:10])
        return (end.isoformat(), y.id) if start is not None and start < end else None
    return None


def carry_reported_day(doc: Document, cands: Sequence[Cand]) -> None:
    """Give undated acts of a meeting's participants the meeting's day (see the module docstring)."""
    published = _day((doc.published or "")[:10])
    if published is None:
        return
    found: list[Cand] = []  # the day's meetings, in document order
    undated: list[Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        if _meeting(c, published):
            found.append(c)
        elif (
            c.date_source == "published"
            and not c.heading
            and c.modality in _CARRIED
            and (c.document or not _imperfect(c))
        ):
            undated.append(c)
    if not undated or not found and not any(c.document for c in undated):
        return
    states = person_states(doc.entities)
    places = {e.id for e in doc.entities if e.type == "LOC"}
    # (meeting, its participants), in document order
    meetings: list[tuple[Cand, set[str]]] = [(c, _participants(c, places)) for c in found]
    documents = [c for c in cands if c.document and c.date_source == "timex"]
    for c in undated:
        if c.document:
            # ويطلب القرار من …: what a resolution asks is dated by its adoption (قرارا … يطالب, dated)
            prior = [d for d in documents if d.start < c.start]
            if prior:
                c.date, c.date_source, c.timex = prior[-1].date, "timex", prior[-1].timex
                continue
        meeting = c.trig.type == "CONSULT" and c.modality == "occurred"

        def takes_part(e: str, people: set[str]) -> bool:
            return e in people or states.get(e) in people

        def fits(people: set[str], c: Cand = c, meeting: bool = meeting) -> bool:
            if not any(takes_part(e, people) for e in c.source):
                return False
            # an undated meeting of the day's participants, each side (استقبل السوداني الوزير التركي), not one
            # of them with others (بحث بلينكن مع نظرائه الأوروبيين after his call with Zelensky)
            return not meeting or not c.target or any(takes_part(e, people) for e in c.target)

        # (a visit's hosts go unnamed: the visitor's meetings there belong to its day, عقد الرئيسان جلسة)
        before = [
            m
            for m in meetings
            if m[0].start < c.start and (fits(m[1]) or m[0].trig.mode == "visit" and fits(m[1], c, False))
        ]
        if not before:
            continue  # (a meeting told later, أبلغه في اتصال هاتفي أمس, is background to what comes first)
        chosen = before[-1]
        m = chosen[0]
        c.date, c.date_source, c.timex = m.date, "timex", m.timex
        last = _range_end(doc, m.timex, published)
        if last is not None and not meeting:
            # talks held من 4 إلى 6 أبريل: what was said at them is of their last day, when they ended
            c.date, c.timex = last
        if meeting:
            meetings.append((c, chosen[1] | _participants(c, places)))
            meetings.sort(key=lambda p: p[0].start)
