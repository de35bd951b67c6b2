"""Bare heads that refer back to something named before: الصندوق → صندوق النقد الدولي (``same_head``),
اللجنة الدولية → اللجنة الدولية للصليب الأحمر, الوزير → the last holder of that title, المصدر → the unnamed
source quoted before, بيان للوزارة → the ministry named before, مسؤول في مكتب X → X's office."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..document import Entity
from ..text.normalize import normalize_word
from .context import Context
from .records import QuoteRec as Quote
from .records import SpeakerRec as Speaker
from .records import speaker_words
from .speaker_heads import affiliation_pp, possessed
from .speaker_links import strip_al


def named_before(ctx: Context, j: int, before: int) -> str | None:
    """Entity id of the body a bare definite noun (الوزارة، للوزارة) refers back to: the last organization
    named before ``before`` whose name starts with that noun, or the last subject met with that head."""
    norm = ctx.norms[j]
    head = norm[2:] if norm.startswith(("ال", "لل")) else None
    if not head:
        return None
    if norm.startswith("لل") and len(norm) > 4:
        # للجنة is ل + اللجنة (one lam written less): try the noun لجنة before جنة
        found = _named_before(ctx, norm[1:], before)
        if found is not None:
            return found
    return _named_before(ctx, head, before)


def _named_before(ctx: Context, head: str, before: int) -> str | None:
    # فرضت وزارة الخزانة عقوبات على … ووزارة الاستخبارات، وفق بيان للوزارة: the subject, named first
    sents = ctx.doc.sentences
    k = bisect_right(ctx.sent_starts, before) - 1
    if k >= 0:
        for m in ctx.mentions_in(sents[k].start, before):
            first = _first_word(m[2].name) if m[2].type == "ORG" else None
            if first is not None and first in (head, "ال" + head):
                return m[2].id
    ent = same_head(ctx, head, before)
    if ent is not None:
        return ent.id
    for sp in reversed(ctx.recent):
        words = speaker_words(sp)
        if sp.entity and words and strip_al(words[0]) == head and sp.start < before:
            return sp.entity
    return None


def genitive_owner(ctx: Context, lo: int, hi: int) -> bool:
    """A document head followed by its owner in the genitive (بيانات الجهاز…، بيان للخارجية): a definite noun
    that is no adjective of the document (البيان الأميركي، البيان الختامي are adjectives: nisba ي، ي)."""
    if hi - lo < 2 or ctx.norms[lo].startswith("ال"):
        return False
    nxt = ctx.norms[lo + 1]
    if nxt.startswith("لل"):
        return True
    # المنتدى, المستشفى end in alif maqsura, which normalizes to the nisba's ي
    return nxt.startswith("ال") and (not nxt.endswith(("ي", "يه")) or ctx.toks[lo + 1].text[-1] == "ى")


def owned_by(ctx: Context, lo: int, mention: tuple) -> bool:
    """The phrase at ``lo`` is an unnamed source and the person is the owner of a body or office named just
    before him (مسؤول في مكتب نتنياهو، مصدر في حزب X)."""
    if ctx.norms[lo].startswith("ال"):
        return False  # الناطق باسم الحكومة X: after a definite title the name is in apposition, the speaker
    head = strip_al(ctx.norms[lo])
    if ctx.lex.anonymous.get(head) not in ("person", "group"):
        return False
    k = ctx.tok_at(mention[0]) - 1
    if k > lo and possessed(ctx, k):
        return True
    # مسؤول في مكتب رئيس مجلس القيادة الرئاسي X: an indefinite source with its affiliation is never named;
    # the person closes the affiliation's chain
    return any(affiliation_pp(ctx, lo, j) for j in (lo + 1, lo + 2) if j < k)


@lru_cache(maxsize=50_000)
def _role_words(role: str) -> tuple[str, ...]:
    """The normalized words of a role, without the article (cached: every quote's role is read again for
    each later title)."""
    return tuple(strip_al(w) for w in normalize_word(role).split())


def title_holder(
    ctx: Context, head: str, before: int, quotes: list[Quote], extra: tuple[str, ...] = ()
) -> str | None:
    """Entity id of the speaker or person last given a title starting with ``head`` (المدرب → مدرب المنتخب
    المغربي وليد الركراكي)."""

    def fits(role: str) -> bool:  # الوزير السوري is not وزير الخارجية التركي: the other words must agree
        words = _role_words(role)
        return bool(words) and words[0] == head and all(strip_al(w) in words for w in extra)

    for q in reversed(quotes):
        sp = q.speaker
        if sp is not None and sp.entity and sp.role and fits(sp.role):
            return sp.entity
    mentions = ctx.mentions
    seen: dict[int, bool] = {}  # id(entity) -> has a fitting role: each person's roles are read once
    for k in range(bisect_left(ctx.mention_starts, before) - 1, -1, -1):  # the mentions before, last first
        e = mentions[k][2]
        if e.type == "PER":
            ok = seen.get(id(e))
            if ok is None:
                ok = seen[id(e)] = any(r.source == "text" and fits(r.text) for r in e.roles)
            if (
                ok
                or (not extra and _titled_before(ctx, mentions[k][0], head))
                or _titled_after(ctx, mentions[k][1], head, extra)
            ):
                return e.id
    return None


@lru_cache(maxsize=50_000)
def _first_word(name: str) -> str | None:
    """The first normalized word of an entity's name (cached by the name: every look-back reads them all)."""
    words = normalize_word(name).split()
    return words[0] if words else None


def _titled_before(ctx: Context, start: int, head: str) -> bool:
    """A word with head ``head`` stands among the few words right before the mention at ``start`` (أمير
    الكويت الشيخ | مشعل…: the entities layer kept only the honorific as the person's role)."""
    p = ctx.tok_at(start)
    for k in range(p - 1, max(-1, p - 5), -1):
        if ctx.toks[k].kind != "word":
            return False
        if strip_al(ctx.norms[k]) == head:
            return True
    return False


def _titled_after(ctx: Context, end: int, head: str, extra: tuple[str, ...]) -> bool:
    """The title (``head`` and ``extra``, normalized) follows the mention ending at ``end`` word for word, as an
    apposition (الأمير محمد بن سلمان ولي العهد: the entities layer kept no role after the name)."""
    p = ctx.tok_at(end)
    words = (head, *(strip_al(w) for w in extra))
    if p + len(words) > len(ctx.toks) or ctx.toks[p].start < end:
        return False
    return all(strip_al(ctx.norms[p + i]) == w for i, w in enumerate(words))


def same_head(ctx: Context, head: str, before: int) -> Entity | None:
    """The last organization named before ``before`` whose name starts with ``head`` (الصندوق → صندوق النقد)."""
    best = None
    for m in ctx.mentions:
        if m[0] >= before:
            break
        if m[2].type == "ORG":
            first = _first_word(m[2].name)
            if first is not None and (first == head or first == "ال" + head):
                best = m[2]
    return best


def shortened_org(ctx: Context, words: tuple[str, ...], before: int) -> Entity | None:
    """The last organization named in full before ``before`` whose name opens with ``words`` (normalized, two
    or more): the article shortens it (اللجنة الدولية after اللجنة الدولية للصليب الأحمر)."""
    best = None
    n = len(words)
    for m in ctx.mentions:
        if m[0] >= before:
            break
        if m[2].type == "ORG":
            full = normalize_word(ctx.text[m[0] : m[1]]).split()
            if len(full) > n and tuple(full[:n]) == words:
                best = m[2]
    return best


def earlier_source(ctx: Context, head: str, quotes: list[Quote]) -> Speaker | None:
    """The last unnamed source quoted whose head is ``head`` (مصدر مطلع … for a later bare المصدر)."""
    for q in reversed(quotes):
        sp = q.speaker
        if sp is not None and sp.anonymous:
            words = speaker_words(sp)
            if words and strip_al(words[0]) == head:
                return sp if len(words) > 1 else None  # a bare المصدر before tells no more
    return None


def earlier_anonymous(ctx: Context, head: str, quotes: list[Quote]) -> str | None:
    for q in reversed(quotes):
        sp = q.speaker
        if sp is not None and sp.anonymous and sp.affiliation:
            words = speaker_words(sp)
            if words and strip_al(words[0]) == head:
                return sp.affiliation
    return None
