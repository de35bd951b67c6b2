"""Words a person's name ran on into that no name has (found on the u–y development articles):

- after the name, a preposition or conjunction glued to a definite noun (تيمرمانس [بالمغادرة]), to an
  organization head (عبد الغفار [لوكالة] فرانس برس) or to a title (… [للرئيس]);
- after a name that أما opens, the فـ that answers it (أما بن سلمان [فشكر] ...);
- before it, an adverb in -ًا (اتصل [هاتفياً] بالشيخ مشعل: names carry no tanween) and a title with a
  preposition glued to it ([بالشيخ] مشعل).

Only names the KB does not know, of two words or more, are cut; one word of the name always stays. A word the
given-name list or the KB knows whole (بالحاج, فؤاد) is kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..text.tokens import Token
from .kb import KB
from .mention import Mention

_TANWEEN_FATH = "\u064b"
_CLITICS = "وفبلك"
_AMMA = "اما"  # normalized أما


def _glued(tok: Token, kb: KB, given: dict[str, str]) -> list[str]:
    """The stems of ``tok`` after a preposition or conjunction, unless the word is a name word whole."""
    if tok.kind != "word" or tok.norm in given or tok.norm in kb.words:
        return []
    return [st for k, st in tok.forms if k >= 1 and tok.text[0] in _CLITICS]


def person_run_on(
    tokens: Sequence[Token],
    m: Mention,
    kb: KB,
    given: dict[str, str],
    titles: frozenset[str],
    org_head: Callable[[Token], bool],
) -> Mention | None:
    """The person's name without the words of the module's docstring, or None when there are none."""
    if m.type != "PER" or m.kb_ids or m.last == m.first:
        return None
    first, last = m.first, m.last
    while last > first and m.end == tokens[last].end:
        tok = tokens[last]
        stems = _glued(tok, kb, given)
        if stems and tok.text[0] == "ف" and first > 0 and tokens[first - 1].norm == _AMMA:
            last -= 1
            continue
        if not any((st.startswith("ال") and len(st) >= 5) or st in titles for st in stems) and not (
            stems and org_head(tok)
        ):
            break
        last -= 1
    if m.start == tokens[first].start and first < last and _TANWEEN_FATH in tokens[first].text:
        first += 1
        if first < last and any(st in titles for st in _glued(tokens[first], kb, given)):
            first += 1
    if (first, last) == (m.first, m.last):
        return None
    return replace(m, first=first, last=last, start=tokens[first].start, end=tokens[last].end)


def given_name_after_title(
    tokens: Sequence[Token],
    m: Mention,
    kb: KB,
    given: dict[str, str],
    titles: frozenset[str],
    taken: set[int],
) -> Mention | None:
    """A person's name the model began one word late, after a given name that a title or a place's name
    stands before (النائب [علي] حسن خليل: علي folds with على; رئيس غينيا بيساو [عمر] سيسوكو إمبالو): the
    whole name, linked only where the KB knows it whole. A given name in ى as written is the preposition."""
    if m.type != "PER" or m.first < 2 or m.start != tokens[m.first].start:
        return None
    prev, before = tokens[m.first - 1], tokens[m.first - 2]
    # أن / إن fold to آن (Anne): three letters or more
    if m.first - 1 in taken or prev.kind != "word" or given.get(prev.norm) != "given" or len(prev.norm) < 3:
        return None
    if prev.text[-1] == "ى":
        return None
    if prev.end + 1 != tokens[m.first].start or before.end + 1 != prev.start:
        return None
    if before.norm not in titles and m.first - 2 not in taken:
        return None
    key = (prev.norm, *(t.norm for t in tokens[m.first : m.last + 1]))
    ids = tuple(i for i in kb.names.get(key, ()) if kb.entries[i]["type"] == "PER")
    return replace(m, first=m.first - 1, start=prev.start, kb_ids=ids, source="kb" if ids else "model")


def time_word_before_person(
    tokens: Sequence[Token], m: Mention, kb: KB, time_words: frozenset[str]
) -> Mention | None:
    """A KB person's name the model began on a word of time that is also a verb (وظهر الكاظمي بعد ساعات:
    ظهر "appeared" / "noon"): the KB person's name without it, unless the KB knows the whole (صباح الأحمد)."""
    if m.type != "PER" or m.last == m.first:
        return None
    t = tokens[m.first]
    if t.kind != "word" or t.match(time_words) is None:
        return None
    key = tuple(x.norm for x in tokens[m.first : m.last + 1])
    if any(kb.entries[i]["type"] == "PER" for i in kb.names.get(key, ())) or any(
        kb.entries[i]["type"] == "PER" for i in kb.names.get((t.match(time_words)[1], *key[1:]), ())
    ):
        return None
    ids = tuple(i for i in kb.names.get(key[1:], ()) if kb.entries[i]["type"] == "PER")
    if not ids:
        return None
    nxt = tokens[m.first + 1]
    return replace(m, first=m.first + 1, start=nxt.start, kb_ids=ids, source="kb")
