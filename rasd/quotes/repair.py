"""Speakers the entities layer misread, put right from the words around them: a person's mention that ran
the body or place of the title over the given name (محافظ | المفرق سلمان | النجادا) is the given name and
the family name after it, kept as written and unlinked (gold and readers want the Arabic name, not a wrong
entity); a mention cut after a word that cannot end a name (تيسير أبو | سنينة) takes the next word."""

from __future__ import annotations

from ..text.normalize import normalize_word
from .context import Context
from .records import SpeakerRec as Speaker
from .spans import is_title
from .speakers import _given_names


def fix_speaker(ctx: Context, sp: Speaker) -> Speaker | None:
    """The speaker put right, or None when nothing is to be fixed."""
    return genitive_run_over(ctx, sp) or cut_particle(ctx, sp) or short_body(ctx, sp)


def short_body(ctx: Context, sp: Speaker) -> Speaker | None:
    """A lone definite word with no entity that ends a body named in full before (تيار المردة … المردة،
    حزب الكتائب … الكتائب): that body."""
    if sp.entity is not None or sp.anonymous or " " in sp.text or not sp.text.startswith("ال"):
        return None
    key = normalize_word(sp.text)
    for e in ctx.doc.entities:
        if e.type == "ORG" and any(
            m.start < sp.start and len(w := normalize_word(m.text).split()) >= 2 and w[-1] == key
            for m in e.mentions
        ):
            return Speaker(sp.start, sp.end, sp.text, e.id, sp.role, False, sp.affiliation, sp.implicit)
    return None


def cut_particle(ctx: Context, sp: Speaker) -> Speaker | None:
    """A person's mention ending in a name particle (أبو، بن، عبد) runs on to the next word (تيسير أبو |
    سنينة): the whole name, unlinked unless the longer name is a known entity's."""
    if sp.entity is None or " " not in sp.text:
        return None
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


def genitive_run_over(ctx: Context, sp: Speaker) -> Speaker | None:
    """A person's mention starting with a definite word right after a title (محافظ المفرق سلمان), whose next
    word is a known given name: the speaker is that given name to the mention's end, plus an unmarked
    family name right after it (سلمان النجادا); the title and its genitive become the role."""
    text = sp.text
    if sp.entity is None or not text.startswith("ال") or " " not in text:
        return None  # the cheap tests first: most speakers are not such a mention
    ent = ctx.entity_by_id(sp.entity)
    if ent is None or ent.type != "PER":
        return None
    p = ctx.tok_at(sp.start)
    q = p + 1
    if p < 1 or ctx.toks[p].start != sp.start or q >= len(ctx.toks) or not is_title(ctx, p - 1):
        return None
    if ctx.norms[q] not in _given_names():
        return None
    end = sp.end
    after = ctx.tok_at(end)
    if after < len(ctx.toks) and ctx.toks[after].start >= end and _family_name(ctx, after):
        end = ctx.toks[after].end
    start = ctx.toks[q].start
    role = f"{sp.role} {ctx.toks[p].text}" if sp.role else ctx.text[ctx.toks[p - 1].start : ctx.toks[p].end]
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
