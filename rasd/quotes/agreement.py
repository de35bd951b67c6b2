"""Gender and number agreement between a cue with a dropped subject and a candidate antecedent: وقالت needs a
feminine antecedent, أكدا two, يقولون several. Unknown values never block a candidate; only a clear clash
(a feminine verb and a man named with a masculine title, a dual verb and a single person) does."""

from __future__ import annotations

from functools import lru_cache

from ..document import Entity
from ..text.normalize import normalize_word
from .context import Context
from .cues import CueHit
from .records import SpeakerRec as Speaker

Agreement = tuple[str | None, str | None]  # gender (m, f) and number (sg, du, pl), None when unknown
_FEM = "ه"  # ة after normalization


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def verb_agreement(ctx: Context, hit: CueHit) -> Agreement:
    """Gender and number written on the cue (قالت f sg، أكدا m du، يقولون pl، مؤكدة f sg)."""
    cue = hit.cue
    if cue is None:
        return None, None
    tok = ctx.toks[hit.i]
    stem = next((s for _k, s in tok.forms if s in ctx.lex.verbs), ctx.norms[hit.i])
    return _form_agreement(stem, normalize_word(cue.lemma), cue.kind)


@lru_cache(maxsize=4096)
def _form_agreement(stem: str, lemma: str, kind: str) -> Agreement:
    if kind == "participle":
        if stem.endswith(("ين", "ون")):
            return None, "pl"
        return ("f" if stem.endswith(_FEM) else "m"), "sg"
    if stem == lemma:
        return "m", "sg"
    if stem.endswith(("وا", "ون")):
        return None, "pl"
    if stem.endswith("تا"):
        return "f", "du"
    if stem.endswith("ان") and stem[:1] in "يت":
        return None, "du"
    if stem.endswith("ا") and stem[:-1] == lemma:
        return "m", "du"
    if stem.endswith("ت") or (stem[:1] == "ت" and not lemma.startswith("ت")):
        return "f", "sg"
    if stem[:1] == "ي":
        return "m", "sg"
    return None, None


def _title_agreement(ctx: Context, word: str) -> Agreement:
    """A title or unnamed-source head (وزيرة، المتحدث، الوزيران، مسؤولون) read for gender and number."""
    w = _strip_al(word)
    titles, anon = ctx.lex.titles, ctx.lex.anonymous
    if word in titles or w in titles or anon.get(w) == "person":
        return ("f" if w.endswith(_FEM) else "m"), "sg"
    for suffix, number in (("ان", "du"), ("ين", None), ("ون", "pl")):
        if w.endswith(suffix) and w[: -len(suffix)] in titles:
            return "m", number or "pl"
    return None, None  # unnamed groups too: مصادر takes قالت، مسؤولون takes قالوا (or قال before it)


def _entity_agreement(ctx: Context, e: Entity) -> Agreement:
    if e.type == "PER":
        # a woman's title is often written masculine (رئيس بعثة…), a man's never feminine: a feminine one wins
        gender = None
        for r in e.roles:
            words = normalize_word(r.text).split()
            if words and not words[0].startswith("نظير"):
                g, _n = _title_agreement(ctx, words[0])
                if g == "f":
                    return g, "sg"
                gender = gender or g
        return gender, "sg"
    if e.type == "LOC" and e.kind in ("country", "city", "capital"):
        return "f", "sg"  # أعلنت موسكو، قالت مصر
    return None, None


def speaker_agreement(ctx: Context, sp: Speaker) -> Agreement:
    """Gender and number of a candidate antecedent, from its role, its head word or its entity."""
    cache = ctx.agreements  # per document: a speaker is read again for every later cue
    key = (sp.role, sp.text, sp.entity)
    agr = cache.get(key)
    if agr is None:
        agr = cache[key] = _speaker_agreement(ctx, sp)
    return agr


def _speaker_agreement(ctx: Context, sp: Speaker) -> Agreement:
    e = ctx.entity_by_id(sp.entity) if sp.entity else None
    for text in (sp.role, sp.text):
        words = normalize_word(text).split() if text else []
        if words:
            head = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]
            agr = _title_agreement(ctx, head)
            if agr == ("m", "sg") and e is not None and _entity_agreement(ctx, e)[0] == "f":
                return "f", "sg"  # رئيس البعثة for a woman another of whose titles is feminine
            if agr != (None, None):
                return agr
    return _entity_agreement(ctx, e) if e is not None else (None, None)


def agrees(ctx: Context, verb: Agreement, sp: Speaker | None) -> bool:
    """No clash between the verb's agreement and the candidate's."""
    if sp is None:
        return False
    vg, vn = verb
    if vg is None and vn is None:
        return True
    sg, sn = speaker_agreement(ctx, sp)
    if vn is not None and sn is not None and (vn == "sg") != (sn == "sg"):
        return False
    return not (vg is not None and sg is not None and vn == "sg" and vg != sg)


def agrees_strictly(ctx: Context, verb: Agreement, sp: Speaker) -> bool:
    """The candidate's gender is known and the verb's: the same (a farther antecedent needs this much)."""
    sg, sn = speaker_agreement(ctx, sp)
    return sg is not None and sg == verb[0] and (sn == "sg") == (verb[1] == "sg")


def can_speak(ctx: Context, sp: Speaker) -> bool:
    """The candidate names someone: an entity, a title, an unnamed source or a public body (وزارة…), not
    الإعلان or هجمات."""
    if sp.entity or sp.anonymous:
        return True
    words = normalize_word(sp.role or sp.text).split()
    if not words:
        return False
    return (
        _title_agreement(ctx, words[0]) != (None, None)
        or _strip_al(words[0]) in ctx.lex.words["body"]
        or _strip_al(words[0]) in ctx.lex.words["masc_body"]  # الجيش، المجلس، البنك
        or words[0] in ctx.lex.words["quantifier"]  # آلاف الطلاب، العشرات من المحتجين: the people counted
    )


_CITIES = frozenset({"city", "capital"})


def city_after_masculine(ctx: Context, hit: CueHit, lo: int) -> bool:
    """The phrase after a masculine singular verb opens with a city (ودعا | طهران إلى…): a city takes a feminine
    verb (دعت طهران), so it is the verb's object and the subject is dropped."""
    t = ctx.toks[lo]
    for m in ctx.mentions_in(t.start, t.end):
        if m[0] == t.start and m[2].type == "LOC" and m[2].kind in _CITIES:
            return verb_agreement(ctx, hit) == ("m", "sg")
    return False
