"""The person's name inside a speaker's phrase: where it starts after a title (``title_end``), the given or
family name the entities layer left out (وزير الري محمد | عبد العاطي، جولي | كوزاك), a lone last name that
stands for the person named in full before, and who speaks when a phrase names several people."""

from __future__ import annotations

from functools import lru_cache

from ..data import read_tsv
from ..document import Entity
from ..text.normalize import normalize, normalize_word
from .context import Context
from .title_names import bare_name

_NISBA = ("ي", "يه", "يون", "يين", "يان")


def definite_first_name(ctx: Context, k: int) -> bool:
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
def known_given_names() -> frozenset[str]:
    """Given names (rasd/data/given_names.tsv, kind "given"), normalized."""
    return frozenset(normalize(r["name"]) for r in read_tsv("given_names.tsv") if r.get("kind") == "given")


def compound_given(text: str) -> bool:
    """A two-word mention that is one compound given name (عبد الرحمن، عبد الله): its family name may follow."""
    if not text.startswith("عبد"):  # the cheap test first: most names are not one
        return False
    words = normalize_word(text).split()
    return len(words) == 2 and words[0] == "عبد"


def unmarked_family_name(ctx: Context, q: int) -> bool:
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


def given_name_before(ctx: Context, k: int) -> str | None:
    """Token ``k``, right before a person's mention, is a given name the mention left out (وزير الري محمد |
    عبد العاطي، رئيس الوفد هادي | هيج): no article, outside any mention or a one-word person of its own.
    Returns its normalized form."""
    norm = ctx.norms[k]
    if ctx.toks[k].kind != "word" or norm not in known_given_names():
        return None
    t = ctx.toks[k]
    ms = ctx.mentions_in(t.start, t.end)
    if ms and not (len(ms) == 1 and ms[0][2].type == "PER" and (ms[0][0], ms[0][1]) == (t.start, t.end)):
        return None
    return norm


def fuller_person(ctx: Context, ent: Entity, before: int) -> Entity:
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


def unmarked_name(ctx: Context, lo: int, hi: int, name_lo: int) -> int:
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


def joint_first(ctx: Context, per: list) -> int:
    """Index of the person who speaks in a phrase naming several: the first of a coordination (الصفدي
    ونظيره المصري عبد العاطي), else the last (the name after its titles)."""
    if len(per) > 1:
        for j in range(ctx.tok_at(per[0][1]), ctx.tok_at(per[-1][0])):
            if ctx.norms[j].startswith("و") and ctx.toks[j].kind == "word":
                return 0
    return len(per) - 1


def title_word(ctx: Context, offset: int) -> bool:
    """A "person" mention starting with ال (الخارجية السعودي) is the rest of a title, not a name."""
    j = ctx.tok_at(offset)
    return j < len(ctx.toks) and ctx.norms[j].startswith("ال")


def title_end(ctx: Context, lo: int, hi: int) -> int:
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
