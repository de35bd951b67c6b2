"""Speakers the entities layer misread, put right from the words around them: a person's mention that ran
the body or place of the title over the given name (محافظ | المفرق سلمان | النجادا) is the given name and
the family name after it, kept as written and unlinked (gold and readers want the Arabic name, not a wrong
entity); a mention cut after a word that cannot end a name (تيسير أبو | سنينة) takes the next word."""

from __future__ import annotations

from functools import lru_cache

from ..data import read_tsv
from ..text.normalize import normalize, normalize_word
from .context import Context
from .person_names import known_given_names
from .records import SpeakerRec as Speaker
from .speaker_heads import is_body, is_title
from .speaker_links import speaker_entity


def fix_speaker(ctx: Context, sp: Speaker) -> Speaker | None:
    """The speaker put right, or None when nothing is to be fixed."""
    # the cheap tests on the text as written decide which rule may apply: most speakers need none
    text = sp.text
    if sp.entity is not None:
        if " " not in text:
            return None
        if (fixed := genitive_run_over(ctx, sp)) is not None:
            return fixed
        if sp.role is None and text.count(" ") == 1 and (fixed := two_people(ctx, sp)) is not None:
            return fixed
        return cut_particle(ctx, sp) if text.endswith(_particle_endings()) else None
    if sp.anonymous:
        return None
    if " " not in text and text.startswith("ال") and (fixed := short_body(ctx, sp)) is not None:
        return fixed
    return long_body(ctx, sp) if ctx.text.startswith(_BODY_TAILS, sp.end) else None


MAX_BODY_TAIL = 8  # words of a body's name after the part read as the speaker
_BODY_TAILS = (" لل", " من أجل", " من اجل")


def long_body(ctx: Context, sp: Speaker) -> Speaker | None:
    """A body nobody linked whose name goes on past the speaker (المكتب الوطني | للكهرباء والماء الصالح
    للشرب، الجمعية اللبنانية | من أجل ديمقراطية الانتخابات): ل + a definite noun, و + a definite noun, then
    definite adjectives, or من أجل + a noun phrase, are still its name."""
    if sp.entity is not None or sp.anonymous or not ctx.text.startswith(_BODY_TAILS, sp.end):
        return None  # the cheap test first: few speakers are followed by " لل" or " من أجل"
    p = ctx.tok_at(sp.start)
    toks, norms, infos = ctx.toks, ctx.norms, ctx.info
    if p >= len(toks) or toks[p].start != sp.start or not is_body(ctx, p):
        return None
    k = ctx.tok_at(sp.end)
    n = len(toks)
    stop = min(n, k + MAX_BODY_TAIL)
    tail = False  # a ل or من أجل phrase opened: definite words after it belong to the name
    while k < stop and toks[k].kind == "word":
        w = norms[k]
        if (
            w.startswith("لل")
            and len(w) > 4
            and not infos[k].audience
            and not ctx.mentions_in(toks[k].start, toks[k].end)
        ):
            tail = True
        elif tail and (w.startswith("وال") or (w.startswith("ال") and infos[k].plain)):
            pass
        elif w == "من" and k + 2 < stop and norms[k + 1] == "اجل" and toks[k + 2].kind == "word":
            k += 2  # من أجل ديمقراطية الانتخابات: the noun, then its definite genitive
            if not norms[k].startswith("ال") and k + 1 < stop and norms[k + 1].startswith("ال"):
                k += 1
            tail = True
        else:
            break
        k += 1
    end = toks[k - 1].end
    if end <= sp.end:
        return None
    return Speaker(sp.start, end, ctx.text[sp.start : end], None, sp.role, False, sp.affiliation, sp.implicit)


def short_body(ctx: Context, sp: Speaker) -> Speaker | None:
    """A lone definite word with no entity that ends a body named in full before (تيار المردة … المردة،
    حزب الكتائب … الكتائب): that body."""
    if sp.entity is not None or sp.anonymous or " " in sp.text or not sp.text.startswith("ال"):
        return None
    tail = " " + sp.text  # as written: a body's short name repeats its spelling
    if ctx.text.rfind(tail, 0, sp.start) < 0:
        return None  # the cheap test first: never written after another word before
    for e in ctx.doc.entities:
        if e.type == "ORG" and any(m.start < sp.start and m.text.endswith(tail) for m in e.mentions):
            return Speaker(sp.start, sp.end, sp.text, e.id, sp.role, False, sp.affiliation, sp.implicit)
    return None


def cut_particle(ctx: Context, sp: Speaker) -> Speaker | None:
    """A person's mention ending in a name particle (أبو، بن، عبد) runs on to the next word (تيسير أبو |
    سنينة): the whole name, unlinked unless the longer name is a known entity's."""
    if sp.entity is None or not sp.text.endswith(_particle_endings()):
        return None  # the cheap test first, on the text as written
    last = ctx.tok_at(sp.end) - 1
    if last < 0 or ctx.norms[last] not in ctx.lex.words["name_particle"] or ctx.toks[last].end != sp.end:
        return None
    q = last + 1
    if q >= len(ctx.toks) or ctx.toks[q].kind != "word" or not ctx.info[q].plain:
        return None
    end = ctx.toks[q].end
    text = ctx.text[sp.start : end]
    ent = ctx.by_name.get(normalize_word(text))
    return Speaker(sp.start, end, text, ent.id if ent else None, sp.role, False, None, sp.implicit)


@lru_cache(maxsize=1)
def _particle_endings() -> tuple[str, ...]:
    """ " أبو", " ابو", " بن"…: a speaker's text ending in a name particle, as written and normalized."""
    words = [r["word"] for r in read_tsv("quote_words.tsv") if r["role"] == "name_particle"]
    return tuple({" " + w for w in words} | {" " + normalize(w) for w in words})


def two_people(ctx: Context, sp: Speaker) -> Speaker | None:
    """A two-word person's mention whose words each name another person, as a whole mention or a last name
    (وصف حميدتي البرهان بأنه…، اتهم نتنياهو غانتس: the entities layer ran the subject into the object after
    it): the first word speaks."""
    ent = ctx.entity_by_id(sp.entity) if sp.entity else None
    if ent is None or ent.kb_id:
        return None  # a person the knowledge base knows by these two words
    first, second = normalize_word(sp.text).split()
    by_name, by_part = ctx.by_name, ctx.by_part  # a whole mention, or a person's last name (نتنياهو)
    e1 = by_name.get(first) or by_part.get(first)
    e2 = by_name.get(second) or by_part.get(second)
    if (
        e1 is None
        or e2 is None
        or e1 is e2
        or e1.type != "PER"
        or e2.type != "PER"
        or sp.entity in (e1.id, e2.id)
    ):
        return None
    eid, aff = speaker_entity(ctx, e1)
    end = sp.start + sp.text.index(" ")
    return Speaker(sp.start, end, ctx.text[sp.start : end], eid, sp.role, False, aff, sp.implicit)


def genitive_run_over(ctx: Context, sp: Speaker) -> Speaker | None:
    """A person's mention that starts with the genitive of the title before it (محافظ | المفرق سلمان، محافظ |
    نينوى عبد القادر الدخيل) and goes on with a known given name: the speaker is the name from there, plus an
    unmarked family name right after a lone given name (سلمان | النجادا); the title and its genitive are the
    role. A title without the article (محافظ، وزير) is in the construct state, so the word after it is its
    place or body, not the name; after a definite title (الرئيس رجب طيب أردوغان) only a definite word is."""
    toks, norms = ctx.toks, ctx.norms
    p = ctx.tok_at(sp.start)
    q = p + 1
    if p < 1 or q >= len(toks) or toks[q].start >= sp.end or toks[p].start != sp.start:
        return None
    if norms[q] not in known_given_names() and norms[q] not in ctx.lex.words["name_particle"]:
        return None  # the cheap tests first: the second word must open a name
    if not is_title(ctx, p - 1) or (norms[p - 1].startswith("ال") and not norms[p].startswith("ال")):
        return None
    ent = ctx.entity_by_id(sp.entity) if sp.entity else None
    if ent is None or ent.type != "PER":
        return None
    end = sp.end
    after = ctx.tok_at(end)
    if after == q + 1 and after < len(toks) and toks[after].start >= end and _family_name(ctx, after):
        end = toks[after].end  # سلمان | النجادا: a lone given name left, its family name unmarked
    start = toks[q].start
    role = f"{sp.role} {toks[p].text}" if sp.role else ctx.text[toks[p - 1].start : toks[p].end]
    return Speaker(start, end, ctx.text[start:end], None, role, False, None, sp.implicit)


def _family_name(ctx: Context, q: int) -> bool:
    """Token ``q`` after a given name is a family name nobody marked: a plain word, no title, outside any
    mention; with the article too (الخطيب، النجادا), as a name right after a given name often has it."""
    t = ctx.toks[q]
    return (
        t.kind == "word"
        and ctx.info[q].plain
        and ctx.norms[q] not in ctx.lex.titles
        and not ctx.mentions_in(t.start, t.end)
    )
