"""What the lexicons say about one word (categories, trigger entries, clitics, the future prefix), cached by
its text, and how a word's Tok is filled from it."""

from __future__ import annotations

from functools import lru_cache

from ...data import read_tsv
from ...text import normalize
from ...text.tokens import Token, clitic_forms
from ..lexicon import Entry, core, lexicon
from ..nisba import could_be_nisba
from .cue_phrases import _cues_by_second, _phrase_firsts
from .model import NISBA_ENDINGS, Tok
from .trigger_marking import _trigger_facts

_WORDS: dict[str, tuple] = {}
_EMPTY: frozenset[str] = frozenset()


_HEAD_SPELLINGS = ("ال", "وال", "فال", "بال", "وبال", "فبال", "لل", "ولل", "فلل")


def _new_word(t: Token) -> tuple:
    info = _free_word_info(t.text, t.norm)
    forms = info[6]
    firsts = _phrase_firsts()
    # the readings with the و/ف of a three-letter word split off too (ومن المقرر)
    cues = _cues_by_second(forms) if any(stem in firsts for _, stem in forms) else None
    facts = _trigger_facts(info[1]) if info[1] else None
    stems = tuple(stem for _, stem in forms if could_be_nisba(stem))
    cats, entries, head_k, article, fut, cores, _, conj, prep = info
    args = (
        False,
        None,
        False,
        prep,
        conj,
        cats,
        fut,
        entries,
        None,
        0,
        False,
        article,
        cores,
        _EMPTY,
        False,
        head_k,
        False,
    )
    # could the word be an organization's head noun with its clitics (والمجلس، للمجلس; see _with_clitics)?
    maybe_head = not cats and not entries and t.norm.startswith(_HEAD_SPELLINGS)
    w = (t.norm, t.forms, info[:7], entries, cats, stems, cues, facts, args, maybe_head)
    if len(_WORDS) < 200_000:  # bounded: a stream of unique garbage cannot exhaust memory
        _WORDS[t.text] = w
    return w


_NOT_CONJ = frozenset({"not_conj"})


@lru_cache(maxsize=100_000)
def _word_info(text: str):
    """What the lexicons say about a word, cached by its text: (categories, entries, head_k, article, future,
    cores of its readings, the readings)."""
    lex = lexicon()
    forms = clitic_forms(text)
    n = forms[0][1]
    if len(forms) == 1 and len(n) == 3 and n[0] in "وف":
        forms = (*forms, (1, n[1:]))  # ولم، وحث، فقد: the text layer keeps three-letter words whole
    elif n.startswith("لل") and len(n) > 4 and text[:2] == "لل":
        forms = (*forms, (1, n[1:]))  # للقاء is ل + لقاء (not ل + اللقاء)
    cats: frozenset[str] = frozenset()
    readings = forms
    for n_form, (k, stem) in enumerate(forms):
        c = lex.words.get(stem)
        if c:
            cats = c
            if "not_conj" in c and k:
                # ووزيرة، ووكالة: و + a word known whole (read no further: not و + و + زيرة)
                cats, readings = c - _NOT_CONJ, forms[: n_form + 1]
            break
    entries: tuple[Entry, ...] = ()
    head_k, article, fut = 0, False, False
    # a word known whole (وزارة، وفد) is not و + a trigger (زارة)
    for k, stem in forms[:1] if "not_conj" in cats else readings:
        cands = lex.heads.get(stem)
        art = False
        if cands is None and stem.startswith("ال") and len(stem) > 4:
            cands = lex.heads.get(stem[2:])
            art = cands is not None
        if cands and text.endswith("ة"):
            # إدانة is no verb form (a feminine participle is: متهمة)
            cands = tuple(e for e in cands if e.trigger.pos == "noun" or e.participle) or None
        if cands:
            entries, head_k, article = cands, k, art
            fut = "س" in text[:k]  # سيردون: the future prefix came off as a clitic
            break
    if not entries and "light" in cats:  # سترسل، سيعقد: a light verb in the future
        fut = any(k and "س" in text[:k] and stem[:1] in "يتنا" for k, stem in forms)
    cores = frozenset(core(stem) for _, stem in forms)
    return cats, entries, head_k, article, fut, cores, forms


@lru_cache(maxsize=100_000)
def _free_word_info(text: str, norm: str) -> tuple:
    """``_word_info(text)`` followed by the conjunction flag and preposition ``_annotate_word`` gives a word
    outside every mention (they depend on the text and its normalized form only)."""
    info = _word_info(text)
    cats, forms = info[0], info[6]
    conj = norm[:1] in "وف" and len(norm) >= 3 and len(forms) > 1 and "not_conj" not in cats
    rest = norm[1:] if conj else norm
    prep = rest[0] if rest.startswith(("بال", "لل", "كال")) and len(rest) > 4 else None
    if prep is None and rest[:1] in ("ب", "ل") and (rest[1:] in title_words() or rest[1:] in lexicon().media):
        # اتصالا هاتفيا بقائد القيادة X، لرئيس الوزراء: a title without the article after ب/ل; رحب بتصريحات X:
        # a way of saying (its own ب is no root letter: بيان stays whole)
        prep = rest[0]
    return (*info, conj, prep)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title words (titles.tsv) without the article, normalized: قايد، رييس، وزير، متحدث."""
    return frozenset(
        normalize(row["title"]).split()[0].removeprefix("ال")
        for row in read_tsv("titles.tsv")
        if row["title"]
    )


def _annotate_word(tk: Tok, info: tuple, nisba: dict[str, str]) -> None:
    """Fill a word's Tok from ``_word_info`` of its text; ``tk.ent`` is already set from the mentions."""
    t = tk.token
    tk.cats, tk.entries, tk.head_k, tk.article, tk.fut, tk.cores, forms = info
    n0 = t.norm
    if not tk.ent_start and not tk.ent:
        if n0[:1] in "وف" and len(n0) >= 3 and len(forms) > 1 and "not_conj" not in tk.cats:
            tk.conj = True
        rest = n0[1:] if tk.conj else n0
        if rest.startswith(("بال", "لل", "كال")) and len(rest) > 4:
            tk.prep = rest[0]
    # a nisba adjective of an entity of the document (روسي، الأميركية) stands for that entity
    if not nisba:
        return
    for _, stem in forms:
        eid = nisba.get(stem)
        # inside a name only an adjective form counts (الروسية), not the name itself (مصر)
        if eid and (not tk.ent or stem.endswith(NISBA_ENDINGS)):
            tk.nisba = True
            if not tk.ent:
                tk.ent = eid
                tk.ent_start = True
            break
