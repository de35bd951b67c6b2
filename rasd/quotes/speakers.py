"""Who speaks: the speaker read off a noun phrase (``from_range``: قال المتحدث…، بيان صادر عن الرئاسة،
العشرات من الطلاب), linked to ``doc.entities``, with an unnamed source's affiliation and the organization in its
role; and the addressee (قال للرئيس الروسي). The subject before the verb is in ``subject_before``, dropped
subjects and pronouns resolved to an antecedent in ``antecedents``; the parts of a phrase in
``person_names``, ``back_references`` and ``speaker_links``."""

from __future__ import annotations

from bisect import bisect_right

from ..text.normalize import normalize_word
from .agreement import can_speak
from .back_references import (
    earlier_anonymous,
    earlier_source,
    genitive_owner,
    named_before,
    owned_by,
    same_head,
    shortened_org,
    title_holder,
)
from .context import Context
from .person_names import (
    compound_given,
    definite_first_name,
    fuller_person,
    given_name_before,
    joint_first,
    title_end,
    title_word,
    unmarked_family_name,
    unmarked_name,
)
from .phrase_words import phrase_words
from .records import QuoteRec as Quote
from .records import SpeakerRec as Speaker
from .speaker_heads import POSSESSIVES, bare_owner, is_body, is_title, issued_by
from .speaker_links import as_implicit, known_role, named_in, new_speaker, speaker_entity, strip_al
from .title_names import (
    abbreviation_end,
    after_rank,
    bare_name,
    ends_body,
    honorific_name,
    straddling_name,
    tail_name,
)

# tokens of a speaker phrase: a long title (المتحدثة باسم مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) في
# بورتسودان) can hold fifteen before the name
MAX_NP = 18


_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن"})


_ADVERBS = phrase_words()["adverb"]  # نفى مجدداً، بشدة: read once, at import
_OWNER_SUFFIXES = ("ه", "ها")  # as written: a final ة is no pronoun


def spokesman_of_pronoun(ctx: Context, lo: int, hi: int) -> bool:
    """The phrase at ``lo`` opens with a title speaking for a body named by a pronoun (الناطق باسمها)."""
    norms = ctx.norms
    return (lo + 1 < hi and norms[lo + 1][:4] == "باسم" and len(norms[lo + 1]) > 4) or (
        lo + 2 < hi and norms[lo + 2][:4] == "باسم" and len(norms[lo + 2]) > 4
    )


def _body_of_sentence(ctx: Context, start: int) -> str | None:
    """The first organization named in the sentence before offset ``start``: the issuer of an indefinite
    document (بيان ختامي) that names none."""
    s0 = ctx.sent_starts[bisect_right(ctx.sent_starts, start) - 1]
    m = next((m for m in ctx.mentions_in(s0, start) if m[2].type == "ORG" and m[1] <= start), None)
    return speaker_entity(ctx, m[2])[0] if m is not None else None


def _pronoun_office_owner(ctx: Context, lo: int) -> Speaker | None:
    """A lone office word with a pronoun (مكتبه، عائلتها: ``office`` in quote_words.tsv) speaks for the person
    the pronoun refers to: the nearest person named before it in its sentence, as an implicit speaker."""
    norm = ctx.norms[lo]
    suffix = next((p for p in ("ها", "ه") if norm.endswith(p)), None)
    if suffix is None or norm[: -len(suffix)] not in ctx.lex.words["office"]:
        return None
    start = ctx.toks[lo].start
    s0 = ctx.sent_starts[bisect_right(ctx.sent_starts, start) - 1]
    per = [m for m in ctx.mentions_in(s0, start) if m[2].type == "PER" and m[1] <= start]
    if not per:
        return None
    m = per[-1]
    eid, aff = speaker_entity(ctx, m[2])
    return new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True)


def spoken_for_end(ctx: Context, lo: int, hi: int) -> int | None:
    """A title speaking for a body named by a pronoun (الناطق باسمها، المتحدث باسمه) is complete: the index
    after it when the phrase ends there or goes on with a definite word that opens no name (the verb's
    object); None when a name follows (المتحدث باسمها X) or there is no such title."""
    norms = ctx.norms
    for k in range(lo + 1, min(hi, lo + 3)):
        n = norms[k]
        if n[:4] == "باسم" and n[4:] in _PRONOUN_SUFFIXES:
            if k + 1 >= hi:
                return k + 1
            nxt = norms[k + 1]
            if not nxt.startswith("ال") or nxt in ctx.lex.words["honorific"] or nxt in ctx.lex.titles:
                return None  # المتحدث باسمه العميد X: a rank or title opens the name
            t = ctx.toks[k + 1]
            return None if any(m[2].type == "PER" for m in ctx.mentions_in(t.start, t.end)) else k + 1
    return None


def _unknown_given_name(ctx: Context, k: int, ms_: int, me: int) -> bool:
    """Token ``k`` stands right before a one-word person's mention and reads as a given name the entities
    layer did not know: a plain word (no role, no article, no preposition), no nisba adjective (…ي), in no
    mention but perhaps as the last word of a body's long one that took it (جامعة برلين يوهانس | شولتس)."""
    if " " in ctx.text[ms_:me] or not ctx.info[k].plain:
        return False
    norm = ctx.norms[k]
    if norm.startswith("ال") or norm.endswith("ي") or norm in ctx.lex.titles or len(norm) < 3:
        return False
    t = ctx.toks[k]
    return all(
        m[2].type != "PER" and m[1] == t.end and ctx.text.count(" ", m[0], m[1]) >= 2
        for m in ctx.mentions_in(t.start, t.end)
    )


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
    if hi - lo > 2 and "ل" in ctx.norms[lo + 1 : hi]:
        k = ctx.norms.index("ل", lo + 1, hi)  # وزير الداخلية | لـ"النهار": the one spoken to
        if k + 1 < len(ctx.toks) and k + 1 in ctx.open_tok:
            hi = k
    if hi - lo > 2 and bare_owner(ctx, lo, hi):
        hi = lo + 2  # بحسب بيان للجنة | نشرته وكالة…: the rest is no part of the source
    if hi - lo == 1:
        if ctx.texts[lo].endswith(_OWNER_SUFFIXES) and (owner := _pronoun_office_owner(ctx, lo)) is not None:
            return owner, None  # …، وهو ما نفاه مكتبه: the office of the person named before speaks for him
    else:
        norms = ctx.norms
        if norms[hi - 1] in _ADVERBS:
            hi -= 1  # وهو ما نفته قطر | بشدة: how it was said, not part of the speaker
        if (norms[lo + 1][:4] == "باسم" or (hi - lo > 2 and norms[lo + 2][:4] == "باسم")) and (
            k := spoken_for_end(ctx, lo, hi)
        ) is not None:
            # وقال الناطق باسمها إن…، ووصف الناطق باسمها | الهجوم: the title is complete and names no one else
            return new_speaker(ctx, toks[lo].start, toks[k - 1].end), None
    if hi - lo == 1 and (group := _counted_group(ctx, lo)) is not None:
        lo, hi = group  # وتظاهر العشرات | من | الطلاب، مطالبين…: the students speak, not "dozens"
    start, end = toks[lo].start, toks[hi - 1].end
    ms = ctx.mentions_in(start, end)
    if ctx.norms[lo][:1] in "وف" and _conjunction_first(ctx, lo, ms):
        start += 1  # والمعارضة، من جهتها، ترى…: the subject opens the clause after و
    role = ctx.text[toks[appos[0]].start : toks[appos[1] - 1].end] if appos else None
    head = ctx.norms[lo]
    if head.startswith("ال") and len(head) > 4:  # strip_al, inlined
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
        return new_speaker(ctx, start, office_end, entity=at[2].id if at else None, role=role), org
    if not per and appos and ctx.norms[lo] in lex.titles:
        # المديرة القطرية للبنك في اليمن، دينا أبو غيدا،: the name stands in apposition after the title
        a0, a1 = toks[appos[0]].start, toks[appos[1] - 1].end
        names = [m for m in ctx.mentions_in(a0, a1) if m[2].type == "PER"]
        if names or (appos[1] - appos[0] <= 3 and not ctx.norms[appos[0]].startswith("ال")):
            n0, n1 = (names[0][0], names[0][1]) if names else (a0, a1)
            eid = speaker_entity(ctx, names[0][2])[0] if names else None
            return new_speaker(ctx, n0, n1, entity=eid, role=ctx.text[start:end]), org
    if ctx.norms[lo] in lex.titles and (not per or title_word(ctx, per[-1][0])):
        # وزير الخارجية السعودي: a title alone names whoever holds it in this article
        holder = ctx.by_role.get(normalize_word(ctx.text[start:end]))
        if holder is not None and holder.type == "PER":
            eid, aff = speaker_entity(ctx, holder)
            return new_speaker(ctx, start, end, entity=eid, role=ctx.text[start:end], affiliation=aff), org
    if per and owned_by(ctx, lo, per[-1]):
        # مسؤول في مكتب نتنياهو: an unnamed official of the office the person heads, affiliated with him
        aff = speaker_entity(ctx, per[-1][2])[0]
        return new_speaker(ctx, start, end, anonymous=True, affiliation=aff, role=role), aff
    if per:
        ms_, me, ent = per[joint_first(ctx, per)]
        ms_, me = max(ms_, start), min(me, end)  # a mention running past the phrase (… لقناة) is clipped
        p = ctx.tok_at(ms_)  # the mention's first token
        if p - 1 > lo and toks[p - 1].start < ms_ < toks[p - 1].end:
            p -= 1
            ms_ = toks[p].start  # ليني كينزلي: the name's first letter is no preposition ل
        family = None
        if " " not in ctx.text[ms_:me] or compound_given(ctx.text[ms_:me]):  # the cheap test first
            q = ctx.tok_at(me)
            if q == hi - 1 and p > lo and unmarked_family_name(ctx, q):
                # المتحدثة باسم الصندوق جولي | كوزاك: the family name the entities layer left out
                me, family = toks[q].end, ctx.norms[q]
            ent = fuller_person(ctx, ent, ms_)
            if p - 1 > lo and definite_first_name(ctx, p - 1):
                p -= 1
                ms_ = toks[p].start  # مندوب السودان الحارث إدريس: the name has two words
        given = given_name_before(ctx, p - 1) if p - 1 > lo else None
        if given is None and p - 1 > lo and ent.kb_id and _unknown_given_name(ctx, p - 1, ms_, me):
            # الباحث يوهانس | كلاين: a lone family name linked, its given name left out
            given = ctx.norms[p - 1]
        if given is not None:  # وزير الري محمد | عبد العاطي: the entities layer left the given name out
            ms_ = toks[p - 1].start
        pre = ctx.text[start:ms_].strip(" ،,")
        eid, aff = speaker_entity(ctx, ent)
        if ent.kb_id and given is not None and given not in normalize_word(ent.name).split():
            eid, aff = None, None  # the person linked to the family name alone has another given name
        elif family is not None and family not in normalize_word(ent.name).split():
            eid, aff = None, None  # the person linked to the given name alone has another family name
        role = pre or role or known_role(ctx, ent, ms_)
        return new_speaker(ctx, ms_, me, entity=eid, role=role, affiliation=aff), org
    kind = lex.anonymous.get(head) or lex.anonymous.get(ctx.norms[lo])
    if kind is None and hi - lo >= 2 and ctx.norms[lo] in lex.words["quantifier"] | lex.words["np_start"]:
        kind = lex.anonymous.get(strip_al(ctx.norms[lo + 1]))  # ثلاثة مصادر مطلعة، بعض المسؤولين
        kind = kind if kind in ("person", "group") else None
    if kind is None and head.endswith("ا"):  # مصدراً أمنياً: the accusative of مصدر
        kind = lex.anonymous.get(head[:-1])
    if kind is None and head[:1] == "ل":  # وفقا لمصادر محلية: ل read off
        kind = lex.anonymous.get(strip_al("ا" + head[1:]) if head.startswith("لل") else head[1:])
    if (
        hi - lo <= 2
        and ctx.norms[lo] in lex.titles
        and not ms
        # المدرب، الوزير; or a title in the construct state (ولي العهد، وزير الخارجية)
        and (ctx.norms[lo].startswith("ال") or (hi - lo == 2 and ctx.norms[lo + 1].startswith("ال")))
    ):
        # the holder of that title spoken of before
        holder = title_holder(ctx, head, start, quotes, tuple(ctx.norms[lo + 1 : hi]))
        if holder is not None:
            return new_speaker(ctx, start, end, entity=holder, role=ctx.text[start:end]), org
    name_lo = title_end(ctx, lo, hi)
    named = ctx.norms[lo].startswith("ال") and lo < name_lo < hi  # المتحدثة باسم البيت الأبيض جين ساكي
    same = (
        hi - lo == 2 and ctx.norms[lo + 1] in phrase_words()["same"]
    )  # المصدر نفسه، المصادر ذاتها: the one quoted before
    if (
        kind in ("person", "group")
        and not named
        and (hi - lo == 1 or same)
        and ctx.norms[lo].startswith("ال")
    ):
        earlier = earlier_source(ctx, head, quotes)
        if earlier is not None:  # وأضاف المصدر: the source described before speaks again
            return as_implicit(earlier), earlier.affiliation
    if kind in ("person", "group") and not named:
        aff = None
        if ms:
            aff = speaker_entity(ctx, ms[0][2])[0]
        elif ctx.norms[lo].startswith("ال"):  # المسؤول الأميركي: the official met before
            aff = earlier_anonymous(ctx, head, quotes)
        return new_speaker(ctx, start, end, anonymous=True, affiliation=aff, role=role), aff
    if (head,) in lex.channels and not ms and genitive_owner(ctx, lo, hi):
        # بيانات الجهاز المركزي للإحصاء، تقرير للبنك الدولي: the document names its owner; it speaks for it
        # بيان للوزارة: the ministry named before
        owner = named_before(ctx, lo + 1, start) if hi - lo == 2 else None
        if owner is not None:
            return new_speaker(ctx, start, end, entity=owner, role=role), owner
        return new_speaker(ctx, start, end, role=role), None
    if (head,) in lex.channels and not ms:  # البيان الأميركي: whoever issued the statement reported before
        if not ctx.norms[lo].startswith("ال") and (issuer := _body_of_sentence(ctx, start)) is not None:
            # اختتمت قمة الاتحاد الأفريقي أعمالها بإصدار بيان ختامي دعا إلى…: the body its sentence names
            return new_speaker(ctx, start, end, entity=issuer), issuer
        channel = lex.channels[(head,)]
        for q in reversed(quotes):
            if q.channel == channel and q.speaker is not None:
                eid = orgs.get(q.id) or q.speaker.entity
                if eid is None and q.speaker.anonymous and q.speaker.affiliation:
                    # مصدر في القيادة العامة، في بيان … . وأوضح البيان: the statement is his body's
                    eid = q.speaker.affiliation
                if eid is None:  # an issuer the entities layer did not mark: it speaks again, implicitly
                    return as_implicit(q.speaker), None
                return new_speaker(ctx, start, end, entity=eid), eid
        # أكدت الوزارة في بيان رفضها… . وجاء في البيان: the subject met last issued it
        sp = next((sp for sp in reversed(ctx.recent) if sp.start < start), None)
        if sp is not None:
            if sp.entity:
                return new_speaker(ctx, start, end, entity=sp.entity), sp.entity
            if sp.anonymous or can_speak(ctx, sp):
                return as_implicit(sp), None
        return new_speaker(ctx, start, end), None  # an issuer we cannot tell: the statement itself
    if kind == "document" and hi - lo == 1 and ctx.norms[lo].startswith("ال") and not ms:
        adopter = _adopter(ctx, head, lo)
        if adopter is not None:  # تبنى مجلس الأمن قرارا… . ويطالب القرار: the council speaks through it
            return new_speaker(ctx, start, end, entity=adopter, role=role), adopter
    if not ms:
        for j in range(lo, hi):
            ent = ctx.person_token(j)
            if ent is not None:
                t = toks[j]
                pre = ctx.text[start : t.start].strip(" ،,")
                return new_speaker(
                    ctx, t.start, t.end, entity=ent.id, role=pre or role or known_role(ctx, ent, start)
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
            return new_speaker(
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
        if lo + 1 < name_lo < hi and name_lo + 1 == hi and definite_first_name(ctx, name_lo - 1):
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
                return new_speaker(
                    ctx, toks[name_lo].start, end, entity=eid, role=title, affiliation=aff
                ), org
        return new_speaker(ctx, start, end, role=role or ctx.text[start:end], affiliation=aff), org
    if ms:
        first = ms[0]
        ent = first[2]
        if ent.type == "LOC" and first[0] > start and not is_body(ctx, lo):
            # شبكة أطباء السودان: a group the entities layer did not mark, named after a place; the place is
            # its affiliation, not the speaker
            return new_speaker(ctx, start, end, role=role, affiliation=speaker_entity(ctx, ent)[0]), org
        if ent.type == "ORG" and ent.kb_id is None and first[0] == start:
            # اللجنة الدولية, marked on its own: the organization named in full before it
            words = tuple(normalize_word(ctx.text[first[0] : first[1]]).split())
            ent = (shortened_org(ctx, words, start) if len(words) >= 2 else None) or ent
        eid, aff = speaker_entity(ctx, ent)
        return new_speaker(ctx, start, end, entity=eid, role=role, affiliation=aff), org
    if hi - lo == 1 and ctx.norms[lo].startswith("ال"):  # الصندوق after صندوق النقد الدولي
        ent = same_head(ctx, ctx.norms[lo][2:], start)
        if ent is not None:
            return new_speaker(ctx, start, end, entity=ent.id, role=role), org
        sp = ctx.recent_with_head(head, start)  # الوزارة after "نفت وزارة الدفاع الروسية"
        if sp is not None:
            if sp.entity:
                return new_speaker(ctx, start, end, entity=sp.entity, role=role), org
            return as_implicit(sp), org
    # no entity: split a title from the name, and look the name up among the document's mentions
    s = name_lo if ms or not is_title(ctx, lo) else unmarked_name(ctx, lo, hi, name_lo)
    if s < hi:
        name_start = toks[s].start if s > lo else start
        ent = ctx.by_name.get(normalize_word(ctx.text[name_start:end]))
        if ent is None and s == lo and hi - lo >= 2:
            ent = shortened_org(ctx, tuple(ctx.norms[lo:hi]), start)  # اللجنة الدولية (للصليب الأحمر)
        title = ctx.text[start:name_start].strip() or None
        eid = speaker_entity(ctx, ent)[0] if ent else None
        return new_speaker(ctx, name_start, end, entity=eid, role=title or role), None
    ent = ctx.by_role.get(normalize_word(ctx.text[start:end])) or ctx.by_name.get(
        normalize_word(ctx.text[start:end])
    )
    return new_speaker(ctx, start, end, entity=ent.id if ent else None, role=role), None


MAX_GROUP = 5  # words of the group a count is of (من أنصار المجلس الوطني الكردي)


def _counted_group(ctx: Context, q: int) -> tuple[int, int] | None:
    """Tokens of the group after a count and من (العشرات من المحتجين): up to punctuation or a stop word."""
    norms, n = ctx.norms, len(ctx.toks)
    if norms[q] not in ctx.lex.words["quantifier"] or q + 2 >= n or norms[q + 1] != "من":
        return None
    hi = q + 2
    while (
        hi < n
        and hi - q - 2 < MAX_GROUP
        and ctx.toks[hi].kind == "word"
        and "stop" not in ctx.info[hi].roles
        and not ctx.info[hi].comp  # اثنان من المسؤولين | إن…
        and hi not in ctx.verb_at
    ):
        hi += 1
    return (q + 2, hi) if hi > q + 2 else None


MAX_ADOPTER_BACK = 400  # tokens looked back for the document's first mention


def _adopter(ctx: Context, head: str, lo: int) -> str | None:
    """The body that issued or adopted the document ``head`` (قرار) now its subject at token ``lo``: the first
    organization named before the nearest earlier mention of the document in its sentence that has one (تبنى
    مجلس المحافظين قرارا… . ويطالب القرار…). None without one."""
    toks = ctx.toks
    decided = phrase_words()["decided"]
    for k in range(lo - 1, max(-1, lo - MAX_ADOPTER_BACK), -1):
        forms = toks[k].forms
        if any(stem in decided for _k, stem in forms) and k + 1 < len(toks):
            # قررت جامعة الدول العربية استئناف…: the body right after the verb of deciding made the decision
            t = toks[k + 1]
            org = next((m for m in ctx.mentions_in(t.start, t.end) if m[0] == t.start), None)
            if org is not None and org[2].type == "ORG":
                return speaker_entity(ctx, org[2])[0]
            continue
        if not any(stem in (head, head + "ا") for _k, stem in forms):
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
    return (
        norm[1:3] == "ال"
        and len(norm) > 5
        and not any(map(norm.startswith, phrase_words()["not_conjunction"]))
    )


def _after_honorific(ctx: Context, lo: int, hi: int, per: list) -> Speaker | None:
    """A title, its body and an honorific, then the name up to the phrase's end (الباحثة في معهد … في القدس
    السيدة | تمار هيرمان): the name speaks, linked to a person's mention inside it or of the same name,
    even when the entities layer marked only part of it or none."""
    honorifics = ctx.lex.words["honorific"]
    norms = ctx.norms
    if honorifics.isdisjoint(norms[lo + 1 : hi - 1]):  # most phrases: one C-level test
        return None
    if not (is_title(ctx, lo) or ctx.lex.anonymous.get(strip_al(norms[lo])) == "person"):
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
    return new_speaker(
        ctx,
        name_start,
        end,
        entity=speaker_entity(ctx, ent)[0] if ent else None,
        role=ctx.text[toks[lo].start : name_start].strip(),
        affiliation=speaker_entity(ctx, first[2])[0] if first else None,
    )


def _issuer(
    ctx: Context, lo: int, hi: int, quotes: list[Quote], orgs: dict[str, str]
) -> tuple[Speaker, str | None] | None:
    """The issuer of a document named with "صادر عن" (بلاغ صادر عن الديوان الملكي، بيان صادر عن مكتبه): its
    mention, or a definite phrase; an office with a pronoun (مكتبه) is that of the speaker quoted last."""
    norms = ctx.norms
    k = next((k for k in range(lo + 1, min(hi, lo + 4)) if norms[k] == "عن" and issued_by(ctx, k)), None)
    if k is None or k + 1 >= hi:
        return None
    head = strip_al(norms[lo])
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
    found = from_range(ctx, s, e, None, quotes, orgs)  # (its result also when it is no meeting)
    if m is None and strip_al(ctx.norms[s]) in phrase_words()["meeting"]:
        # البيان المشترك الصادر عن الاجتماع: a meeting issues nothing by itself; the statement speaks
        return new_speaker(ctx, toks[lo].start, toks[k - 2].end if k - 2 >= lo else toks[lo].end), None
    return found


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
    return new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True)


def _owned_office(ctx: Context, s: int) -> bool:
    """Token ``s`` is an office or body with a possessive pronoun as written (مكتبه، حكومتها)."""
    text, norm = ctx.toks[s].text, ctx.norms[s]
    p = next((p for p in POSSESSIVES if text.endswith(p)), None)
    if p is None:
        return False
    stem = norm[: -len(p)]
    if stem.endswith("ت"):  # حكومتها: the ة of حكومة (normalized ه) is written ت before a pronoun
        stem = stem[:-1] + "ه"
    return stem in ctx.lex.words["office"] or stem in ctx.lex.words["body"]


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
