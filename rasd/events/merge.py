"""Event coreference: later mentions of the same event (الاتصال، مكالمتهما، المحادثات) fold into the first.

A later candidate joins the most recent earlier event with the same type and compatible mode, modality, date
and actors. Actors are compatible when one side's actors each match an actor of the other, a person matching
the country or organization it belongs to (Sherman ~ United States) and a seat or capital matching its country
(الكرملين ~ روسيا). The merged event keeps the first trigger and gains the later one's attributes, place, date
and, when they are more specific (people rather than countries), its actors.
"""

from __future__ import annotations

from ..document import Document
from .triggers import Cand


def _match(doc_ents, a: str, b: str) -> bool:
    if a == b:
        return True
    ka, ca = doc_ents.get(a, (None, None))
    kb_, cb = doc_ents.get(b, (None, None))
    if ka and kb_ and ka == kb_:
        return True
    return bool((ca and kb_ and ca == kb_) or (cb and ka and cb == ka))


_NOT_STATE = frozenset({"company", "party", "sports_club", "university", "ngo", "think_tank", "newspaper"})


def _covers(doc_ents, small: list[str], big: list[str]) -> bool:
    return all(any(_match(doc_ents, s, b) for b in big) for s in small)


def _compatible(doc_ents, a: Cand, b: Cand, any_mode: bool = False) -> bool:
    if a.trig.type != b.trig.type:
        return False
    if a.trig.mode != b.trig.mode and not any_mode:
        return False
    if a.modality != b.modality and b.modality_cue and a.modality_cue:
        return False
    if a.modality != b.modality and (a.modality not in ("occurred", "planned") or b.modality_cue):
        return False
    headline = a.heading or b.heading  # a headline restates the story's event without its date
    if not headline and b.date_source == "timex" and a.date != b.date:
        return False
    if a.date_source == "timex" and b.date_source == "timex" and a.date != b.date:
        return False
    if b.location and a.location and b.location != a.location:
        return False
    ab, bb = a.actors, b.actors
    if not ab or not bb:
        return True
    if a.source and b.source and not (a.symmetric or b.symmetric or "symmetric" in a.trig.flags):
        # بيسكوف اتهم …، زيلينسكي اتهم روسيا: one side's accuser is the other's accused, not the same act
        if not (_covers(doc_ents, b.source, a.source) or _covers(doc_ents, a.source, b.source)):
            return False
    return _covers(doc_ents, bb, ab) or _covers(doc_ents, ab, bb)


def _people(types: dict[str, str], ids: list[str]) -> int:
    return sum(1 for i in ids if types.get(i) == "PER")


def _fold(doc_ents, types, target: Cand, b: Cand) -> None:
    if target.heading and not b.heading and b.source:
        # a headline's wording is loose (فيتو أميركي يسقط مشروع قرار … لمنح فلسطين): the body says who did what
        # (unless it names only who undergoes it: الحزمة … من العقوبات على روسيا after the headline's subject)
        target.source, target.target = list(b.source), list(b.target)
    if target.heading and not b.heading:
        # the body's wording is the one to point at: trigger, sentence and quote move to it
        target.start, target.end, target.sent, target.i, target.j = b.start, b.end, b.sent, b.i, b.j
        target.heading, target.quote = False, b.quote
    for k, v in b.attributes.items():
        target.attributes.setdefault(k, v)
    target.location = target.location or b.location
    target.document = target.document or b.document  # (what a resolution asks: see reported.py)
    if target.date_source != "timex" and b.date_source == "timex":
        target.date, target.date_source, target.timex = b.date, b.date_source, b.timex
    ta, ba = target.actors, b.actors
    if ba and (
        # (people for states on every side: a participant named alone is no more specific than three states)
        (_people(types, ba) > _people(types, ta) and len(ba) >= len(ta))
        or (len(ba) > len(ta) and _covers(doc_ents, ta, ba))
        or not ta
    ):
        target.source, target.target = list(b.source), list(b.target)
    if target.modality == "occurred" and b.modality != "occurred" and not target.modality_cue:
        target.modality, target.modality_cue = b.modality, b.modality_cue


def _joined_in(b: Cand) -> bool:
    """A definite event noun governed by شارك (took part in the meeting): the event told before, not a new one."""
    if b.light is None or b.trig.pos != "noun":
        return False
    toks = b.sent.toks
    head = toks[b.i].token.forms[-1][1]
    verb = toks[b.light].token.forms[-1][1]
    return head.startswith("ال") and verb.lstrip("يت").startswith("شارك")


def merge(doc: Document, cands: list[Cand]) -> list[Cand]:
    """Fold repeated mentions: events with actors first (each into the latest compatible earlier one), then
    mentions without actors into the nearest compatible event (earlier preferred); the rest are dropped."""
    # a company, party or club is not its state (سوناطراك وإيني agreeing is not Algeria and Italy agreeing)
    doc_ents = {e.id: (e.kb_id, None if e.kind in _NOT_STATE else e.country) for e in doc.entities}
    types = {e.id: e.type for e in doc.entities}
    cands = _fold_unmoded(doc_ents, types, cands)
    kept: list[Cand] = []
    # _compatible() needs the same type and mode: look only among the kept events of b's (in the same order)
    by_kind: dict[tuple[str, str | None], list[Cand]] = {}
    bare: list[Cand] = []  # mentions without actors so far (جولة ثانية من المفاوضات، أمس)
    for b in cands:
        if not b.actors:
            bare.append(b)
            continue
        if b.date_source == "published" and doc.text.startswith("ال", b.start):
            # وعقدت الجولة، برئاسة X و Y: a definite noun names the round just mentioned, on its date
            mention = next(
                (a for a in reversed(bare) if a.trig.type == b.trig.type and a.trig.mode == b.trig.mode), None
            )
            if (
                mention is not None
                and mention.date_source == "timex"
                and mention.sent.index < b.sent.index
                and len(mention.date or "") >= 7  # a day or month, not "since 25 years"
            ):
                b.date, b.date_source, b.timex = mention.date, mention.date_source, mention.timex
        same = by_kind.setdefault((b.trig.type, b.trig.mode), [])
        target = next((a for a in reversed(same) if _compatible(doc_ents, a, b)), None)
        if (
            target is None
            and b.trig.pos == "noun"
            and b.trig.type != "CONSULT"  # (talks, calls and visits keep their modes apart)
            and b.date_source == "published"
            and doc.text.startswith("ال", b.start)
        ):
            # استهدفت طائرة تركية …، ثم دان X القصف التركي: a definite noun of the type, undated, names the act
            # told before in other words
            target = next(
                (
                    a
                    for a in reversed(kept)
                    if a.trig.type == b.trig.type and _compatible(doc_ents, a, b, True)
                ),
                None,
            )
        if target is None and b.trig.type == "CONSULT" and b.trig.mode is None and b.trig.pos == "verb":
            # قمة جمعت X و Y و Z …، ناقش الزعماء الثلاثة: a general verb of consulting among exactly the
            # parties of a meeting, call or summit told before tells what they did at it
            target = next(
                (
                    a
                    for a in reversed(kept)
                    if a.trig.type == "CONSULT"
                    and a.trig.mode is not None
                    and set(a.actors) == set(b.actors)
                    and _compatible(doc_ents, a, b, True)
                ),
                None,
            )
        if target is None and _joined_in(b) and any(a.trig.type == b.trig.type for a in kept):
            continue  # فيما شارك X في الاجتماع عبر الهاتف: one more participant in the meeting just reported
        if target is None:
            kept.append(b)
            same.append(b)
        else:
            _fold(doc_ents, types, target, b)
    for b in cands:
        if b.actors:
            continue
        same = by_kind.get((b.trig.type, b.trig.mode), [])
        # a mention without actors refers back (الاتصال، مكالمتهما), or it is a headline announcing what follows
        earlier = [a for a in same if a.start < b.start and _compatible(doc_ents, a, b)]
        later = [a for a in same if a.start > b.start and _compatible(doc_ents, a, b)] if b.heading else []
        target = earlier[-1] if earlier else (later[0] if later else None)
        if target is not None:
            _fold(doc_ents, types, target, b)
        elif (
            b.trig.mode == "talks" and b.modality == "planned" and b.date_source == "timex" and not b.heading
        ):
            # الجولة الثانية ستعقد السبت المقبل: the next round of talks is between the same sides
            prior = [
                a
                for a in kept
                if a.start < b.start and a.trig.type == b.trig.type and a.trig.mode == b.trig.mode
            ]
            if prior:
                b.source, b.target = list(prior[-1].source), list(prior[-1].target)
                b.symmetric = prior[-1].symmetric
                at = next((n for n, a in enumerate(kept) if a.start > b.start), len(kept))
                kept.insert(at, b)
    # a headline event that found no body mention to fold into, while the body reports one of its type
    # (الحوثيون يتوعدون بالرد / توعد المتحدث العسكري باسم الحوثيين): the body's wording names who did it
    body_types = {a.trig.type for a in kept if not a.heading}
    return [a for a in kept if not (a.heading and a.trig.type in body_types)]


def _fold_unmoded(doc_ents, types, cands: list[Cand]) -> list[Cand]:
    """بحث X مع Y في اتصال هاتفي، التقى X بـ Y حيث بحث الجانبان، ضربات استهدفت …: a general verb of the same
    type and actors in the sentence of an event with a mode (a call, a meeting, strikes) tells that event (a
    noun names an act of its own: الغارات ردا على هجوم شنه …)."""
    if all(c.trig.mode is not None for c in cands):
        return cands
    out: list[Cand] = []
    moded: dict[tuple[int, str], list[Cand]] = {}
    for c in cands:
        if c.trig.mode is not None:  # also one without actors of its own (بحث X مع Y في اتصال هاتفي)
            moded.setdefault((c.sent.index, c.trig.type), []).append(c)
    for c in cands:
        if c.trig.mode is None and c.actors and not c.heading and c.trig.pos == "verb":
            a = next(
                (a for a in moded.get((c.sent.index, c.trig.type), ()) if _compatible(doc_ents, a, c, True)),
                None,
            )
            if a is not None:
                _fold(doc_ents, types, a, c)
                continue
        if c.trig.mode is None and not c.source and c.target and c.trig.pos == "verb":
            # ضربات جوية استهدفت X: a verb right after an event noun of its type is its relative clause
            a = next((a for a in moded.get((c.sent.index, c.trig.type), ()) if 0 <= c.i - a.j <= 1), None)
            if a is not None:
                a.target = a.target + [e for e in c.target if e not in a.target and e not in a.source]
                continue
        out.append(c)
    return out
