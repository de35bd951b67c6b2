"""Words standing for an actor named before: an organization's head noun alone (المجلس), a definite title
with a nisba (الوزير الأميركي، نظيره العماني) and a bare title (رئيس الوزراء، الأمير)."""

from __future__ import annotations

from functools import lru_cache

from ...document import Document
from ...text import normalize
from ..lexicon import lexicon
from .model import NISBA_ENDINGS, Chunk, Tok


def _anaphor_heads(doc: Document) -> dict[str, list[tuple[int, str]]]:
    """Head nouns of organizations named in several words (مجلس التعاون …، السلطة الفلسطينية، وزارة الدفاع
    التركية), with the article (المجلس، السلطة، الوزارة) -> (mention start, entity id), in text order."""
    out: dict[str, list[tuple[int, str]]] = {}
    for e in doc.entities:
        if e.type != "ORG":
            continue
        for m in e.mentions:
            head = _head_noun(m.text)
            if head is not None:
                out.setdefault(head, []).append((m.start, e.id))
    for v in out.values():
        v.sort()
    return out


@lru_cache(maxsize=4096)
def _head_noun(text: str) -> str | None:
    """The head noun, with the article, of an organization named in several words (None for one word)."""
    words = _words(text)
    if len(words) < 2 or len(words[0]) < 3:
        return None
    return words[0] if words[0].startswith("ال") else "ال" + words[0]


def _with_clitics(anaphors: dict[str, list[tuple[int, str]]]) -> dict[str, str]:
    """Each head noun as written with the clitics before it (والمجلس، بالمجلس، للمجلس) -> the head noun."""
    out: dict[str, str] = {}
    for head in anaphors:
        out.update(_clitic_spellings(head))
    return out


@lru_cache(maxsize=4096)
def _clitic_spellings(head: str) -> dict[str, str]:
    out = {pre + head: head for pre in ("", "و", "ف", "ب", "وب", "فب")}
    out.update((pre + head[1:], head) for pre in ("ل", "ول", "فل"))  # ل + المجلس = للمجلس
    return out


def _head_anaphors(
    toks: list[Tok], seen: list[tuple[int, str]], anaphors: dict[str, list[tuple[int, str]]]
) -> bool:
    """وقال المجلس، اتهم … السلطة بـ …: a head noun alone (no adjective or genitive after it, no function-word
    reading) stands for the organization last named with it. ``seen``: (token index, head noun) of the words
    that read as one. Sets ``ent`` on those tokens; True if any."""
    found = False
    own = lexicon().self_nouns  # الحزب، الحركة in a speaker's words: his own side (own_side_warning)
    for k, head in seen:
        tk = toks[k]
        if head in own or tk.in_trigger:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.token.kind == "word"
            and (nxt.ent or nxt.token.forms[-1][1].startswith("ال"))
        ):
            continue  # المجلس الرئاسي، الجيش التركي: another body
        before = [eid for start, eid in anaphors[head] if start < tk.token.start]
        if before:
            tk.ent, tk.ent_start, found = before[-1], True, True
    return found


def _titled_people(doc: Document) -> list[tuple[int, str, frozenset[str], str]]:
    """(mention start, person id, words of his titles, his country's KB id) for every mention of a person with
    a title and a country, in text order."""
    out = []
    for e in doc.entities:
        if e.type != "PER" or not e.roles or not e.country:
            continue
        words = _role_words(tuple(r.text for r in e.roles))
        out += [(m.start, e.id, words, e.country) for m in e.mentions]
    out.sort()
    return out


def _title_anaphors(
    toks: list[Tok], chunks: list[Chunk], titled: list[tuple[int, str, frozenset[str], str]], kb_of: dict
) -> None:
    """استقبل السيسي الوزير الأميركي، التقى X نظيره العماني: a definite title (or a counterpart) and a nisba,
    naming nobody, stand for the person last named before with that title (any title) and country. ``chunks``:
    the phrases holding a nisba adjective."""
    counterparts = lexicon().counterparts  # نظير، ضيف (event_words.tsv)
    for c in chunks:
        if len(c.actors) != 1 or c.prep is not None:
            continue
        head = toks[c.start]
        stem = head.token.forms[-1][1]
        # نظيره العماني، ضيفه الإيراني: his Omani counterpart, his Iranian guest, whatever their titles
        counterpart = stem.startswith(counterparts)
        if head.ent or not (stem.startswith("ال") or counterpart) or head.token.kind != "word":
            continue
        if not all(toks[k].nisba for k in range(c.start, c.end) if toks[k].ent):
            continue
        country = kb_of.get(c.actors[0])
        here = head.token.start
        pick = exact = None
        for start, pid, words, pc in titled:
            if start >= here:
                break
            if pc == country and (counterpart or stem[2:] in words or stem in words):
                pick = pid
                # الرئيس السنغالي is the president, not the prime minister (رئيس الوزراء): a title with no
                # other word than the head and nisbas is the better match
                if not counterpart and all(w in (stem, stem[2:]) or w.endswith(NISBA_ENDINGS) for w in words):
                    exact = pid
        pick = exact or pick
        if pick is not None:
            c.conjuncts = [[pick]]
            c.seal()


def _title_holders(
    doc: Document,
) -> tuple[list[tuple[int, str, tuple[tuple[frozenset[str], bool], ...]]], frozenset[str], frozenset[str]]:
    """(mention start, person id, his titles: (words, written in this article)) for every mention of a titled
    person, in text order; all the words of those titles; and their first words."""
    out = []
    known: set[str] = set()
    heads: set[str] = set()
    for e in doc.entities:
        if e.type != "PER" or not e.roles:
            continue
        titles = []
        for r in e.roles:
            w = _words(r.text)
            if w:
                titles.append((frozenset(w), r.source == "text"))
                known.update(w)
                heads.add(w[0])
        roles = tuple(dict.fromkeys(titles))
        out += [(m.start, e.id, roles) for m in e.mentions]
    out.sort()
    return out, frozenset(known), frozenset(heads)


BARE_TITLE_WORDS = 3  # رئيس الوزراء، الأمير، وزير الخارجية: a title standing alone is short


_WHOLE_WORD = frozenset({"not_conj"})


def _bare_titles(
    toks: list[Tok],
    chunks: list[Chunk],
    holders: list[tuple[int, str, tuple[tuple[frozenset[str], bool], ...]]],
    known: frozenset[str],
    types: dict[str, str] | None = None,
) -> None:
    """اتهم غانتس رئيس الوزراء بـ…، وقال الأمير: a definite title naming nobody, without a nisba, stands for the
    person last named before with a title holding all its words (بنيامين نتنياهو، رئيس الوزراء الإسرائيلي)."""
    if not holders:
        return
    types = types or {}
    media = lexicon().media
    for n, c in enumerate(chunks):
        if c.actors:
            continue
        first = c.start
        if c.prep is not None:
            # رحب بتصريحات ولي العهد: a way of saying, then a bare title: the words of its holder
            if c.end - c.start < 2 or not any(stem in media for _, stem in toks[c.start].token.forms):
                continue
            first = c.start + 1
        nxt = chunks[n + 1] if n + 1 < len(chunks) else None
        if (
            nxt is not None
            and nxt.prep is not None
            and nxt.start <= c.end + 1
            and any(types.get(toks[k].ent) == "PER" for k in range(nxt.start, nxt.end))
        ):
            continue  # المديرة التنفيذية لليونيسف كاثرين راسل: the title's holder is named in the phrase after it
        head = toks[first].token.forms[-1][1]
        if head not in known and head[2:] not in known:
            continue  # (a cheap test: the first word must be a word of some title)
        # the title: the phrase's first words up to a definite one not followed by another (رئيس الوزراء
        # بتقديم …: the rest is the object's complement)
        end = None
        for k in range(first, min(c.end, first + BARE_TITLE_WORDS)):
            tk = toks[k]
            # (after a way of saying, ولي of ولي العهد is read whole: its not_conj category is no function word)
            whole = first > c.start and tk.cats == _WHOLE_WORD
            if tk.token.kind != "word" or (tk.cats and not whole) or tk.entries or tk.timex:
                break
            if tk.token.forms[-1][1].startswith("ال") and (
                k + 1 >= c.end or not toks[k + 1].token.norm.startswith("ال")
            ):
                end = k + 1
                break
        if end is None:
            continue  # رئيس وزراء سابق: indefinite, nobody in particular
        span = toks[first:end]
        words = [tk.token.forms[-1][1] for tk in span]
        keys = {w[2:] if w.startswith("ال") else w for w in words}
        here = span[0].token.start
        pick = written = None
        for start, pid, roles in holders:
            if start >= here:
                break
            for words_of, in_text in roles:
                if all(k in words_of or "ال" + k in words_of for k in keys):
                    pick = pid
                    if in_text:  # a title the article gives him beats one the KB remembers (a former PM)
                        written = pid
        pick = written or pick
        if pick is not None:
            c.conjuncts = [[pick]]
            c.seal()


@lru_cache(maxsize=4096)
def _role_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The normalized words of a person's titles."""
    return frozenset(w for t in texts for w in _words(t))


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    """A title's normalized text (titles repeat across an article and a corpus)."""
    return normalize(text)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """The normalized words of a mention or title (they repeat across an article and a corpus)."""
    return tuple(normalize(text).split())
