"""The scan from a verb or participle cue to its content (``scan_after``), collecting the noun phrases met on
the way: the post-verbal subject, an apposition (its role) and an addressee after ل."""

from __future__ import annotations

from .context import PUNCT_END, Context
from .cues import CueHit, attribution_at, find_channel
from .np_content import (
    adverbial_before,
    adverbial_end,
    after_report,
    announces_stance,
    clause_ahead,
    comp_ahead,
    joined_after_comma,
    masdar_before,
    medium_before,
    noun_phrase_content,
    np_after_name,
    person_name_end,
    split_subject,
    stance_noun,
    subject_like,
    withheld_identity,
)
from .spans import COMMAS, WINDOW, Scan, blocked, clause_end, content_span, quoted_name
from .speaker_heads import (
    affiliation_pp,
    close_tok,
    head_kind,
    informed_pp,
    is_open,
    issued_by,
    l_name,
    name_goes_on,
    speaker_head,
)
from .title_names import (
    audience_in_title,
    ends_with_tail_name,
    genitive_before_name,
    genitive_l,
    name_after_pp,
)

_NP_OPEN = frozenset({"np_start", "demonstrative"})  # words opening a noun phrase object (أي، هذا)


def scan_after(ctx: Context, hit: CueHit, b: int, np_direct: bool = False) -> Scan:
    """Scan from a verb or participle cue to its content, collecting the noun phrases on the way.
    ``np_direct``: the subject is already known (a participle, a subject before the verb), so a noun phrase
    right after the cue is its content."""
    cue = hit.cue
    assert cue is not None
    toks, norms, infos, opens, verb_at = ctx.toks, ctx.norms, ctx.info, ctx.open_tok, ctx.verb_at
    subj: list[int] = []  # [lo, hi]
    appos: list[int] = []
    addr: list[int] = []
    mode = "subj"
    j = hit.j
    limit = hit.j + WINDOW if hit.j + WINDOW < b else b
    found: Scan | None = None
    npq = cue.obj == "npq"
    stance = announces_stance(cue.lemma)  # أعلن قبوله…: a stance noun is its content
    relay: CueHit | None = None
    if (
        not np_direct
        and npq
        and joined_after_comma(ctx, hit)
        and not subject_like(ctx, hit.j, b)
        and not after_report(ctx, hit.i)
    ):
        np_direct = True  # …، وأكدا أهمية التنسيق: the subject is dropped, the noun phrase is what was said
    if (
        hit.j < b and "resumptive" in infos[hit.j].roles
    ):  # a relative clause's verb: …اتصالا هاتفيا، أكد خلاله دعم…
        j = hit.j + 1
        if not speaker_head(ctx, j, b):  # …جلسة، قال خلالها المندوب الروسي X: a subject still follows
            np_direct, mode = True, "after"
    if (
        np_direct
        and (npq or stance)
        and j < limit
        and (k := adverbial_end(ctx, j, limit)) > j
        and np_after_name(ctx, k, b)
        and not clause_ahead(ctx, k, limit)
    ):
        j = k  # …أن السيسي أكد خلال اللقاء | ضرورة…: past the adverbial (not …خلال الاتصال الثاني…، أن…)
    if (
        np_direct
        and j < limit
        and (npq or (stance and stance_noun(ctx, j)))
        # مؤكداً, and مؤكدة after a comma (…، مؤكدة دعمها), but not the adjective مؤكدة elsewhere
        and (
            hit.kind != "participle"
            or norms[hit.i].endswith("ا")
            or (hit.i > 0 and norms[hit.i - 1] in COMMAS)
        )
        and toks[j].kind == "word"
        and not infos[j].comp
        and "stop" not in infos[j].roles
        and j not in verb_at
        and not (norms[j][:1] == "ب" and any(k == 1 for k, _ in toks[j].forms))  # محملا بالهدايا: laden
    ):
        # مؤكداً استعداد موسكو للحوار: no subject can stand between the cue and its object
        found = noun_phrase_content(ctx, j, b, False)
        limit = j  # nothing to scan
    # استبعد رئيس الوزراء البريطاني كير ستارمر إرسال قوات…: a noun phrase right after the subject's name
    name_end = person_name_end(ctx, j, limit) if (npq or stance) and found is None else -1
    while j < limit:
        info = infos[j]
        if j == name_end and mode == "subj" and subj:
            k = adverbial_end(ctx, j, b)  # وأكد السيسي خلال اللقاء رفض…: an adverbial may come first
            if np_after_name(ctx, k, b) and (npq or stance_noun(ctx, k)) and not clause_ahead(ctx, k, limit):
                subj[1] = j
                found = noun_phrase_content(ctx, k, b, False)
                break
        if (
            stance
            and subj
            and mode != "addr"
            # قوات الدعم الشعبي: a definite one can close the subject's name
            and not norms[j].startswith("ال")
            and stance_noun(ctx, j)
            and not ("withholds" in info.roles and withheld_identity(ctx, j, limit))  # مسؤول رفض كشف اسمه
            and not ctx.mentions_in(toks[j].start, toks[j].end)  # قوات الدعم السريع: a word of a name
        ):
            # وأعلنت الحكومة (في بيان) | رفضها القاطع للقرار: the subject ends at the stance it announced
            found = noun_phrase_content(ctx, j, b, False)
            break
        # most words of a speaker's phrase are plain: the full tests below would only extend the phrase
        if info.plain and j not in opens:
            if mode == "subj":
                subj = [subj[0] if subj else j, j + 1]
            elif mode == "appos":
                appos[1] = j + 1
            elif mode == "addr":
                addr[1] = j + 1
            j += 1
            continue
        t, n = toks[j], norms[j]
        roles = info.roles
        if j in opens:
            close = opens[j]
            if (
                j > hit.j
                and (
                    medium_before(ctx, j - 1)
                    or (mode == "subj" and subj and head_kind(ctx, subj[0]) == "medium" and close - j <= 4)
                    or (close - j <= 4 and (subj or mode != "subj") and comp_ahead(ctx, close + 1, limit))
                )
            ):  # وكالة الأنباء الرسمية "وفا"، محللون في بنك "غولدمان ساكس" … إن، اتصال أجرته معه "الشرق الأوسط"
                if mode == "subj":  # قالت صحيفة "الغارديان": the name belongs to the source
                    subj[1:] = [close + 1]
                j = close + 1  # في مقابلة مع تلفزيون "بلومبرغ": a name inside an adverbial
                continue
            if j > hit.j and adverbial_before(ctx, j - 1):
                mode = "after" if subj or mode != "subj" else mode
                j = close + 1
                continue
            if quoted_name(ctx, j, close) and (
                cue.obj != "clause" or (subj and mode == "subj" and comp_ahead(ctx, close + 1, limit))
            ):  # a name in quotation marks is no words:
                if mode == "subj" and subj and cue.obj == "clause":
                    subj[1] = close + 1  # كبير الاقتصاديين في بنك "X" محمد Y أن…: the subject goes on
                elif mode == "subj" and not subj and not np_direct:
                    subj = [j + 1, close]  # دعا "حزب الله" إلى…: the subject, its marks left out
                else:
                    mode = "after" if subj or mode != "subj" else mode  # واتهم الوزير "حماس" بـ…: the object
                j = close + 1
                continue
            s = j
            if subj and mode == "subj" and subj[1] == j:
                s = split_subject(ctx, subj[0], subj[1])
                subj[1] = s
            e = clause_end(ctx, s, b, np=cue.obj != "clause")
            ends = all(toks[k].kind == "punct" for k in range(close + 1, e))
            if (
                s == j
                and mode != "subj"
                and not ends
                # وأكد الجانبان في بيان مشترك "رفض …" وضرورة…: after a channel the quotation opens the words
                and not (subj and find_channel(ctx, subj[1], j) is not None)
            ):
                break  # بدأ يكتب الشعر…، وأصدر ديوانه "…" عام 1944: a title further on is no content
            if s == j and ends:
                span = content_span(ctx, j, close + 1)
            else:
                span = content_span(ctx, s, e)
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=s)
            break
        if n == ":":
            if j + 1 < b and is_open(ctx, j + 1):
                span = content_span(ctx, j + 1, close_tok(ctx, j + 1) + 1)
            else:
                span = content_span(ctx, j + 1, clause_end(ctx, j + 1, b, np=False))
                span = span and (span[0], span[1], "direct")
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=j + 1)
            break
        if info.comp_first and ctx.inside(j):  # لشبكة سي إن إن | إن…: part of the name
            if mode == "addr":
                addr[1] = j + 1
            elif mode == "subj" and subj:
                subj[1] = j + 1
            j += 1
            continue
        if info.comp_first:
            if blocked(ctx, j, hit.j):
                break
            span = content_span(ctx, j + 1, clause_end(ctx, j + 1, b, np=False))
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=j + 1)
            break
        if npq and subj and mode == "subj" and not roles.isdisjoint(_NP_OPEN):
            # نفى تحالف الفتح أي علاقة له…: أي opens the object; the subject ends before it
            if ctx.mentions_in(toks[subj[0]].start, t.start):
                s0 = split_subject(ctx, subj[0], subj[1])
            elif j - 1 > subj[0] and norms[subj[0]].startswith("ال") and masdar_before(ctx, j - 1):
                s0 = j - 1  # نفت الوزارة | وجود أي إصابات: a definite subject, then the object's verbal noun
            else:
                s0 = j
            subj[1] = min(subj[1], s0)
            found = noun_phrase_content(ctx, s0, b, False)
            break
        if "stop" in roles and mode == "subj" and subj and (k := name_after_pp(ctx, subj[0], j, limit)):
            subj[1] = k  # ودعا المبعوث الأممي إلى اليمن هانس غروندبرغ…: the name comes after the PP
            j = k
            continue
        if cue.prep and cue.obj == "clause" and t.kind == "word" and not info.comp:
            if n == cue.prep or (cue.prep == "ب" and n.startswith("ب") and any(k == 1 for k, _ in t.forms)):
                break  # هدد الرئيس بالانسحاب…، تهدد بوقف التعاون إن…: the threat's object, not words
        elif cue.prep and t.kind == "word":
            if n == cue.prep and not (j + 1 < b and infos[j + 1].comp):
                found = noun_phrase_content(
                    ctx, j + 1, b, cue.obj == "npquote"
                )  # أعرب عن قلقه، أكد على ضرورة
                break
            elif (
                cue.prep == "ب"
                and n.startswith("ب")
                and not (n[:4] == "باسم" and subj and mode == "subj")  # المتحدث باسم(ها) X: part of the title
                and len(n) >= 3
                and (len(n) == 3 or any(k == 1 for k, _ in t.forms))  # برد is too short to be stripped
                and not any(m[2].type == "PER" for m in ctx.mentions_in(t.start, t.end))  # بيني غانتس
                and not info.chan  # في بيان: a channel, not ب + يان
                and n[1:] not in ctx.lex.words["manner"]  # أقر المجلس بالإجماع: how it decided, no object
                and (subj or mode != "subj" or np_direct or hit.enclitic or j == hit.j)
            ):
                found = noun_phrase_content(ctx, j, b, cue.obj == "npquote", first_char=t.start + 1)
                break
        v = verb_at.get(j)
        if v is not None and v[0].kind == "participle" and v[0].lemma == "قال" and norms[j - 1] not in COMMAS:
            j += 1  # غرد السفير قائلاً إن…: قائلاً belongs to the verb before it
            mode = "after" if subj else mode
            continue
        att = attribution_at(ctx, j, b) if v is None and info.attr else None
        if att is not None and (subj or hit.kind == "participle"):
            if relay is None and subj and norms[att.i].startswith("نقل"):
                relay = att  # قالت وكالة سانا نقلا عن مصدر عسكري إن…: the source speaks, through the agency
            j = att.j  # قالت رويترز نقلاً عن مصادر إن…: the original source, passed over
            mode = "after"
            continue
        if v is not None or att is not None:
            break
        if n in PUNCT_END:
            break
        if mode == "subj":
            if t.kind == "punct" or not n:  # a lone tatweel (الوزير ـ في تصريحاته ـ) is a dash
                if n == "(" and subj:  # وكالة الأنباء الأردنية (بترا)
                    k = j + 1
                    while k < limit and norms[k] != ")":
                        k += 1
                    if k < limit:
                        subj[1:] = [k + 1]
                        j = k + 1
                        continue
                if (
                    n in COMMAS
                    and subj
                    and j + 1 < limit
                    and "withholds" in infos[j + 1].roles
                    and (k := withheld_identity(ctx, j + 1, limit))
                ):
                    # أوضح مسؤول في المفوضية، طلب عدم ذكر اسمه، أن…: the inserted clause describes the source
                    j = k + 1 if k < limit and norms[k] in COMMAS else k
                    continue
                if n in COMMAS and subj:
                    mode = "appos"
                    appos = [j + 1, j + 1]
                elif subj:
                    mode = "after"
            elif "withholds" in roles and subj and (k := withheld_identity(ctx, j, limit)):
                j = k  # مسؤول طلب عدم كشف هويته: the source's description, its verbs are no cues
                continue
            elif "stop" in roles:
                if subj and subj[1] == j and n == "علي" and _opens_person(ctx, t):
                    # رئيس بلدية الخيام علي | زريق: the given name علي, not the preposition على
                    subj[1] = j + 1
                elif subj and subj[1] == j and issued_by(ctx, j):
                    subj[1] = j + 1  # وأكد بيان صادر عن الرئاسة: the issuer belongs to the subject
                elif subj and subj[1] == j and affiliation_pp(ctx, subj[0], j):
                    subj[1] = j + 1  # مسؤول في البيت الأبيض: the affiliation belongs to the source
                elif subj and informed_pp(ctx, subj[0], j):
                    subj[1] = j + 1  # مصدر مطلع على سير المفاوضات: what the source knows describes it
                else:
                    mode = "after"
            elif n[:1] == "ل" and subj and head_kind(ctx, subj[0]) in ("person", "group") and l_name(ctx, j):
                if (k := genitive_before_name(ctx, j, limit)) > 0:
                    subj[1] = j = k  # عضو اللجنة المركزية لحركة فتح | عزام الأحمد: the body the title is of
                    continue
                mode = "addr"  # وقال شهود عيان لرويترز: ل + a name is whom they spoke to
                addr = [j, j + 1]
            elif info.lpp or info.audience:
                if subj and subj[1] == j and "affiliated" in infos[j - 1].roles:
                    subj[1] = j + 1  # رئيس اللجنة التابعة للحوثيين: the body the committee belongs to
                    j += 1
                    continue
                if subj and info.audience and (k := audience_in_title(ctx, subj[0], j, limit)):
                    subj[1] = j = k  # المتحدث باسم الجيش للإعلام العربي | أفيخاي أدرعي: the title's audience
                    continue
                if (
                    subj
                    and not info.audience
                    and (genitive_l(ctx, subj[0], subj[1]) or name_goes_on(ctx, j))
                    and not ends_with_tail_name(ctx, j)
                ):
                    subj[1] = j + 1  # تقرير للبنك الدولي، الأمين العام للأمم المتحدة
                else:
                    mode = "addr"
                    addr = [j, j + 1]
            else:
                subj = [subj[0] if subj else j, j + 1]
        elif mode == "appos":
            if t.kind == "punct" or (appos[0] == j and "stop" in roles):
                mode = "after"
            else:
                appos[1] = j + 1
        elif mode == "after" and n in COMMAS and subj and not appos and not addr:
            mode = "appos"  # المديرة القطرية للبنك في اليمن، دينا أبو غيدا، …
            appos = [j + 1, j + 1]
        elif mode == "addr":
            if t.kind == "punct" or "stop" in roles or info.lpp:
                mode = "after"
            else:
                addr[1] = j + 1
        j += 1
    out = found or Scan()
    # ranges never leave the sentence (a quotation skipped over may close beyond it); a Scan's are None
    if subj and (hi := subj[1] if subj[1] < b else b) > subj[0]:
        out.subject = (subj[0], hi)
    if appos and (hi := appos[1] if appos[1] < b else b) > appos[0]:
        out.appos = (appos[0], hi)
    if addr and (hi := addr[1] if addr[1] < b else b) > addr[0]:
        out.addressee = (addr[0], hi)
    out.end_tok = j
    out.relay = relay
    return out


def _opens_person(ctx: Context, t) -> bool:
    """A person's mention starts at token ``t``."""
    return any(m[0] == t.start and m[2].type == "PER" for m in ctx.mentions_in(t.start, t.end))
