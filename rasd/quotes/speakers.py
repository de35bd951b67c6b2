"""Who speaks: the subject before the cue (وكان مسؤول في البيت الأبيض قال) or after it (قال المتحدث…), linked
to ``doc.entities``; anonymous sources with their affiliation; dropped subjects and pronouns resolved to an
antecedent; the role at that point; the addressee (قال للرئيس الروسي، أبلغ بايدن)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from ..data import read_tsv
from ..document import Entity
from ..text.normalize import normalize, normalize_word
from .agreement import agrees, agrees_strictly, can_speak, verb_agreement
from .context import Context
from .cues import CueHit
from .records import QuoteRec as Quote
from .records import SpeakerRec as Speaker
from .records import speaker_words
from .spans import (
    abbreviation_end,
    affiliation_pp,
    after_rank,
    bare_name,
    ends_body,
    honorific_name,
    is_body,
    is_title,
    issued_by,
    name_after_pp,
    possessed,
    resumptive,
    speaker_head,
    straddling_name,
    tail_name,
)

_OBJECT_MA = frozenset({"ما", "مما", "بما"})  # "what" before a verb: its object (ما وصفته، ندد بما وصفه)
MAX_PRE = 10  # words between a clause start and its verb that can still be the subject
# tokens of a speaker phrase: a long title (المتحدثة باسم مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) في
# بورتسودان) can hold fifteen before the name
MAX_NP = 18


def pre_subject(ctx: Context, hit: CueHit, a: int) -> tuple[str, int, int] | None:
    """The subject written before the verb: ("np", lo, hi), ("pronoun", j, j+1), or None."""
    if (
        ctx.norms[hit.i][:1] in "وف"
        and ctx.toks[hit.i].forms[-1][0] > 0
        and not (ctx.norms[a] == "اما" and _fronted(ctx, hit.i, a))
    ):
        return None  # وقال: a verb joined by و follows its subject only in the clause before, if at all
    j = hit.i - 1
    norms = ctx.norms
    if j >= a and norms[j] in _OBJECT_MA:
        return None  # دانت الوزيرة ما وصفته بـ"…": the verb's subject is dropped, ما is its object
    end = hit.i
    while j >= a and (norms[j] in ("قد", "لقد") or (norms[j] == "فقد" and _fronted(ctx, j, a))):
        # وكان الوزير قد أكد: قد belongs to the verb; أما X فقد رأى: so does the ف answering أما
        j -= 1
        end = j + 1
    if (
        j > a and norms[j] in _COMMA and (k := _aside_before(ctx, j, a)) is not None
    ):  # والمعارضة، من جهتها، ترى: the subject before the aside
        j, end = k - 1, k
    infos = ctx.info
    while j >= a and hit.i - j <= MAX_PRE:
        info = infos[j]
        if info.plain and not info.comp:  # a word none of the tests below stops at
            j -= 1
            continue
        t = ctx.toks[j]
        if t.kind == "punct" and norms[j] not in "()":
            break
        if "pronoun" in info.roles:
            return ("pronoun", j, j + 1) if j == end - 1 else _np(ctx, j + 1, end)
        if info.comp or "opener" in info.roles or ctx.verb_at.get(j) is not None:
            break
        j -= 1
    else:
        if j >= a:  # no clause boundary close enough: not a subject
            return None
    if norms[j + 1] == "اما":  # أما النائب X فقد رأى: the topic after أما
        j += 1
    return _np(ctx, j + 1, end)


def _fronted(ctx: Context, i: int, a: int) -> bool:
    """Token ``i`` opens with the ف answering a topic fronted by أما at the sentence's start (أما النائب X
    فرأى / فقد رأى): the topic is the subject."""
    if ctx.norms[i][:1] != "ف" or ctx.norms[a] != "اما" or i - a > MAX_PRE:
        return False
    t = ctx.toks[i]  # ف read off as a clitic, and no name of its own (أما وزير خارجية فرنسا فقال)
    if ctx.norms[i] in _ANSWERS:
        return True
    return any(k == 1 for k, _ in t.forms) and not ctx.mentions_in(t.start, t.end)


_ANSWERS = frozenset({"فقد", "فان", "فانه", "فانها"})  # أما X فقد… / فإن…: too short for the clitic reading


_COMMA = ("،", ",")
MAX_ASIDE = 3  # words of an aside set off by commas between a subject and its verb (من جهتها، هو الآخر)


def _aside_before(ctx: Context, j: int, a: int) -> int | None:
    """Token ``j`` (right before the verb) closes an aside set off by commas whose last word carries a pronoun
    (…، من جهتها، / …، بدوره،): the index of the comma opening it, when a word stands before that comma."""
    norms = ctx.norms
    if j <= a or norms[j] not in ("،", ","):
        return None
    for k in range(j - 1, max(a, j - MAX_ASIDE - 1), -1):
        if norms[k] in ("،", ","):
            last = ctx.toks[j - 1].text
            if k < j - 1 and k > a and last.endswith(_POSSESSIVES) and ctx.toks[k - 1].kind == "word":
                return k
            return None
        if ctx.toks[k].kind != "word":
            return None
    return None


def _np(ctx: Context, lo: int, hi: int) -> tuple[str, int, int] | None:
    if lo >= hi or "stop" in ctx.info[lo].roles or "block" in ctx.info[lo].roles:
        return None
    if ctx.toks[lo].kind != "word":
        return None
    if _joined_verb(ctx, lo) or (
        any("preposition" in ctx.info[k].roles for k in range(lo + 1, hi)) and not _names_someone(ctx, lo, hi)
    ):
        return None  # …هجمات على سفن تجارية يقولون إنها، وأصدرا بيانا أكدا فيه: an object, not a subject
    return ("np", lo, hi)


def _joined_verb(ctx: Context, lo: int) -> bool:
    """Token ``lo`` is و/ف + an indefinite word (وأصدرا): a verb joined to the clause before, not a subject."""
    tok = ctx.toks[lo]
    k, stem = tok.forms[-1]
    if ctx.norms[lo][:1] not in "وف" or k != 1 or stem.startswith("ال"):
        return False
    return not _names_someone(ctx, lo, lo + 1)


def _names_someone(ctx: Context, lo: int, hi: int) -> bool:
    """Tokens ``[lo, hi)`` hold a mention or a known last name, or open with a title or an unnamed source."""
    toks = ctx.toks
    if ctx.mentions_in(toks[lo].start, toks[hi - 1].end):
        return True
    if any(ctx.person_token(k) is not None for k in range(lo, hi)):
        return True
    head = _strip_al(ctx.norms[lo])
    return is_title(ctx, lo) or head in ctx.lex.anonymous or ctx.norms[lo] in ctx.lex.anonymous


def speaker_entity(ctx: Context, e: Entity) -> tuple[str, str | None]:
    """The entity that speaks for a mention: a city stands for its country's government (موسكو → Russia)."""
    if e.type == "LOC" and e.kind not in (None, "country") and e.country:
        country = ctx.by_kb.get(e.country)
        return (country.id if country else e.id), e.country
    return e.id, None


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def from_range(
    ctx: Context, lo: int, hi: int, appos: tuple[int, int] | None, quotes: list[Quote], orgs: dict[str, str]
) -> tuple[Speaker, str | None]:
    """A speaker from the noun phrase in tokens ``[lo, hi)``; also returns the organization in its role
    (the White House for "المتحدثة باسم البيت الأبيض جين ساكي"), used to resolve "البيان" later."""
    toks, lex = ctx.toks, ctx.lex
    # hi = max(lo + 1, min(hi, lo + MAX_NP, len(toks))), without the calls
    if hi > lo + MAX_NP:
        hi = lo + MAX_NP
    if hi > len(toks):
        hi = len(toks)
    if hi <= lo:
        hi = lo + 1
    if hi - lo == 1 and (group := _counted_group(ctx, lo)) is not None:
        lo, hi = group  # وتظاهر العشرات | من | الطلاب، مطالبين…: the students speak, not "dozens"
    start, end = toks[lo].start, toks[hi - 1].end
    ms = ctx.mentions_in(start, end)
    if ctx.norms[lo][:1] in "وف" and _conjunction_first(ctx, lo, ms):
        start += 1  # والمعارضة، من جهتها، ترى…: the subject opens the clause after و
    role = ctx.text[toks[appos[0]].start : toks[appos[1] - 1].end] if appos else None
    head = ctx.norms[lo]
    if head.startswith("ال") and len(head) > 4:  # _strip_al, inlined
        head = head[2:]
    org = None  # the first body or place named before the (last) person
    if ms:  # most phrases hold no mention or one: no comprehension for those
        per = [m for m in ms if m[2].type == "PER"]
        for m in ms:
            if m[2].type in ("ORG", "LOC", "MISC") and (not per or m[0] < per[-1][0]):
                org = m[2].id
                break
    else:
        per = []
    if hi - lo >= 3 and (hon := _after_honorific(ctx, lo, hi, per)) is not None:
        return hon, org
    if "عن" in ctx.norms[lo + 1 : min(hi, lo + 4)]:  # few phrases hold عن: the cheap test first
        issuer = _issuer(ctx, lo, hi, quotes, orgs)
        if issuer is not None:  # بيان صادر عن الرئاسة: the presidency speaks
            return issuer
    if per and "office" in ctx.info[lo].roles and per[0][0] > start:
        # نفى مكتب رئيس الوزراء الإسرائيلي بنيامين نتنياهو: the office speaks, not the person it serves
        office_end = min(end, per[0][1])
        at = next((m for m in ms if m[0] == start and m[2].type == "ORG"), None)
        return _speaker(ctx, start, office_end, entity=at[2].id if at else None, role=role), org
    if not per and appos and ctx.norms[lo] in lex.titles:
        # المديرة القطرية للبنك في اليمن، دينا أبو غيدا،: the name stands in apposition after the title
        a0, a1 = toks[appos[0]].start, toks[appos[1] - 1].end
        names = [m for m in ctx.mentions_in(a0, a1) if m[2].type == "PER"]
        if names or (appos[1] - appos[0] <= 3 and not ctx.norms[appos[0]].startswith("ال")):
            n0, n1 = (names[0][0], names[0][1]) if names else (a0, a1)
            eid = speaker_entity(ctx, names[0][2])[0] if names else None
            return _speaker(ctx, n0, n1, entity=eid, role=ctx.text[start:end]), org
    if ctx.norms[lo] in lex.titles and (not per or _title_word(ctx, per[-1][0])):
        # وزير الخارجية السعودي: a title alone names whoever holds it in this article
        holder = ctx.by_role.get(normalize_word(ctx.text[start:end]))
        if holder is not None and holder.type == "PER":
            eid, aff = speaker_entity(ctx, holder)
            return _speaker(ctx, start, end, entity=eid, role=ctx.text[start:end], affiliation=aff), org
    if per and _owned_by(ctx, lo, per[-1]):
        # مسؤول في مكتب نتنياهو: an unnamed official of the office the person heads, affiliated with him
        aff = speaker_entity(ctx, per[-1][2])[0]
        return _speaker(ctx, start, end, anonymous=True, affiliation=aff, role=role), aff
    if per:
        ms_, me, ent = per[_joint_first(ctx, per)]
        ms_, me = max(ms_, start), min(me, end)  # a mention running past the phrase (… لقناة) is clipped
        p = ctx.tok_at(ms_)  # the mention's first token
        if p - 1 > lo and toks[p - 1].start < ms_ < toks[p - 1].end:
            p -= 1
            ms_ = toks[p].start  # ليني كينزلي: the name's first letter is no preposition ل
        family = None
        if " " not in ctx.text[ms_:me] or _compound_given(ctx.text[ms_:me]):  # the cheap test first
            q = ctx.tok_at(me)
            if q == hi - 1 and p > lo and _unmarked_family_name(ctx, q):
                # المتحدثة باسم الصندوق جولي | كوزاك: the family name the entities layer left out
                me, family = toks[q].end, ctx.norms[q]
            ent = _fuller_person(ctx, ent, ms_)
            if p - 1 > lo and _definite_first_name(ctx, p - 1):
                p -= 1
                ms_ = toks[p].start  # مندوب السودان الحارث إدريس: the name has two words
        given = _given_name_before(ctx, p - 1) if p - 1 > lo else None
        if given is not None:  # وزير الري محمد | عبد العاطي: the entities layer left the given name out
            ms_ = toks[p - 1].start
        pre = ctx.text[start:ms_].strip(" ،,")
        eid, aff = speaker_entity(ctx, ent)
        if ent.kb_id and given is not None and given not in normalize_word(ent.name).split():
            eid, aff = None, None  # the person linked to the family name alone has another given name
        elif family is not None and family not in normalize_word(ent.name).split():
            eid, aff = None, None  # the person linked to the given name alone has another family name
        role = pre or role or _known_role(ctx, ent, ms_)
        return _speaker(ctx, ms_, me, entity=eid, role=role, affiliation=aff), org
    kind = lex.anonymous.get(head) or lex.anonymous.get(ctx.norms[lo])
    if kind is None and head.endswith("ا"):  # مصدراً أمنياً: the accusative of مصدر
        kind = lex.anonymous.get(head[:-1])
    if kind is None and head[:1] == "ل":  # وفقا لمصادر محلية: ل read off
        kind = lex.anonymous.get(_strip_al("ا" + head[1:]) if head.startswith("لل") else head[1:])
    if hi - lo <= 2 and ctx.norms[lo].startswith("ال") and ctx.norms[lo] in lex.titles and not ms:
        # المدرب، الوزير: the holder of that title spoken of before
        holder = _title_holder(ctx, head, start, quotes, tuple(ctx.norms[lo + 1 : hi]))
        if holder is not None:
            return _speaker(ctx, start, end, entity=holder, role=ctx.text[start:end]), org
    name_lo = _title_end(ctx, lo, hi)
    named = ctx.norms[lo].startswith("ال") and lo < name_lo < hi  # المتحدثة باسم البيت الأبيض جين ساكي
    same = hi - lo == 2 and ctx.norms[lo + 1] in _SAME  # المصدر نفسه، المصادر ذاتها: the one quoted before
    if (
        kind in ("person", "group")
        and not named
        and (hi - lo == 1 or same)
        and ctx.norms[lo].startswith("ال")
    ):
        earlier = _earlier_source(ctx, head, quotes)
        if earlier is not None:  # وأضاف المصدر: the source described before speaks again
            return as_implicit(earlier), earlier.affiliation
    if kind in ("person", "group") and not named:
        aff = None
        if ms:
            aff = speaker_entity(ctx, ms[0][2])[0]
        elif ctx.norms[lo].startswith("ال"):  # المسؤول الأميركي: the official met before
            aff = _earlier_anonymous(ctx, head, quotes)
        return _speaker(ctx, start, end, anonymous=True, affiliation=aff, role=role), aff
    if (head,) in lex.channels and not ms and _genitive_owner(ctx, lo, hi):
        # بيانات الجهاز المركزي للإحصاء، تقرير للبنك الدولي: the document names its owner; it speaks for it
        # بيان للوزارة: the ministry named before
        owner = _named_before(ctx, lo + 1, start) if hi - lo == 2 else None
        if owner is not None:
            return _speaker(ctx, start, end, entity=owner, role=role), owner
        return _speaker(ctx, start, end, role=role), None
    if (head,) in lex.channels and not ms:  # البيان الأميركي: whoever issued the statement reported before
        channel = lex.channels[(head,)]
        for q in reversed(quotes):
            if q.channel == channel and q.speaker is not None:
                eid = orgs.get(q.id) or q.speaker.entity
                if eid is None:  # an issuer the entities layer did not mark: it speaks again, implicitly
                    return as_implicit(q.speaker), None
                return _speaker(ctx, start, end, entity=eid), eid
        # أكدت الوزارة في بيان رفضها… . وجاء في البيان: the subject met last issued it
        sp = next((sp for sp in reversed(ctx.recent) if sp.start < start), None)
        if sp is not None:
            if sp.entity:
                return _speaker(ctx, start, end, entity=sp.entity), sp.entity
            if sp.anonymous or can_speak(ctx, sp):
                return as_implicit(sp), None
        return _speaker(ctx, start, end), None  # an issuer we cannot tell: the statement itself
    if kind == "document" and hi - lo == 1 and ctx.norms[lo].startswith("ال") and not ms:
        adopter = _adopter(ctx, head, lo)
        if adopter is not None:  # تبنى مجلس الأمن قرارا… . ويطالب القرار: the council speaks through it
            return _speaker(ctx, start, end, entity=adopter, role=role), adopter
    if not ms:
        for j in range(lo, hi):
            ent = ctx.person_token(j)
            if ent is not None:
                t = toks[j]
                pre = ctx.text[start : t.start].strip(" ،,")
                return _speaker(
                    ctx, t.start, t.end, entity=ent.id, role=pre or role or _known_role(ctx, ent, start)
                ), org
    if ms and not per and is_title(ctx, lo):
        last = ctx.tok_at(ms[-1][1])
        if last < hi and toks[last].text == "(" and (c := abbreviation_end(ctx, last, hi)):
            last, inner = c, 0  # … في الأردن (المفوضية) | رولا أمين: the body's short name, then the person
        else:
            # جامعة الكويت مشاري الرشيد as one mention; جامعة القديس يوسف كريم | بيطار across its end
            inner = tail_name(ctx, ms[-1], hi) if last == hi else straddling_name(ctx, ms[-1], hi)
        if lo < inner or (lo < last < hi and bare_name(ctx, last, hi) == hi):
            # أستاذة الاقتصاد في جامعة القاهرة | منى الجرف: a name the entities layer did not mark
            last = inner or last
            name_start = toks[last].start
            ent = ctx.by_name.get(normalize_word(ctx.text[name_start:end]))
            return _speaker(
                ctx,
                name_start,
                end,
                entity=speaker_entity(ctx, ent)[0] if ent else None,
                role=ctx.text[start:name_start].strip(),
                affiliation=speaker_entity(ctx, ms[0][2])[0],
            ), org
    if ms and ctx.norms[lo] in lex.titles:
        # مدير إدارة الشرق الأوسط: a title naming a place or body is no name; they are its affiliation
        aff = speaker_entity(ctx, ms[0][2])[0]
        if lo + 1 < name_lo < hi and name_lo + 1 == hi and _definite_first_name(ctx, name_lo - 1):
            name_lo -= 1  # مندوب السودان | الحارث إدريس
        if (
            name_lo < hi and "preposition" not in ctx.info[name_lo].roles
        ):  # … لدائرة الخليج | في الوزارة: no name
            # الرئيس التنفيذي للشركة | أمين الناصر: a name after the title is the speaker's, whatever type
            # the entities layer gave it
            title = ctx.text[start : toks[name_lo].start].strip()
            at = next((m for m in ms if m[0] == toks[name_lo].start), None)
            if at is not None or not named_in(ctx, ms, toks[name_lo].start):
                eid = at[2].id if at is not None else None
                first = next((m for m in ms if m[0] < toks[name_lo].start), None)
                aff = speaker_entity(ctx, first[2])[0] if first else None
                return _speaker(ctx, toks[name_lo].start, end, entity=eid, role=title, affiliation=aff), org
        return _speaker(ctx, start, end, role=role or ctx.text[start:end], affiliation=aff), org
    if ms:
        first = ms[0]
        ent = first[2]
        if ent.type == "LOC" and first[0] > start and not is_body(ctx, lo):
            # شبكة أطباء السودان: a group the entities layer did not mark, named after a place; the place is
            # its affiliation, not the speaker
            return _speaker(ctx, start, end, role=role, affiliation=speaker_entity(ctx, ent)[0]), org
        if ent.type == "ORG" and ent.kb_id is None and first[0] == start:
            # اللجنة الدولية, marked on its own: the organization named in full before it
            words = tuple(normalize_word(ctx.text[first[0] : first[1]]).split())
            ent = (_shortened_org(ctx, words, start) if len(words) >= 2 else None) or ent
        eid, aff = speaker_entity(ctx, ent)
        return _speaker(ctx, start, end, entity=eid, role=role, affiliation=aff), org
    if hi - lo == 1 and ctx.norms[lo].startswith("ال"):  # الصندوق after صندوق النقد الدولي
        ent = same_head(ctx, ctx.norms[lo][2:], start)
        if ent is not None:
            return _speaker(ctx, start, end, entity=ent.id, role=role), org
        sp = ctx.recent_with_head(head, start)  # الوزارة after "نفت وزارة الدفاع الروسية"
        if sp is not None:
            if sp.entity:
                return _speaker(ctx, start, end, entity=sp.entity, role=role), org
            return as_implicit(sp), org
    # no entity: split a title from the name, and look the name up among the document's mentions
    s = name_lo if ms or not is_title(ctx, lo) else _unmarked_name(ctx, lo, hi, name_lo)
    if s < hi:
        name_start = toks[s].start if s > lo else start
        ent = ctx.by_name.get(normalize_word(ctx.text[name_start:end]))
        if ent is None and s == lo and hi - lo >= 2:
            ent = _shortened_org(ctx, tuple(ctx.norms[lo:hi]), start)  # اللجنة الدولية (للصليب الأحمر)
        title = ctx.text[start:name_start].strip() or None
        eid = speaker_entity(ctx, ent)[0] if ent else None
        return _speaker(ctx, name_start, end, entity=eid, role=title or role), None
    ent = ctx.by_role.get(normalize_word(ctx.text[start:end])) or ctx.by_name.get(
        normalize_word(ctx.text[start:end])
    )
    return _speaker(ctx, start, end, entity=ent.id if ent else None, role=role), None


MAX_GROUP = 5  # words of the group a count is of (من أنصار المجلس الوطني الكردي)


def _counted_group(ctx: Context, q: int) -> tuple[int, int] | None:
    """Tokens of the group after a count and من (العشرات من المحتجين): up to punctuation or a stop word."""
    norms, n = ctx.norms, len(ctx.toks)
    if norms[q] not in ctx.lex.words["quantifier"] or q + 2 >= n or norms[q + 1] != "من":
        return None
    hi = q + 2
    while (
        hi < n and hi - q - 2 < MAX_GROUP and ctx.toks[hi].kind == "word" and "stop" not in ctx.info[hi].roles
    ):
        hi += 1
    return (q + 2, hi) if hi > q + 2 else None


MAX_ADOPTER_BACK = 400  # tokens looked back for the document's first mention


def _adopter(ctx: Context, head: str, lo: int) -> str | None:
    """The body that issued or adopted the document ``head`` (قرار) now its subject at token ``lo``: the first
    organization named before the nearest earlier mention of the document in its sentence that has one (تبنى
    مجلس المحافظين قرارا… . ويطالب القرار…). None without one."""
    toks = ctx.toks
    for k in range(lo - 1, max(-1, lo - MAX_ADOPTER_BACK), -1):
        if not any(stem in (head, head + "ا") for _k, stem in toks[k].forms):
            continue
        s0 = ctx.sent_starts[bisect_right(ctx.sent_starts, toks[k].start) - 1]
        org = next((m for m in ctx.mentions_in(s0, toks[k].start) if m[2].type == "ORG"), None)
        if org is not None:  # أيد القرار 20 عضوا: a mention with no body before it, look further back
            return speaker_entity(ctx, org[2])[0]
    return None


def _conjunction_first(ctx: Context, lo: int, ms: list) -> bool:
    """The phrase's first token carries the conjunction و/ف before its subject: a mention starts right after
    it (وطهران), or a definite word follows it (والمعارضة; no word opens with وال but والي، والد)."""
    t = ctx.toks[lo]
    norm = ctx.norms[lo]
    if norm[:1] not in "وف" or t.kind != "word" or len(t.text) < 3:
        return False
    if any(m[0] == t.start + 1 for m in ms):
        return True
    return norm[1:3] == "ال" and len(norm) > 5 and not norm.startswith(("والد", "والي"))


def _after_honorific(ctx: Context, lo: int, hi: int, per: list) -> Speaker | None:
    """A title, its body and an honorific, then the name up to the phrase's end (الباحثة في معهد … في القدس
    السيدة | تمار هيرمان): the name speaks, linked to a person's mention inside it or of the same name,
    even when the entities layer marked only part of it or none."""
    honorifics = ctx.lex.words["honorific"]
    norms = ctx.norms
    if honorifics.isdisjoint(norms[lo + 1 : hi - 1]):  # most phrases: one C-level test
        return None
    if not (is_title(ctx, lo) or ctx.lex.anonymous.get(_strip_al(norms[lo])) == "person"):
        return None
    toks = ctx.toks
    k = next(k for k in range(lo + 1, hi - 1) if norms[k] in honorifics)
    if not ends_body(ctx, k) or honorific_name(ctx, k + 1, hi) != hi:
        return None
    name_start, end = toks[after_rank(ctx, k + 1, hi)].start, toks[hi - 1].end
    if any(m[0] == name_start and m[1] == end for m in per):
        return None  # the entities layer has the name as written: the usual split reads it
    inside = [m for m in per if m[0] >= name_start]
    ent = inside[0][2] if inside else ctx.by_name.get(normalize_word(ctx.text[name_start:end]))
    first = next((m for m in ctx.mentions_in(toks[lo].start, toks[k].start) if m[2].type != "PER"), None)
    return _speaker(
        ctx,
        name_start,
        end,
        entity=speaker_entity(ctx, ent)[0] if ent else None,
        role=ctx.text[toks[lo].start : name_start].strip(),
        affiliation=speaker_entity(ctx, first[2])[0] if first else None,
    )


_NISBA = ("ي", "يه", "يون", "يين", "يان")


def _definite_first_name(ctx: Context, k: int) -> bool:
    """Token ``k``, right before a one-word person, is the first word of the name (الحارث إدريس): a plain
    definite word outside any mention, no nisba or title's adjective (الأميركي، الدائم), after a place's or
    body's name (مندوب السودان |)."""
    norm = ctx.norms[k]
    if not norm.startswith("ال") or norm.endswith(_NISBA) or not ctx.info[k].plain or norm in ctx.lex.titles:
        return False
    t, p = ctx.toks[k], ctx.toks[k - 1]
    if ctx.mentions_in(t.start, t.end):
        return False
    return any(m[1] == p.end and m[2].type != "PER" for m in ctx.mentions_in(p.start, p.end))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names (rasd/data/given_names.tsv, kind "given"), normalized."""
    return frozenset(normalize(r["name"]) for r in read_tsv("given_names.tsv") if r.get("kind") == "given")


def _compound_given(text: str) -> bool:
    """A two-word mention that is one compound given name (عبد الرحمن، عبد الله): its family name may follow."""
    if not text.startswith("عبد"):  # the cheap test first: most names are not one
        return False
    words = normalize_word(text).split()
    return len(words) == 2 and words[0] == "عبد"


def _unmarked_family_name(ctx: Context, q: int) -> bool:
    """Token ``q``, right after a one-word person and ending the speaker's phrase, is a plain word with no
    article or accusative ending (مجددا، أيضا) that no mention covers: the rest of the name (جولي | كوزاك)."""
    t = ctx.toks[q]
    return (
        t.kind == "word"
        and ctx.info[q].plain
        and not ctx.norms[q].startswith("ال")
        and not ctx.norms[q].endswith("ا")
        and ctx.norms[q] not in ctx.lex.titles
        and not ctx.mentions_in(t.start, t.end)
    )


def _given_name_before(ctx: Context, k: int) -> str | None:
    """Token ``k``, right before a person's mention, is a given name the mention left out (وزير الري محمد |
    عبد العاطي، رئيس الوفد هادي | هيج): no article, outside any mention or a one-word person of its own.
    Returns its normalized form."""
    norm = ctx.norms[k]
    if ctx.toks[k].kind != "word" or norm not in _given_names():
        return None
    t = ctx.toks[k]
    ms = ctx.mentions_in(t.start, t.end)
    if ms and not (len(ms) == 1 and ms[0][2].type == "PER" and (ms[0][0], ms[0][1]) == (t.start, t.end)):
        return None
    return norm


def _fuller_person(ctx: Context, ent: Entity, before: int) -> Entity:
    """A person known only by one word (عباس) stands for the person named in full before with that last word
    (علي محمود عباس), whatever other person the entities layer linked the lone word to."""
    # named in full before this point: the lone word is that person (a full name only later does not count:
    # فقي before موسى فقي محمد is still the أحمد معلم فقي named earlier)
    if ent.type != "PER" or any(" " in m.text.strip() and m.start < before for m in ent.mentions):
        return ent
    key = normalize_word(ent.mentions[0].text) if ent.mentions else ""
    for e in ctx.doc.entities:
        if e is not ent and e.type == "PER":
            for m in e.mentions:
                words = normalize_word(m.text).split() if m.start < before else ()
                if len(words) > 1 and words[-1] == key:
                    return e
    return ent


def _unmarked_name(ctx: Context, lo: int, hi: int, name_lo: int) -> int:
    """Where a name nobody marked starts after a title and its definite phrase (الباحث في الشؤون الأمنية |
    سامر الحلبي): the last two or three plain words of ``[lo, hi)`` after a word with the article; else
    ``name_lo``."""
    for k in (hi - 2, hi - 3):
        if (
            k > lo + 1
            and ctx.norms[k - 1].startswith("ال")
            and not ctx.norms[k].startswith("ال")
            and ctx.info[k].plain
            and bare_name(ctx, k, hi) == hi
        ):
            return k
    return name_lo


def _issuer(
    ctx: Context, lo: int, hi: int, quotes: list[Quote], orgs: dict[str, str]
) -> tuple[Speaker, str | None] | None:
    """The issuer of a document named with "صادر عن" (بلاغ صادر عن الديوان الملكي، بيان صادر عن مكتبه): its
    mention, or a definite phrase; an office with a pronoun (مكتبه) is that of the speaker quoted last."""
    norms = ctx.norms
    k = next((k for k in range(lo + 1, min(hi, lo + 4)) if norms[k] == "عن" and issued_by(ctx, k)), None)
    if k is None or k + 1 >= hi:
        return None
    head = _strip_al(norms[lo])
    if (head,) not in ctx.lex.channels and ctx.lex.anonymous.get(head) != "document":
        return None
    toks, s = ctx.toks, k + 1
    m = next((m for m in ctx.mentions_in(toks[s].start, toks[s].end) if m[0] == toks[s].start), None)
    if m is not None:
        e = max(s + 1, min(hi, ctx.tok_at(m[1])))
    else:
        e = s + 1
        while e < hi and e - s < 4 and ctx.norms[e].startswith("ال") and ctx.info[e].plain:
            e += 1
    if m is None and _owned_office(ctx, s):  # مكتبه، مكتبه الإعلامي
        owner = _sentence_person(ctx, lo)
        if owner is not None:  # استقبل رئيس الوزراء X …، وفق ما أفاد بيان صادر عن مكتبه: X's office
            return owner, None
        for q in reversed(quotes):  # وفق بيان صادر عن مكتبه: the one whose office it is, quoted just before
            if q.speaker is not None:
                return as_implicit(q.speaker), orgs.get(q.id)
        return None
    return from_range(ctx, s, e, None, quotes, orgs)


_POSSESSIVES = ("هما", "هم", "ها", "ه")


def _sentence_person(ctx: Context, lo: int) -> Speaker | None:
    """The first person named in the sentence before token ``lo``, as an implicit speaker."""
    starts = ctx.sent_starts
    k = bisect_right(starts, ctx.toks[lo].start) - 1
    if k < 0:
        return None
    m = next((m for m in ctx.mentions_in(starts[k], ctx.toks[lo].start) if m[2].type == "PER"), None)
    if m is None:
        return None
    eid, aff = speaker_entity(ctx, m[2])
    return _speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True)


def _owned_office(ctx: Context, s: int) -> bool:
    """Token ``s`` is an office or body with a possessive pronoun as written (مكتبه، حكومتها)."""
    text, norm = ctx.toks[s].text, ctx.norms[s]
    p = next((p for p in _POSSESSIVES if text.endswith(p)), None)
    if p is None:
        return False
    stem = norm[: -len(p)]
    if stem.endswith("ت"):  # حكومتها: the ة of حكومة (normalized ه) is written ت before a pronoun
        stem = stem[:-1] + "ه"
    return stem in ctx.lex.words["office"] or stem in ctx.lex.words["body"]


def _named_before(ctx: Context, j: int, before: int) -> str | None:
    """Entity id of the body a bare definite noun (الوزارة، للوزارة) refers back to: the last organization
    named before ``before`` whose name starts with that noun, or the last subject met with that head."""
    norm = ctx.norms[j]
    head = norm[2:] if norm.startswith(("ال", "لل")) else None
    if not head:
        return None
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
        if sp.entity and words and _strip_al(words[0]) == head and sp.start < before:
            return sp.entity
    return None


def _genitive_owner(ctx: Context, lo: int, hi: int) -> bool:
    """A document head followed by its owner in the genitive (بيانات الجهاز…، بيان للخارجية): a definite noun
    that is no adjective of the document (البيان الأميركي، البيان الختامي are adjectives: nisba ي، ي)."""
    if hi - lo < 2 or ctx.norms[lo].startswith("ال"):
        return False
    nxt = ctx.norms[lo + 1]
    if nxt.startswith("لل"):
        return True
    # المنتدى, المستشفى end in alif maqsura, which normalizes to the nisba's ي
    return nxt.startswith("ال") and (not nxt.endswith(("ي", "يه")) or ctx.toks[lo + 1].text[-1] == "ى")


def _owned_by(ctx: Context, lo: int, mention: tuple) -> bool:
    """The phrase at ``lo`` is an unnamed source and the person is the owner of a body or office named just
    before him (مسؤول في مكتب نتنياهو، مصدر في حزب X)."""
    if ctx.norms[lo].startswith("ال"):
        return False  # الناطق باسم الحكومة X: after a definite title the name is in apposition, the speaker
    head = _strip_al(ctx.norms[lo])
    if ctx.lex.anonymous.get(head) not in ("person", "group"):
        return False
    k = ctx.tok_at(mention[0]) - 1
    if k > lo and possessed(ctx, k):
        return True
    # مسؤول في مكتب رئيس مجلس القيادة الرئاسي X: an indefinite source with its affiliation is never named;
    # the person closes the affiliation's chain
    return any(affiliation_pp(ctx, lo, j) for j in (lo + 1, lo + 2) if j < k)


def _joint_first(ctx: Context, per: list) -> int:
    """Index of the person who speaks in a phrase naming several: the first of a coordination (الصفدي
    ونظيره المصري عبد العاطي), else the last (the name after its titles)."""
    if len(per) > 1:
        for j in range(ctx.tok_at(per[0][1]), ctx.tok_at(per[-1][0])):
            if ctx.norms[j].startswith("و") and ctx.toks[j].kind == "word":
                return 0
    return len(per) - 1


@lru_cache(maxsize=50_000)
def _role_words(role: str) -> tuple[str, ...]:
    """The normalized words of a role, without the article (cached: every quote's role is read again for
    each later title)."""
    return tuple(_strip_al(w) for w in normalize_word(role).split())


def _title_holder(
    ctx: Context, head: str, before: int, quotes: list[Quote], extra: tuple[str, ...] = ()
) -> str | None:
    """Entity id of the speaker or person last given a title starting with ``head`` (المدرب → مدرب المنتخب
    المغربي وليد الركراكي)."""

    def fits(role: str) -> bool:  # الوزير السوري is not وزير الخارجية التركي: the other words must agree
        words = _role_words(role)
        return bool(words) and words[0] == head and all(_strip_al(w) in words for w in extra)

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
            if ok or (not extra and _titled_before(ctx, mentions[k][0], head)):
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
        if _strip_al(ctx.norms[k]) == head:
            return True
    return False


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


def _shortened_org(ctx: Context, words: tuple[str, ...], before: int) -> Entity | None:
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


def _title_word(ctx: Context, offset: int) -> bool:
    """A "person" mention starting with ال (الخارجية السعودي) is the rest of a title, not a name."""
    j = ctx.tok_at(offset)
    return j < len(ctx.toks) and ctx.norms[j].startswith("ال")


def _title_end(ctx: Context, lo: int, hi: int) -> int:
    """Where the name starts after a leading title (الناطق باسم الكرملين | دميتري بيسكوف); ``lo`` if none."""
    if ctx.norms[lo] not in ctx.lex.titles:
        return lo
    s = lo + 1
    while (
        s < hi
        and (
            ctx.norms[s].startswith(("ال", "لل"))
            or ctx.norms[s] in ("باسم", "العام", "عام")
            # لكرة القدم، لشؤون اللاجئين: ل + a noun whose own complement is definite
            or (ctx.norms[s][:1] == "ل" and s + 1 < hi and ctx.norms[s + 1].startswith("ال"))
        )
    ):
        if ctx.norms[s] == "باسم" or ctx.norms[s].startswith("لل"):
            # باسم مديرية الأمن العام: the body spoken for is a whole construct, up to its definite word
            k = s + 1
            while k < hi and k - s <= 3 and not ctx.norms[k].startswith("ال") and ctx.toks[k].kind == "word":
                k += 1
            if ctx.norms[s] == "باسم" and k < hi and k - s <= 3:
                s = k
        s += 1
    return s


def named_in(ctx: Context, ms: list, offset: int) -> bool:
    """A mention starts at or after ``offset``: the words there are a body's or place's name, not a person's."""
    return any(m[0] >= offset for m in ms)


def _known_role(ctx: Context, e: Entity, before: int) -> str | None:
    """The entity's role as last written before this point (not a relation such as نظيره), else from the KB."""
    roles = ctx.known_roles.get(id(e))
    if roles is None:  # each entity's roles are read once per document: (start, full title, text), KB role
        text_roles = tuple(
            (r.span.start, " " in r.text.strip(), r.text)
            for r in e.roles
            if r.source == "text" and r.span is not None and not normalize_word(r.text).startswith("نظير")
        )
        kb = next((r.text for r in e.roles if r.source == "kb"), None)
        roles = ctx.known_roles[id(e)] = (text_roles, kb)
    seen = [x for x in roles[0] if x[0] < before]
    if seen:  # the last one written, preferring a full title (الرئيس الروسي) over a bare الرئيس
        full = [x for x in seen if x[1]] or seen
        return max(full, key=_START)[2]
    return roles[1]


_START = itemgetter(0)
_SAME = frozenset({"نفسه", "نفسها", "ذاته", "ذاتها", "نفسهم", "ذاتهم", "انفسهم", "انفسها"})


def _earlier_source(ctx: Context, head: str, quotes: list[Quote]) -> Speaker | None:
    """The last unnamed source quoted whose head is ``head`` (مصدر مطلع … for a later bare المصدر)."""
    for q in reversed(quotes):
        sp = q.speaker
        if sp is not None and sp.anonymous:
            words = speaker_words(sp)
            if words and _strip_al(words[0]) == head:
                return sp if len(words) > 1 else None  # a bare المصدر before tells no more
    return None


def _earlier_anonymous(ctx: Context, head: str, quotes: list[Quote]) -> str | None:
    for q in reversed(quotes):
        sp = q.speaker
        if sp is not None and sp.anonymous and sp.affiliation:
            words = speaker_words(sp)
            if words and _strip_al(words[0]) == head:
                return sp.affiliation
    return None


def _speaker(ctx: Context, start: int, end: int, **kw) -> Speaker:
    return Speaker(start=start, end=end, text=ctx.text[start:end], **kw)


def as_implicit(sp: Speaker) -> Speaker:
    if sp.implicit:
        return sp
    # built field by field: dataclasses.replace re-reads the class's fields on every call
    return Speaker(sp.start, sp.end, sp.text, sp.entity, sp.role, sp.anonymous, sp.affiliation, True)


def antecedent(
    ctx: Context,
    hit: CueHit,
    si: int,
    quotes: list[Quote],
    subjects: list[tuple[int, int, Speaker]],
    pronoun: bool = False,
    verb: tuple[str | None, str | None] | None = None,
) -> Speaker | None:
    """The speaker of a cue with no subject of its own (dropped, a pronoun, a participle): the first person
    of a statement it sits in, the last speaker or subject of its sentence, the subject of the clause it is
    joined to, else of the previous sentence. The first candidate that agrees with the verb in gender and
    number wins (وقالت needs a woman, أكدا two; ``verb`` gives another agreement, a pronoun's); with none
    agreeing, the first candidate."""
    verb = verb or verb_agreement(ctx, hit)
    first = None
    for sp, implicit in _candidates(ctx, hit, si, quotes, subjects, pronoun, verb):
        if sp is None:
            continue
        if agrees(ctx, verb, sp):
            return as_implicit(sp) if implicit else sp
        first = first or (as_implicit(sp) if implicit else sp)
    return first


def _candidates(
    ctx: Context,
    hit: CueHit,
    si: int,
    quotes: list[Quote],
    subjects: list[tuple[int, int, Speaker]],
    pronoun: bool,
    verb: tuple[str | None, str | None],
) -> Iterator[tuple[Speaker | None, bool]]:
    """Antecedent candidates of :func:`antecedent`, nearest and likeliest first, computed as asked for, with
    whether they still have to be marked implicit (done for the chosen one only)."""
    cue_start = ctx.toks[hit.i].start
    # quotes and subjects are recorded sentence by sentence: this sentence's are at the end of the lists
    sentence_quotes = _of_sentence(quotes, si)
    for q in reversed(sentence_quotes):  # inside a reported statement: its first person is the subject
        if q.content.start <= cue_start < q.content.end:
            per = [m for m in ctx.mentions_in(q.content.start, cue_start) if m[2].type == "PER"]
            if per:
                m = per[0]
                eid, aff = speaker_entity(ctx, m[2])
                yield _speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
            break
    if hit.kind == "participle" and (aside := _aside_subject(ctx, hit, quotes)) is not None:
        yield aside, False  # …، وهو ما نفاه المردة، مؤكدا…: the aside's subject goes on speaking
    if resumptive(ctx, hit.j, len(ctx.toks)):
        # …، وهو ما نفته أبوظبي في بيان، وصفت فيه…: the statement is the nearest verb's; its subject speaks
        near = [sp for _s, off, sp in _subjects_of(subjects, si) if off < cue_start]
        if near:
            yield near[-1], True
    outside = [
        q
        for q in sentence_quotes
        if q.speaker is not None and not q.content.start <= cue_start < q.content.end
    ]
    for q in reversed(outside):
        yield q.speaker, True
    for _s, off, sp in reversed(_subjects_of(subjects, si)):
        if off < cue_start:
            yield sp, True
    s = ctx.doc.sentences[si]
    a = ctx.tok_at(s.start)
    if resumptive(ctx, hit.j, len(ctx.toks)):  # تلقى X اتصالا من Y، أكد خلاله…: the nearest person first
        for m in reversed(ctx.mentions_in(s.start, cue_start)):
            if m[2].type == "PER" and m[1] <= cue_start and not _called(ctx, m[0], a):
                eid, aff = speaker_entity(ctx, m[2])
                yield _speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
    if hit.kind == "participle":  # رحبت غرفة التجارة بالزيارة، معتبرة…: the subject of the main verb
        k = last_contrast(ctx, a, hit.i)
        if k is not None:  # …، فيما هاجم المندوب X الدول…، متهما إياها: the subject of the nearer clause
            sp = clause_subject(ctx, k + 1, hit.i, quotes)
            if sp is not None and can_speak(ctx, sp):
                yield sp, False
        yield clause_subject(ctx, a, hit.i, quotes), False
    elif hit.i > a + 1:  # اتهم الوزير باريس بالمماطلة، وقال…: the subject of the clause it is joined to
        sp = clause_subject(ctx, a, hit.i, quotes, strict=True)
        if sp is not None and can_speak(ctx, sp):
            yield sp, False
    if pronoun or hit.kind == "participle":  # وتتهم موسكو كييف…، وهي تؤكد: the first name of the sentence
        yield _first_name(ctx, s.start, cue_start), False
    if hit.i > a + 1:  # the people named before it in the sentence, nearest first
        for m in reversed(ctx.mentions_in(s.start, cue_start)):
            if m[2].type == "PER" and m[1] <= cue_start:
                eid, aff = speaker_entity(ctx, m[2])
                yield _speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
    sentences, blocks = ctx.doc.sentences, ctx.doc.blocks
    k = si - 1
    while k >= 0 and blocks[sentences[k].block].kind == "heading":
        k -= 1
    if k < 0:
        return
    for q in _of_sentence(quotes, k):
        if q.speaker is not None and q.parent is None:
            yield q.speaker, True
    for _s, _off, sp in _subjects_of(subjects, k):
        yield sp, True
    first = _first_name(ctx, sentences[k].start, sentences[k].end)
    if verb[0] is not None and first is not None and agrees_strictly(ctx, verb, first):
        yield first, False
    elif (
        verb[0] is not None
    ):  # وقالت فون دير لاين… . وأضاف روته… . وأكدت: the woman quoted two sentences back
        block = sentences[k].block
        for k2 in (k - 1, k - 2):
            if k2 < 0 or sentences[k2].block != block:
                break
            for q in _of_sentence(quotes, k2):
                if q.speaker is not None and q.parent is None and agrees_strictly(ctx, verb, q.speaker):
                    yield q.speaker, True
    yield first, False


_ASIDE_PRONOUNS = frozenset({"وهو", "وهي", "هو", "هي", "وهذا", "هذا"})
_SUBJECT_ENDS = frozenset({"stop", "preposition"})
MAX_ASIDE_SUBJECT = 8  # words of "ما نفاه X" between ما and the comma before the participle


def _aside_subject(ctx: Context, hit: CueHit, quotes: list[Quote]) -> Speaker | None:
    """The subject of a writer's aside "وهو ما نفاه X" closed by the comma right before the participle."""
    p = hit.i - 1
    norms = ctx.norms
    if p < 3 or norms[p] not in ("،", ","):
        return None
    for k in range(p - 2, max(0, p - MAX_ASIDE_SUBJECT) - 1, -1):
        if norms[k] in ("،", ",", "."):
            return None
        if norms[k] == "ما" and norms[k - 1] in _ASIDE_PRONOUNS and ctx.toks[k + 1].kind == "word":
            hi = k + 2
            while hi < p and not ctx.info[hi].roles & _SUBJECT_ENDS and not ctx.info[hi].chan:
                hi += 1  # وهو ما نفاه الحزب | في بيان
            return as_implicit(from_range(ctx, k + 2, hi, None, quotes, {})[0]) if hi > k + 2 else None
    return None


_WITH = frozenset({"مع", "ب"})


def _called(ctx: Context, offset: int, a: int) -> bool:
    """The person at ``offset`` is the one called or met (اتصالا بنظيره X، لقائه مع الرئيس X): the call's
    maker, the clause's subject, is who spoke during it (أكد خلاله), not this person."""
    p = ctx.tok_at(offset)
    if ctx.toks[p].start < offset and ctx.text[ctx.toks[p].start] == "ب":
        return True  # ببايدن: the preposition is the name's clitic
    for k in range(p - 1, max(a, p - 4) - 1, -1):
        norm = ctx.norms[k]
        if norm in ("،", ","):
            return False
        if norm in _WITH or (norm[:1] == "ب" and (norm[1:3] == "ال" or norm[1:].startswith("نظير"))):
            return True
    return False


def _of_sentence(quotes: list[Quote], si: int) -> list[Quote]:
    """The quotes of sentence ``si``, in order, read from the end of a list ordered by sentence."""
    k = len(quotes)
    while k > 0 and quotes[k - 1].sentence > si:
        k -= 1
    j = k
    while j > 0 and quotes[j - 1].sentence == si:
        j -= 1
    return quotes[j:k]


def _subjects_of(subjects: list[tuple[int, int, Speaker]], si: int) -> list[tuple[int, int, Speaker]]:
    """The subjects recorded in sentence ``si``, in order, read from the end of a list ordered by sentence."""
    k = len(subjects)
    while k > 0 and subjects[k - 1][0] > si:
        k -= 1
    j = k
    while j > 0 and subjects[j - 1][0] == si:
        j -= 1
    return subjects[j:k]


def last_contrast(ctx: Context, a: int, i: int) -> int | None:
    """The last فيما/بينما before token ``i`` in the sentence that opens a clause of its own (a verb follows)."""
    for k in range(i - 2, a, -1):
        if "contrast" in ctx.info[k].roles and ctx.toks[k + 1].kind == "word":
            return k
    return None


_KANA = frozenset({"كان", "كانت", "كانوا"})


def clause_subject(
    ctx: Context, a: int, cue: int, quotes: list[Quote], strict: bool = False
) -> Speaker | None:
    """The subject after the verb opening the sentence (after a leading "بدورها،"): its noun phrase up to a
    preposition, a ل or ب phrase or punctuation. A topic fronted with أما (أما X، فقد رحبت…) is the subject.
    ``strict``: only a phrase that opens with a name, a title or an unnamed source."""
    if ctx.norms[a] == "اما":
        for k in range(a + 2, min(cue, a + 14)):
            if ctx.norms[k] in ("،", ",") or _fronted(ctx, k, a):  # أما X، فقد… / أما X فقد رفضت…
                return as_implicit(from_range(ctx, a + 1, k, None, quotes, {})[0])
    start = a
    for k in range(a, min(cue, a + 4)):
        if ctx.norms[k] in ("،", ","):
            start = k + 1
            break
    lo = start + 1  # the verb
    if strict and not speaker_head(ctx, lo, cue):
        return None  # وناشد الدول الغربية…: with its own subject dropped, the verb's object follows it
    hi = lo
    while hi < cue and hi - lo < 6:
        info = ctx.info[hi]
        tok = ctx.toks[hi]
        if (
            tok.kind != "word"
            or info.roles & {"stop", "np_start", "demonstrative"}
            or info.lpp
            or hi in ctx.verb_at
            or info.comp
            or ctx.norms[hi] in _OBJECT_MA  # دانت الوزيرة | ما وصفته: the object's relative
        ):
            break
        if hi > lo and ctx.norms[hi][:1] == "ب" and len(ctx.norms[hi]) > 3 and ctx.norms[hi] != "باسم":
            break  # رحبت الغرفة بالزيارة (but المتحدث باسم…)
        if hi > lo and _accusative(ctx, hi):
            break  # وألقى الرئيس خطابا: the object, in the accusative
        if hi > lo and info.chan:
            break  # وختم رئيس البرلمان | كلمته بالقول: a channel word is the object, no name
        hi += 1
    if hi == lo or ("opener" in ctx.info[start].roles and ctx.toks[start].forms[-1][1] not in _KANA):
        return None  # لكن، بينما… open no verb-first clause; كان does (وكان الرئيس X قد عقد…)
    if lo < hi < cue and (k := name_after_pp(ctx, lo, hi, cue)):
        hi = k  # ورحب المبعوث الأممي إلى اليمن هانس غروندبرغ بالمحادثات: the name after the title's phrase
    hi = _title_name_end(ctx, lo, hi, cue)
    ms = ctx.mentions_in(ctx.toks[lo].start, ctx.toks[hi - 1].end)
    if ms and (ms[0][0] <= ctx.toks[lo].start or (is_body(ctx, lo) and ms[0][0] <= ctx.toks[lo + 1].start)):
        # الاتحاد الأوروبي | الهجوم، حركة حماس | إسرائيل: the object follows the name
        hi = max(lo + 1, min(hi, ctx.tok_at(ms[0][1])))
    sp, _org = from_range(ctx, lo, hi, None, quotes, {})
    return as_implicit(sp)


def _accusative(ctx: Context, j: int) -> bool:
    """An indefinite noun with the accusative alif (خطابا، بيانا، اتصالا) that no mention covers: an object."""
    norm = ctx.norms[j]
    if len(norm) < 5 or not norm.endswith("ا") or norm.startswith("ال"):
        return False
    t = ctx.toks[j]
    return not ctx.mentions_in(t.start, t.end)


def _title_name_end(ctx: Context, lo: int, hi: int, limit: int) -> int:
    """A title's genitive chain can run past the first words (الأمين العام لمجلس التعاون لدول الخليج العربية
    جاسم البديوي): when ``[lo, hi)`` opens with a title and holds no person, the end of a person's mention
    reached over definite or ل words only; else ``hi``."""
    toks, norms = ctx.toks, ctx.norms
    across = [m for m in ctx.mentions_in(toks[hi - 1].start, toks[hi - 1].end) if m[1] > toks[hi - 1].end]
    if across and across[0][2].type == "PER":  # ولي العهد السعودي الأمير محمد بن | سلمان: the name runs on
        return max(hi, ctx.tok_at(across[0][1]))
    if not is_title(ctx, lo) or any(
        m[2].type == "PER" for m in ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    ):
        return hi
    j = hi
    while j < min(limit, lo + 14) and toks[j].kind == "word":
        ms = [m for m in ctx.mentions_in(toks[j].start, toks[j].end) if m[0] >= toks[j].start]
        if any(m[2].type == "PER" for m in ms):
            return ctx.tok_at(next(m[1] for m in ms if m[2].type == "PER"))
        info = ctx.info[j]
        if info.roles or info.comp or j in ctx.verb_at or not norms[j].startswith(("ال", "ل")):
            break
        j += 1
    return hi


def _first_name(ctx: Context, start: int, end: int) -> Speaker | None:
    """The first person or organization named in ``[start, end)``, as an implicit speaker."""
    first = next((m for m in ctx.mentions_in(start, end) if m[2].type in ("PER", "ORG")), None)
    if first is None:
        first = next((m for m in ctx.mentions_in(start, end) if m[2].type == "LOC"), None)
    for j in range(ctx.tok_at(start), ctx.tok_at(first[0] if first else end)):
        ent = ctx.person_token(j)  # a person's bare last name the entities layer did not mark
        if ent is not None:
            t = ctx.toks[j]
            return _speaker(ctx, t.start, t.end, entity=ent.id, implicit=True)
    if first is not None:
        eid, aff = speaker_entity(ctx, first[2])
        return _speaker(ctx, first[0], first[1], entity=eid, affiliation=aff, implicit=True)
    for j in range(ctx.tok_at(start), ctx.tok_at(end)):  # no names at all: the first title (وبحث الوزير…)
        if ctx.norms[j] in ctx.lex.titles:
            k = _title_end(ctx, j, min(len(ctx.toks), j + 6))
            t0, t1 = ctx.toks[j].start, ctx.toks[k - 1].end
            holder = ctx.by_role.get(normalize_word(ctx.text[t0:t1]))
            return _speaker(ctx, t0, t1, entity=holder.id if holder else None, implicit=True)
    return None


def addressee(ctx: Context, lo: int, hi: int) -> str | None:
    """Entity id of the addressee phrase in tokens ``[lo, hi)`` (ل read off: للرئيس الروسي → الرئيس الروسي)."""
    toks = ctx.toks
    start, end = toks[lo].start, toks[hi - 1].end
    first = ctx.norms[lo]
    stem = first[1:] if first.startswith("ل") else first
    if (stem,) in ctx.lex.channels or ctx.lex.anonymous.get(stem) in ("medium", "document", "data"):
        return None  # لقناة، لوكالة: a channel spoken through, not a person spoken to
    ms = ctx.mentions_in(start, end)
    if ms:
        per = [m for m in ms if m[2].type == "PER"]
        return speaker_entity(ctx, (per or ms)[0][2])[0]
    norm = normalize_word(ctx.text[start:end])
    for cand in (norm, "ا" + norm[1:] if norm.startswith("لل") else norm[1:]):
        ent = ctx.by_role.get(cand) or ctx.by_name.get(cand)
        if ent is not None:
            return ent.id
    return None
