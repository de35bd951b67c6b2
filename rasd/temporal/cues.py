"""Tense cues: the words around a date that tell whether it lies before or after the publication date.

The nearest cue in the sentence wins (``قال إن القمة ستعقد في يونيو``: ستعقد, not قال). Imperfect verbs with
the future prefix س are found by shape; words that merely look like them are listed as "none" in the data."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from .lexicon import number_words, tense_cues, units

_WORD = regex.compile(r"\w+")
_FUTURE_VERB = regex.compile(r"س[يتن]\w{3,}")
_PRONOUN = ("هما", "هم", "ها", "ه", "كم", "نا")
MAX_DISTANCE = 100  # characters: a cue further away belongs to another clause


@lru_cache(maxsize=50_000)
def _tense(word: str) -> str | None:
    cues = tense_cues()
    for w in (word, word[1:] if word[:1] in "وف" and len(word) > 3 else None):
        if not w:
            continue
        if w in cues:
            return None if cues[w] == "none" else cues[w]
        if w.endswith("ا") and w[:-1] in cues:  # the accusative: موعدا، مقررا
            return None if cues[w[:-1]] == "none" else cues[w[:-1]]
        for suf in _PRONOUN:
            stem = w[: -len(suf)]
            if not (w.endswith(suf) and len(stem) >= 3):
                continue
            # ألقاه: a final ى turns into ا before a pronoun; سياسته، سيادته: ة turns into ت
            alt = stem[:-1] + "ي" if stem.endswith("ا") else stem[:-1] + "ه" if stem.endswith("ت") else None
            for form in (stem, alt):
                if form and form in cues:
                    return None if cues[form] == "none" else cues[form]
        # a sound feminine plural (سياسات، سيارات) is a noun: no imperfect verb ends in ات
        if (
            _FUTURE_VERB.fullmatch(w)
            and not w.endswith("ات")
            and w not in units()
            and w not in number_words()
        ):
            return "future"
    return None


@lru_cache(maxsize=256)
def _is_word_char(ch: str) -> bool:
    return _WORD.match(ch) is not None


def is_cue(word: str) -> bool:
    """Whether a normalized word is a tense cue (cached per word)."""
    return _tense(word) is not None


# و + a pronoun before an imperfect verb opens a circumstantial clause (وهو يترأس): no future
_CIRCUMSTANTIAL = re.compile(r"(?:^|\s)وه(?:و|ي|م|ما)\s+$")


def find_cues(norm: str, words: list[str] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, tense)`` of every tense cue in a normalized sentence; ``words`` may give its words
    (``_WORD.findall(norm)``, as :func:`~rasd.temporal.scan.sentence_words` reads them), or only those that
    are cues (:func:`is_cue`), in any order: each is looked for in the sentence."""
    if words is None:
        words = _WORD.findall(norm)
    tenses = list(map(_tense, words))
    if not any(tenses):
        return []
    # a sentence holds a few cues among dozens of words: find where those words stand as whole words, rather
    # than making a match object for every word
    out = []
    n = len(norm)
    for w, t in {w: t for w, t in zip(words, tenses, strict=True) if t}.items():
        i = norm.find(w)
        while i >= 0:
            e = i + len(w)
            if (i == 0 or not _is_word_char(norm[i - 1])) and (e == n or not _is_word_char(norm[e])):
                if t == "future" and _CIRCUMSTANTIAL.search(norm, max(0, i - 6), i):
                    pass  # وظهر الكاظمي … وهو يترأس اجتماعا: what was going on then, not what is planned
                else:
                    out.append((i, e, t))
            i = norm.find(w, i + 1)
    out.sort()
    return out


# the proviso "، على أن" + an imperfect verb (``وقع الاتفاق، على أن يدخل حيز التنفيذ في 1 يناير``): what follows
# is still to come, whatever the verb of the sentence. Only after a comma: after a verb, على أن + a noun is
# what was said or agreed (شدد على أن لبنان…), and its tense is the clause's own.
PROVISO = "علي ان"
_PROVISO_VERB = regex.compile(r"[،,]\s*[وف]?علي\s+ان\s+(?P<v>[يتن]\w{2,})(?!\w)")


def proviso_cues(norm: str) -> list[tuple[int, int, str]]:
    """Future cues on the verbs after a proviso ``، على أن`` (see ``PROVISO``) in a normalized sentence."""
    return [
        (m.start("v"), m.end("v"), "future")
        for m in _PROVISO_VERB.finditer(norm)
        if not m.group("v").endswith("ات")  # a plural noun (، على أن تعديلات…), not a verb
    ]


# a complementizer (أن، إن، أنه، بأن…): the clause after it is what was said, with a tense of its own
# (with ``re``: its engine skips to the literal ان far faster than ``regex`` tries every position)
_COMPLEMENTIZER = re.compile(r"(?<!\S)[وف]?ب?ان(?:ه|ها|هم|هما|نا|ني)?(?=\s)")


# an attribution right before a reporting verb after the expression (``صباح الخميس، بحسب ما أعلن الحرس``): the
# verb tells when the news was given, not when what it dates happens
_ATTRIBUTION = re.compile(r"(?:(?<!\S)ب?حسب\s*ما|(?<!\S)وفق\s*ما|(?<!\S)وفقا\s+لما|(?<!\S)طبقا\s+لما)\s+$")


# a comma and و: a new clause, whose verb does not date what the clause before it tells, when that one has a cue
# (the cue before counts then only in the same clause: no comma between it and the expression)
_NEW_CLAUSE = re.compile(r"[،,]\s*و")
_COMMA = re.compile(r"[،,]")


def tense_at(cues: list[tuple[int, int, str]], start: int, end: int, norm: str | None = None) -> str | None:
    """The tense of the nearest cue outside ``[start, end)``; ties go to the cue before. Given the normalized
    sentence ``norm``, a cue after the expression with a complementizer between them is in the clause of what
    was said and does not count: in ``قال الوزير الأحد إنه سيزور القاهرة`` Sunday is the one of قال, not of
    سيزور. (Then no later cue counts either: the complementizer stands before them all. A cue before the
    expression still counts across a complementizer: an expression inside what was said with no cue of its
    own is best read by the nearest cue before it.) The complementizer is looked for only when a cue after
    the expression is the nearest, between the two. Nor does a cue after an attribution (``بحسب ما أعلن``)
    count, nor one opening a new clause (``، وكان``) when a cue stands before the expression in its own
    clause (``ويعقد المجلس جلسة عند الساعة الرابعة، وكان المندوب طلب``)."""
    before: tuple[int, str] | None = None
    after: tuple[int, int, str] | None = None
    for s, e, t in cues:
        if e <= start:
            d = start - e
            if d <= MAX_DISTANCE and (before is None or d < before[0]):
                before = (d, t)
        elif s >= end:
            d = s - end
            if d <= MAX_DISTANCE and (after is None or d < after[0]):
                after = (d, s, t)
    if after is not None and (before is None or after[0] < before[0]):
        if norm is None or (
            _COMPLEMENTIZER.search(norm, end, after[1]) is None
            and _ATTRIBUTION.search(norm, end, after[1]) is None
            and (
                before is None
                or _NEW_CLAUSE.search(norm, end, after[1] + 1) is None
                or _COMMA.search(norm, start - before[0], start) is not None
            )
        ):
            return after[2]
    return before[1] if before is not None else None
