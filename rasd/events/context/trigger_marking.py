"""Marking trigger heads in a sentence: the longest multiword trigger first (its rest maybe after a gap: the
subject), and the verb or noun reading chosen by the head's context."""

from __future__ import annotations

from ..lexicon import Entry, lexicon
from .model import _QUOTE_MARKS, STRONG_PUNCT, Tok


def _rest_matches(toks: list[Tok], j: int, rest) -> bool:
    for n, alts in enumerate(rest):
        k = j + n
        if k >= len(toks) or toks[k].token.kind != "word":
            return False
        if toks[k].cores.isdisjoint(alts):
            return False
    return True


# a word after these is a noun: a preposition (إلى دعم), إذا, a comparative (أكثر حذرا: more cautious, not a
# dual "they warned")
_NOUN_BEFORE_CATS = frozenset({"prep", "hypothetical_before", "comparative"})


def _nominal(toks: list[Tok], i: int) -> bool:
    """The head reads as a noun: it has the article, a preposition, or follows a preposition (إلى دعم)."""
    tk = toks[i]
    if tk.article:
        return True
    clit = tk.token.text[: tk.head_k].lstrip("وف")
    if clit[:1] in "بلك" and clit:
        return True
    k = i - 1
    while k >= 0 and toks[k].punct and toks[k].token.text in _QUOTE_MARKS:
        k -= 1
    # after a preposition (إلى دعم), أي (أي تنازل), عدم or a light verb (ستواصل دعم), a word is a noun
    return k >= 0 and bool(
        toks[k].cats & _NOUN_BEFORE_CATS
        or toks[k].token.norm == "عدم"
        or ("light" in toks[k].cats and not toks[k].ent and not toks[k].in_trigger)
    )


MAX_GAP = 8  # فرض الاتحاد الأوروبي، الاثنين، حزمة عقوبات


def _gapped(
    toks: list[Tok], i: int, verbs: tuple[Entry, ...], firsts: frozenset[str]
) -> tuple[int, list[Entry]]:
    """The gap and the multiword ``verbs`` whose rest follows the head after a gap of 1-MAX_GAP words (and
    any punctuation and time expressions);
    ``firsts`` (the union of the first words of their rests) is a cheap test before matching each in full."""
    words = 0
    for gap in range(1, 2 * MAX_GAP + 1):
        k = i + gap
        if k >= len(toks) or (toks[k].punct and toks[k].token.text in STRONG_PUNCT):
            break
        tk = toks[k]
        if not tk.punct and not tk.timex and not (tk.ent and (tk.nisba or not tk.ent_start)):
            # a date set off by commas does not count (استخدمت X، مساء الخميس 18 أبريل، حق النقض), nor a name's
            # later words and a nisba (وقع مفوض الطاقة الأوروبي X ووزير الطاقة السعودي الأمير Y مذكرة)
            words += 1
            if words > MAX_GAP:
                break
        if k + 1 >= len(toks) or toks[k + 1].cores.isdisjoint(firsts):
            continue
        hits = [e for e in verbs if _rest_matches(toks, k + 1, e.trigger.rest)]
        if hits and any("name_gap" in e.trigger.flags for e in hits) and not _names_only(toks, i + 1, k + 1):
            hits = [e for e in hits if "name_gap" not in e.trigger.flags]  # أعلنت أنها سترسل مساعدات
        if hits:
            return gap, hits
    return 0, []


def _names_only(toks: list[Tok], a: int, b: int) -> bool:
    """Tokens a..b-1 are a name (the subject), dates, numbers and punctuation (أعلنت الولايات المتحدة مساعدات،
    ستقدم 110 ملايين يورو)."""
    return all(
        toks[m].ent or toks[m].punct or toks[m].timex or toks[m].token.norm.replace(".", "").isdigit()
        for m in range(a, b)
    )


def plain_word(tk: Tok) -> bool:
    """A content word that is no name, particle, trigger or time: a noun a verb would follow only as SVO."""
    return tk.token.kind == "word" and not tk.ent and not tk.cats and not tk.in_trigger and not tk.timex


def _after_plain_word(toks: list[Tok], i: int) -> bool:
    """أكد البيان دعم …، قوات الدعم السريع: after a plain noun a word with a noun reading is that noun."""
    return i > 0 and not toks[i].conj and plain_word(toks[i - 1]) and not toks[i - 1].entries


_ASIDE_REACH = 12  # words in a dated aside between commas (، مساء أمس الثلاثاء 24 غشت 2021،)
_ANNOUNCED = frozenset({"announce", "light"})


def _after_announcing(toks: list[Tok], i: int) -> bool:
    """أعلنت الجزائر، مساء أمس الثلاثاء، قطع علاقاتها: after a verb of announcing or deciding, its named subject
    and a dated aside, the word is the verbal noun it governs (a past verb does not follow أعلن X)."""
    k = i - 1
    if k < 0 or not (toks[k].punct and toks[k].token.text in "،,"):
        return False
    m = k - 1
    while m >= 0 and k - m <= _ASIDE_REACH and not (toks[m].punct and toks[m].token.text not in "()"):
        m -= 1
    if m < 0 or toks[m].token.text not in "،," or not any(toks[n].timex for n in range(m + 1, k)):
        return False
    k = m - 1
    while k >= 0 and (toks[k].timex or (toks[k].punct and toks[k].token.text in "()")):
        k -= 1  # أعلنت X اليوم الأربعاء 21 رمضان، الموافق 12 أبريل، …: the date before the aside
    if k < 0 or not toks[k].ent:
        return False
    while k >= 0 and toks[k].ent:
        k -= 1
    return k >= 0 and bool(toks[k].cats & _ANNOUNCED) and not toks[k].in_trigger


def _trigger_facts(entries: tuple[Entry, ...]) -> tuple:
    """A head word's entries sorted for matching (cached with the word): the multiword ones (longest first, as
    the lexicon orders them), the one-word ones, the multiword verbs that may take their object after a gap
    (the subject), the union of the first words of those verbs' rests, whether any entry is an ``adjective``
    and the first words of the multiword ones' rests."""
    multi = tuple(e for e in entries if e.trigger.rest)
    plain = tuple(e for e in entries if not e.trigger.rest)
    verbs = tuple(e for e in multi if e.trigger.pos == "verb" and "adjacent" not in e.trigger.flags)
    firsts = frozenset().union(*(e.trigger.rest[0] for e in verbs)) if verbs else frozenset()
    adjective = any("adjective" in e.trigger.flags for e in entries)
    return multi, plain, verbs, firsts, adjective, _rest_firsts(multi)


def _mark_triggers(toks: list[Tok], heads: list[tuple[int, tuple]]) -> list[int]:
    """Longest multiword trigger first; verb or noun reading chosen by the head's context. ``heads``: the words
    with trigger entries outside names (منظمة الأمن والتعاون holds no trigger), in order, with
    ``_trigger_facts`` of their entries. Returns the indices of the heads that got a trigger."""
    i = 0
    marked: list[int] = []
    name_heads = lexicon().name_heads
    channels = lexicon().channels
    n_toks = len(toks)
    for h, (multi, plain, verbs, firsts, adjective, rest_firsts) in heads:
        if h < i:
            continue  # inside a trigger matched before
        i = h
        tk = toks[i]
        if tk.timex:
            continue  # فجر اليوم (at dawn) is no فجّر (blew up): no trigger inside a time expression
        hits: list[Entry] | tuple[Entry, ...] = ()
        gap = 0
        longest = 0
        # (a multiword trigger needs its first later word next: one set test before matching each in full)
        if multi and i + 1 < n_toks and not toks[i + 1].cores.isdisjoint(rest_firsts):
            for e in multi:
                if _rest_matches(toks, i + 1, e.trigger.rest):
                    # the lexicon lists the longest forms first: keep the matches as long as the first one
                    longest = len(e.trigger.rest)
                    hits = [
                        e
                        for e in multi
                        if len(e.trigger.rest) == longest and _rest_matches(toks, i + 1, e.trigger.rest)
                    ]
                    break
        if not hits:
            hits = plain
            if verbs:
                # a verb and its object noun with the subject between: حشدت روسيا قوات، بحث X هاتفيا مع Y
                g, gapped = _gapped(toks, i, verbs, firsts)
                if gapped:
                    gap = g
                    longest = max(len(e.trigger.rest) for e in gapped)
                    hits = [e for e in gapped if len(e.trigger.rest) == longest]
        if not hits:
            i += 1
            continue
        nominal = _nominal(toks, i) or (i > 0 and toks[i - 1].punct and _after_announcing(toks, i))
        if (
            not nominal
            and i > 0
            and toks[i - 1].hit is not None
            and toks[i - 1].hit.trigger.pos == "verb"
            and not tk.conj
            and all(e.trigger.pos == "verb" for e in hits)
        ):
            i += 1  # يدعم طلب فلسطين: right after a verb, a verb-only word is its object (a verbal noun)
            continue
        if i > 0 and tk.token.norm.startswith("ال") and toks[i - 1].token.forms[-1][1] in name_heads:
            i += 1  # قوات الدعم السريع، هيئة التفاوض: a name the entities layer missed, not an event
            continue
        if i > 0 and not tk.conj and not toks[i - 1].cores.isdisjoint(channels):
            i += 1  # لجنة اتصال، قنوات الاتصال: a body or channel named for what it is for, not an act
            continue
        if (
            i + 1 < n_toks
            and all("title_noun" in e.trigger.flags for e in hits)
            and any(stem.removeprefix("ال") in _title_words() for _, stem in toks[i + 1].token.forms)
        ):
            i += 1  # مساعدة وزير الخارجية، مساعد الأمين العام: an assistant's title, not aid
            continue
        want = "noun" if nominal or _after_plain_word(toks, i) else "verb"
        if want == "noun" and adjective and all("adjective" in e.trigger.flags for e in hits):
            i += 1  # بشكل قاطع: after a noun the word is an adjective of it
            continue
        if nominal:  # a verb never takes the article or a preposition: لبحث، التفاوض are nouns or nothing
            nouns = [e for e in hits if e.trigger.pos == "noun"]
            if not nouns and gap:
                # بعد قطع الجزائر علاقاتها، فرض الاتحاد عقوبات: the verbal noun, its subject in the genitive
                rests = {e.trigger.rest for e in hits}
                nouns = [e for e in multi if e.trigger.pos == "noun" and e.trigger.rest in rests]
            hits = nouns
            if not hits:
                i += 1
                continue
        tk.hit = next((e for e in hits if e.trigger.pos == want), hits[0])
        tk.gap = gap
        marked.append(i)
        j = i + 1 + gap + longest
        for k in [i, *range(i + 1 + gap, j)]:
            toks[k].in_trigger = True
        i = j
    return marked


def _title_words() -> frozenset[str]:
    from .word_facts import title_words  # (word_facts imports this module)

    return title_words()


def _rest_firsts(multi: tuple[Entry, ...]) -> frozenset[str]:
    """The cores a multiword trigger's first later word may have, over the given entries."""
    return frozenset().union(*(e.trigger.rest[0] for e in multi))
