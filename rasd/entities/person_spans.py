"""A model's person name that is no name, read from its own words and the word before it; and a person's name
that the model ran on into the indefinite noun after it. Word lists: ner_span_words.tsv (``pronoun``) and the
titles of ner_cues.tsv / titles.tsv."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text.tokens import Token
from .cues import cue_index, one_word_titles
from .features import name_words
from .kb import KB, StemIndex
from .mention import Mention
from .news_rules import particle, span_words

# the dual and plural endings of a title noun (وزيرتان, مسؤولون, سفراء is broken and not read)
_NUMBER_ENDINGS = ("تان", "تين", "ان", "ين", "ون", "ات")


def _titles_in_number(t: Token) -> bool:
    """A title noun in the dual or sound plural (ووزيرتان, مستشارون): people counted, never one's name."""
    titles = one_word_titles()
    for _, stem in t.forms:
        for end in _NUMBER_ENDINGS:
            if stem.endswith(end) and len(stem) > len(end) + 2:
                base = stem[: -len(end)]
                if base in titles or base + "ه" in titles:
                    return True
    return False


def not_a_person_name(tokens: Sequence[Token], a: int, b: int, lo: int, kb: KB | None) -> bool:
    """A model's person name ``tokens[a..b]`` that is none: it begins with a title in the dual or plural
    (ووزيرتان أوروبيتان), with an imperfect verb before its definite object (يرتدي الشارة: a word in ي that is
    no given name nor a KB name's word), or it is the predicate after an independent pronoun (نحن شركاء
    متساوون) without a given name."""
    first = tokens[a]
    if first.kind != "word":
        return False
    given = name_words()
    if given.get(first.norm) is not None or (kb is not None and any(st in kb.words for _, st in first.forms)):
        return False
    if _titles_in_number(first):
        return True
    if (
        b > a
        and first.norm.startswith("ي")
        and len(first.norm) >= 4
        and tokens[a + 1].norm.startswith("ال")
        and len(first.forms) == 1
    ):
        return True
    return a > lo and tokens[a - 1].kind == "word" and tokens[a - 1].norm in span_words("pronoun")


def without_indefinite_title(tokens: Sequence[Token], a: int, b: int) -> int:
    """The last token of a person's name ``tokens[a..b]`` without a closing indefinite title in the accusative
    (عيّنت نايف السديري [سفيرا]: a title noun + ا, the state he was named to); ``b`` when there is none."""
    if b - a < 2 or tokens[b].kind != "word":
        return b
    w = tokens[b].norm
    if w.endswith("ا") and len(w) > 3 and w[:-1] in one_word_titles():
        return b - 1
    return b


def person_after_bare_head(
    tokens: Sequence[Token], a: int, b: int, given: dict[str, str], org_head: Callable[[Token], bool]
) -> bool:
    """A model's body name ``tokens[a..b]`` that is a bare definite head noun and a person's name after it (the
    body of a title: الأمين العام المساعد [للاتحاد] سامي الطاهري): the head with nothing that names the body,
    then a given name and at least one more word. An indefinite head is in construct with the name after it (a
    body named after a person: جامعة فؤاد الأول)."""
    if b - a < 2 or not (org_head(tokens[a]) or tokens[a].match(span_words("title_body")) is not None):
        return False  # (a body's head, or the one word that names the state's body after a title: الحكومة)
    # a definite head (للاتحاد, الاتحاد) is no construct before a name; بجامعة فؤاد الأول is named after him
    if not any(st.startswith("ال") for _, st in tokens[a].forms) and not tokens[a].norm.startswith("لل"):
        return False
    t = tokens[a + 1]
    return t.kind == "word" and given.get(t.norm) == "given"


def title_word_surnames(tokens: Sequence[Token], mentions: list[Mention], index: StemIndex) -> list[Mention]:
    """``mentions`` with the later mentions of a person named in full whose surname is also a title (حسين
    الشيخ ... وأكد [الشيخ] للصحافيين): the surname alone where no name follows it (punctuation, a particle,
    a word with a proclitic ل or ب, a told word), which the surname propagation leaves out as a title."""
    firsts = cue_index().first_words
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "PER" and m.last > m.first and tokens[m.last].kind == "word":
            w = tokens[m.last].norm
            if w in firsts and w.startswith("ال"):
                full.setdefault(w, m)
    if not full:
        return mentions
    taken = {j for m in mentions for j in range(m.first, m.last + 1)}
    given = name_words()
    out = list(mentions)
    for w, person in full.items():
        for i in index.pos.get(w, ()):
            t = tokens[i]
            if i in taken or i < person.last or t.norm != w:
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                nxt is not None
                and nxt.kind == "word"
                and not (
                    particle(nxt)
                    or nxt.norm in firsts
                    or (nxt.norm[:1] in "لب" and len(nxt.forms) > 1 and given.get(nxt.norm) is None)
                )
            ):
                continue  # الشيخ محمد: a title before a name
            out.append(Mention(i, i, t.start, t.end, "PER", person.kb_ids, "cue"))
            taken.add(i)
    out.sort(key=lambda m: m.start)
    return out
