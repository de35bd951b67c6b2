"""Source and target of an event from the syntax around its trigger.

Verbs: the subject before the verb (SVO, كان X فعل), else the phrase right after it (VSO); a pronoun subject
(لكنه، أنها، وهي) or a dropped one takes the antecedent; a verb right after أن with no subject of its own
shares the subject of the clause that governs it (تنفي موسكو أن تكون تهدد أوكرانيا). The target is the direct
object or the phrase after one of the trigger's prepositions (حث روسيا، بحث مع، فرض عقوبات على).
Nouns: the genitive or nisba phrase after the noun (اتصال بايدن، المحادثات الروسية - الأميركية), بين X و Y,
prepositional targets, a relative clause (المحادثات التي ستقودها X مع Y), the subject of a light verb before it
(أجرى X مكالمة مع Y) and في إطار X.

Modules: :mod:`.subjects` (subject finding), :mod:`.objects` (object finding), :mod:`.relative` (relative
clauses), :mod:`.coordination` (dropped subjects of coordinated verbs), :mod:`.anaphora` (pronouns),
:mod:`.verbs` and :mod:`.nouns` (a verb's and an event noun's actors), :mod:`.reactions` (reactions and
warnings), :mod:`.states` (actor resolution to states), :mod:`.syntax` (shared token tests). ``fill`` runs them.
"""

from __future__ import annotations

from dataclasses import replace

from ..context import STRONG_PUNCT, SentCtx
from ..lexicon import lexicon
from ..triggers import Cand
from .calls import call_parties
from .casualties import casualty_target
from .documents import document_issuer
from .duals import dual_object
from .nouns import apply_lifting, noun_actors
from .objects import place_noun
from .reactions import (
    REACTIONS,
    any_act_warning,
    fact_warning,
    own_side_clause,
    own_side_warning,
    reaction_target,
    warns_of_course,
    warns_of_thing,
)
from .states import dedup, person_states, sides, state_actors
from .subjects import own_state, self_subject, state_subject
from .syntax import LIGHT_WINDOW
from .verbs import verb_actors

__all__ = ["dedup", "fill", "person_states", "place_noun", "sides", "state_actors"]


# a warning is addressed to states, bodies and people: a place named in what was said is no target
_NEEDS_TARGET = frozenset({"needs_target"})
_ANNOUNCING = frozenset({"announce", "light"})  # أعلن تجميد، قرر … before a suspension noun
_SAID_TO = frozenset({"THREATEN", "PROTEST"})  # (a protest storming a landmark is aimed at no place)
_ADDRESSED = frozenset({"REQUEST", "ACCUSE"})  # with a party asked or accused, a town named too is no target


def fill(
    ctx: SentCtx, cands: list[Cand], prev_sentence: list[str], states: dict[str, str] | None = None
) -> None:
    done: list[Cand] = []
    states = states or {}
    for cand in cands:
        if "lift_alt" in cand.trig.flags:
            apply_lifting(ctx, cand)
        if "summon_alt" in cand.trig.flags:
            _summons(ctx, cand)
        if cand.trig.pos == "verb":
            verb_actors(ctx, cand, cand.i, done, prev_sentence)
            parties = call_parties(ctx, cand, done)
            if parties is not None:
                cand.source, cand.target = parties  # تلقى X اتصالا من Y هنأه خلاله: Y congratulated X
            issuer = document_issuer(ctx, cand, ctx.history + done)
            if issuer:
                cand.source = issuer
                cand.target = [e for e in cand.target if e not in issuer]
        else:
            noun_actors(ctx, cand, done, prev_sentence)
        if not cand.source and cand.trig.pos == "verb":
            cand.source = own_state(ctx, cand)
        if not cand.source and cand.trig.pos == "verb" and cand.speaker and state_subject(ctx, cand.i):
            # المملكة "ترفض" … in a minister's words: the speaker stands for his state
            cand.source = [cand.speaker]
        if (
            cand.trig.pos == "verb"
            and len(cand.source) == 1
            and cand.source[0] in ctx.person_states
            and self_subject(ctx, cand.i)
        ):
            # وأضاف أن بلاده ترفض القرار: the country of the speaker the subject resolved to
            cand.source = [ctx.person_states[cand.source[0]]]
        if cand.trig.type == "THREATEN" and cand.target and cand.source:
            # حذرت الوزارة التركية من أن أنقرة لن تتردد …: her own state is what will act, not who is warned
            cand.target = own_side_clause(ctx, cand)
        if cand.trig.type == "THREATEN" and not cand.target and cand.source:
            cand.target = own_side_warning(ctx, cand) or any_act_warning(ctx, cand)
        if cand.trig.pos == "verb" and not cand.target and cand.source and "direct" in cand.trig.targets:
            cand.target = dual_object(ctx, cand, done)  # دعا X البلدين إلى …: the two states of the last pair
        if cand.trig.mode == "order" and cand.target and cand.source:
            # أمر الرئيس شركة النفط الوطنية بوقف …: an order to one's own state's body is no act between parties
            mine = {ctx.sides.get(e, e) for e in cand.source}
            cand.target = [e for e in cand.target if ctx.sides.get(e, e) not in mine]
        if cand.trig.type == "ASSAULT" and not cand.target and cand.source:
            cand.target = casualty_target(ctx, cand)

        if cand.trig.mode == "warn" and (
            fact_warning(ctx, cand) or warns_of_thing(ctx, cand) or warns_of_course(ctx, cand)
        ):
            cand.absorbed = True  # dropped: a warning about a state of affairs threatens nobody
        if "verbal_alt" in cand.trig.flags and any(ctx.types.get(e) == "PER" for e in cand.source):
            # هاجم المندوب الإسرائيلي الدول التي …: a person attacks in words (ACCUSE), an army by force
            alt = next((e for e in ctx.toks[cand.i].entries if "verbal" in e.trigger.flags), None)
            if alt is not None:
                cand.trig = alt.trigger
        if "body_alt" in cand.trig.flags:
            _frozen_body(ctx, cand, done, prev_sentence)
        if cand.trig.type == "CONCEDE" and cand.trig.mode == "suspend" and cand.trig.pos == "verb":
            _suspended_member(ctx, cand)
        if cand.trig.mode == "raid" and cand.target and all(e in ctx.landmarks for e in cand.target):
            # اقتحمت الشرطة باحات المسجد الأقصى: the place raided is where, not whom; the raid stands
            cand.target = []
            cand.trig = replace(cand.trig, flags=cand.trig.flags - _NEEDS_TARGET)
        if "crowd_alt" in cand.trig.flags and _by_supporters(ctx, cand):
            # اقتحم مئات من أنصار X القصر الجمهوري: protesters storming a building protest (no target needed)
            alt = next((e for e in ctx.toks[cand.i].entries if "crowd" in e.trigger.flags), None)
            if alt is not None:
                cand.trig = alt.trigger
        if "body_target" in cand.trig.flags:
            # حل البرلمان (dissolved a body), not حل X في المركز الثاني، يليه Y (ranked, then a person)
            cand.target = [e for e in cand.target if ctx.types.get(e) == "ORG"]
        if ctx.reporters and set(cand.target) & ctx.reporters:
            # رفضت الوزارة في بيان نقلته وكالة الأنباء الجزائرية "الاتهامات": the outlet relayed the words
            cand.target = [e for e in cand.target if not _relayed(ctx, e)]
        if cand.trig.type == "CONSULT" and ctx.reporters and set(cand.target) & ctx.reporters:
            # قال X في اتصال مع قناة الجزيرة: an interview given to an outlet, not a consultation
            cand.target = [e for e in cand.target if e not in ctx.reporters]
            cand.absorbed = cand.absorbed or not cand.target
        if "subject_target" in cand.trig.flags and cand.source and not cand.target:
            cand.source, cand.target = [], cand.source
        if ctx.places and cand.source:
            # a town or region does not act (تفجير كركوك يستهدف): only states, capitals, bodies and people
            cand.source = [e for e in cand.source if e not in ctx.places]
        if ctx.places and cand.target and cand.trig.type == "MOBILIZE":
            # دفع الجيش بتعزيزات إلى ولاية شرناق: where forces go, not against whom (a state stays a target)
            cand.target = [e for e in cand.target if e not in ctx.places]
        if ctx.places and cand.target and cand.trig.type in _SAID_TO:
            # nor is one warned (حذر من أن مياه النيل خط أحمر: the Nile is what he spoke of)
            cand.target = [e for e in cand.target if e not in ctx.places]
        elif ctx.places and len(cand.target) > 1 and cand.trig.type in _ADDRESSED:
            # يطالب قوات الدعم السريع بإنهاء حصارها لمدينة الفاشر: the one asked, not the town in the demand
            cand.target = [e for e in cand.target if e not in ctx.places] or cand.target
        if ctx.reporters and cand.source:
            # بغداد - (أ ف ب): بحث X … في زيارة: the agency of the dateline reports, it does not visit
            cand.source = [e for e in cand.source if e not in ctx.reporters]
        if states and (cand.source or cand.target):
            cand.source = dedup([states.get(e, e) for e in cand.source])
            cand.target = [e for e in dedup([states.get(e, e) for e in cand.target]) if e not in cand.source]
        if "by_phone" in cand.trig.flags and _by_phone(ctx, cand):
            # هنأ السيسي نظيره التركي هاتفيا: a congratulation by phone is told as the call
            cand.trig = replace(
                cand.trig, type="CONSULT", mode="phone", en="phone call", flags=cand.trig.flags | _SYMMETRIC
            )
        if "symmetric" in cand.trig.flags:
            cand.symmetric = True
            if len(cand.source) > 1 and not cand.target:
                cand.source, cand.target = cand.source[:1], cand.source[1:]
        done.append(cand)
    for cand in cands:
        if cand.trig.type in REACTIONS and not cand.target and cand.source and cand.trig.mode != "boycott":
            # (staying away from a meeting is aimed at no one who held it)
            cand.target = reaction_target(ctx, cand, done)


_SYMMETRIC = frozenset({"symmetric"})
_BY_PHONE = "هاتفيا"  # normalized (هاتفياً)


def _by_phone(ctx: SentCtx, cand: Cand) -> bool:
    """هاتفيا in the verb's clause, after it (up to a punctuation mark)."""
    for tk in ctx.toks[cand.j :]:
        if tk.punct and tk.token.text not in '"«»':
            return False
        if tk.token.norm == _BY_PHONE:
            return True
    return False


def _suspended_member(ctx: SentCtx, cand: Cand) -> None:
    """علق المجلس مشاركة السودان في أنشطة الاتحاد: suspending another state's participation (an indefinite
    noun in construct with its name) is a sanction on it, not a concession (علق الحزب المشاركة، مشاركته)."""
    toks = ctx.toks
    noun = cand.rest_end - 1
    if noun <= cand.i or noun + 1 >= len(toks) or toks[noun].token.text.startswith("ال"):
        return
    if toks[noun].token.text.endswith(_OWN_ENDINGS):
        return  # (مشاركتها: its own)
    member = toks[noun + 1].ent
    if not member or member in cand.source or ctx.types.get(member) not in ("LOC", "ORG"):
        return
    alt = next(
        (e for e in toks[cand.i].entries if e.trigger.type == "SANCTION" and e.trigger.pos == "verb"), None
    )
    if alt is not None:
        cand.trig, cand.target = alt.trigger, [member]


def _relayed(ctx: SentCtx, eid: str) -> bool:
    """An outlet of the sentence named right after a relaying verb (نقلته، بثتها), past its head noun (قناة)."""
    toks = ctx.toks
    relays = lexicon().relays
    for k, tk in enumerate(toks):
        if tk.ent == eid and (k == 0 or toks[k - 1].ent != eid):
            if any(toks[m].token.norm in relays for m in range(max(0, k - 2), k)):
                return True
    return False


def _summons(ctx: SentCtx, cand: Cand) -> None:
    """استدعت X سفيرها (recalled its own envoy) but استدعت X سفير الكويت، السفير التركي (summoned another
    state's envoy: a complaint to that state, the row flagged summon): the envoy word carries no pronoun."""
    envoy = ctx.toks[max(cand.j, cand.rest_end) - 1].token.text  # (past a subject between: استدعت X سفيرها)
    if envoy.endswith(_OWN_ENDINGS):
        return
    alt = next((e for e in ctx.toks[cand.i].entries if "summon" in e.trigger.flags), None)
    if alt is not None:
        cand.trig = alt.trigger


_OWN_ENDINGS = ("ه", "ها", "هم", "هما")  # in the text, where ة stays ة: سفيرته، سفيرها، سفراءه


_SUPPORTERS_BEFORE = 4  # words back from the verb to a crowd word (وكان أنصار الصدر قد اقتحموا)
_SUPPORTERS_AFTER = 4  # and forward (اقتحم مئات من أنصار X)


def _by_supporters(ctx: SentCtx, cand: Cand) -> bool:
    """A word for supporters or demonstrators stands in the verb's subject, right before or after it."""
    toks = ctx.toks
    lex = lexicon()
    words = lex.supporters
    for k in range(cand.i - 1, max(-1, cand.i - 1 - _SUPPORTERS_BEFORE), -1):
        tk = toks[k]
        if tk.punct:
            break
        if not tk.ent and any(stem in words for _, stem in tk.token.forms):
            return True
    # after the verb only the subject counts: a crowd word, من, then the supporters (not اقتحمت الشرطة مخيم
    # المحتجين: the protesters' camp is the object)
    for k in range(cand.j, min(len(toks), cand.j + _SUPPORTERS_AFTER)):
        tk = toks[k]
        if tk.ent or tk.punct:
            return False
        forms = tk.token.forms
        if any(stem in words for _, stem in forms):
            return True
        if forms[-1][1] not in lex.crowd_nouns and tk.token.norm != "من":
            return False
    return False


def _frozen_body(ctx: SentCtx, cand: Cand, done: list[Cand], prev_sentence: list[str]) -> None:
    """جمد الرئيس البرلمان، أعلن الرئيس تجميد اختصاصات البرلمان: suspending another's body is coercing it (the
    row flagged body); suspending one's own talks or vote stays a concession."""
    alt = next((e for e in ctx.toks[cand.i].entries if "body" in e.trigger.flags), None)
    if alt is None:
        return
    if cand.trig.pos == "verb":
        bodies = [e for e in cand.target if ctx.types.get(e) == "ORG" and e not in cand.source]
        if bodies and cand.source:
            cand.trig, cand.target = alt.trigger, bodies
        return
    bodies = [e for e in cand.source if ctx.types.get(e) == "ORG"]
    if not bodies or bodies != cand.source or cand.light is not None:
        return
    toks = ctx.toks
    for m in range(cand.i - 1, max(-1, cand.i - LIGHT_WINDOW), -1):
        tk = toks[m]
        if (tk.punct and tk.token.text in STRONG_PUNCT) or tk.in_trigger:
            return
        if not tk.ent and tk.cats & _ANNOUNCING:
            verb_actors(ctx, cand, m, done, prev_sentence)
            actor = [e for e in cand.source if e not in bodies]
            cand.source = actor or bodies
            if actor:
                cand.trig, cand.target, cand.light = alt.trigger, bodies, m
            return
