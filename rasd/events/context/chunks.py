"""Cutting a sentence into noun-phrase chunks and their conjuncts, each standing for one actor."""

from __future__ import annotations

from ..lexicon import lexicon
from .anaphors import BARE_TITLE_WORDS
from .model import _NO_BREAK_PUNCT, Chunk, Tok
from .word_facts import title_words


def _best(doc_types: dict[str, str], ents: list[str]) -> list[str]:
    """Actors of one conjunct: the person if one is named, else every distinct entity in order."""
    if not ents:
        return []
    uniq = list(dict.fromkeys(ents))
    for e in reversed(uniq):
        if doc_types.get(e) == "PER":
            return [e]  # the last person named
    return uniq


_NOT_BOUNDARY_CATS = frozenset(
    {"not_conj", "planned_after", "frame", "state_noun", "superlative", "document", "honorific"}
)


def _np_ends(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    """A noun phrase ends after a person's name (غالانت | حزب الله، فيدان | نظيره) and between two names
    side by side (العراق | الكويت) — but not between a title's nisba and the name (الأميركي جو بايدن)."""
    prev, tk = toks[i - 1], toks[i]
    if not prev.ent or prev.ent == tk.ent or tk.nisba or tk.conj:
        return False
    if types.get(prev.ent) == "PER" and not prev.nisba:
        first = i - 1
        while first > 0 and toks[first - 1].ent == prev.ent and not toks[first].ent_start:
            first -= 1
        if toks[first].token.forms[-1][1].startswith("نظير"):
            return False  # a title taken for a name (نظيره السعودي | الأمير فيصل): the name follows
        return tk.ent_start or tk.token.forms[-1][1].startswith(lexicon().counterparts)
    # (الاتحاد الأوروبي | روسيا: an adjective ending a name of several words is no title's nisba)
    name_end = prev.nisba and i >= 2 and toks[i - 2].ent == prev.ent
    return tk.ent_start and (not prev.nisba or name_end) and types.get(tk.ent) != "PER"


_APPOSITION_PUNCT = {"،", ","}


def _apposed_person(toks: list[Tok], i: int, types: dict[str, str], cur_ents: list[str]) -> bool:
    """A comma between a title naming no person and the person holding it (an honorific may come first)."""
    if any(types.get(e) == "PER" for e in cur_ents) or not toks[i - 1].token.kind == "word":
        return False
    k = i + 1
    if k < len(toks) and "honorific" in toks[k].cats and not toks[k].ent:
        k += 1
    return k < len(toks) and toks[k].ent_start and not toks[k].nisba and types.get(toks[k].ent) == "PER"


def _titled_person_at(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    """After a person's name, و + a title of a few plain words and a person's name (نبيه بري ورئيس حكومة
    تصريف الأعمال نجيب ميقاتي): a second person, coordinated."""
    for k in range(i + 1, min(len(toks), i + 6)):
        t = toks[k]
        if t.punct or t.cats or t.in_trigger:
            return False
        if t.ent_start and not t.nisba:
            return types.get(t.ent) == "PER"
    return False


def _bare_title_after_person(toks: list[Tok], i: int, types: dict[str, str], heads: frozenset[str]) -> bool:
    """After a person's name, a short definite title naming nobody (رئيس الوزراء، الأمير) starts a phrase of
    its own: a person it stands for (``_bare_titles``), not more of the name."""
    prev, tk = toks[i - 1], toks[i]
    if not heads or tk.ent or tk.conj or types.get(prev.ent) != "PER" or prev.nisba:
        return False
    if tk.token.forms[-1][1] not in heads:
        return False
    for k in range(i, min(len(toks), i + BARE_TITLE_WORDS)):
        t = toks[k]
        if t.ent or t.cats or t.punct or t.token.kind != "word":
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.token.forms[-1][1].startswith("ال") and (nxt is None or not nxt.token.norm.startswith("ال")):
            return True  # the title ends on a definite word not followed by another (an adjective of it)
    return False


def _construct_after_name(toks: list[Tok], i: int) -> bool:
    """An indefinite plain noun (no clitic, no title: أعضاء، ممثلي) followed by a definite word: the head of a
    construct phrase of its own, not more of the name before it."""
    tk = toks[i]
    if tk.ent or tk.cats or tk.in_trigger or tk.punct or tk.token.forms[-1][0] or i + 1 >= len(toks):
        return False
    norm = tk.token.norm
    if norm.startswith("ال") or norm in title_words() or tk.token.kind != "word":
        return False
    nxt = toks[i + 1]
    return not nxt.punct and nxt.token.norm.startswith("ال") and not nxt.ent


_PERSON_REACH = 6  # words from an indefinite noun after a name to a person named in its phrase


def _indefinite_after_name(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    """After the name of a state or body, an indefinite word (no article, no clitic) heading a phrase that names
    a person opens another phrase: a name heads no construct, and the person is not the state's (انتقدت مصر |
    تصريحات لابيد: Egypt criticized, Lapid is whose words)."""
    tk = toks[i]
    if tk.ent or tk.cats or tk.in_trigger or tk.timex or tk.token.kind != "word" or tk.token.forms[-1][0]:
        return False
    if tk.token.norm.startswith("ال"):
        return False
    for k in range(i + 1, min(len(toks), i + 1 + _PERSON_REACH)):
        t = toks[k]
        if t.punct or t.conj or t.in_trigger or (t.cats and not t.ent and not t.cats <= _NOT_BOUNDARY_CATS):
            return False
        if t.ent and types.get(t.ent) == "PER" and not t.nisba:
            return True
    return False


def _after_place(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    prev, tk = toks[i - 1], toks[i]
    return (
        bool(prev.ent)
        and types.get(prev.ent) == "LOC"
        and not tk.ent
        and not tk.nisba
        and not tk.conj
        and tk.token.forms[-1][1].startswith("ال")
    )


def _second_person(
    toks: list[Tok], start: int, i: int, eid: str, types: dict[str, str], linked: frozenset[str]
) -> int | None:
    """Where a phrase holding another person before token ``i`` should be cut: right after that person's name.
    An unlinked "person" followed by a linked one is taken for a title (ولي العهد السعودي | الأمير محمد)."""
    last = None
    for m in range(i - 1, start - 1, -1):
        e = toks[m].ent
        if e and e != eid and types.get(e) == "PER" and not toks[m].nisba:
            last = m
            break
        if toks[m].conj:
            return None  # coordinated (بوتين والرئيس التركي أردوغان): a conjunct of its own already
    if last is None:
        # جهاز الردع | قائد اللواء محمود حمزة: a phrase opening on an organization's name, then a title and a
        # person, is two phrases (the subject and the object of احتجز)
        first = toks[start].ent
        if first and types.get(first) == "ORG" and not toks[start].nisba:
            m = start
            while m < i and toks[m].ent == first:
                m += 1
            if start < m < i - 1 and not any(toks[n].ent or toks[n].conj for n in range(m, i)):
                return m
        return None
    if last == i - 1:
        return None
    if toks[last].ent not in linked and eid in linked:
        return None
    return last + 1


def _seal(cur: Chunk, cur_ents: list[str], types: dict[str, str]) -> None:
    """Close a phrase naming someone: its last conjunct's actors, then the actors of all conjuncts."""
    if cur_ents:
        cur.conjuncts.append(_best(types, cur_ents))
    if cur.conjuncts:
        cur.conjuncts = [c for c in cur.conjuncts if c]
        cur.seal()


def _chunks(
    toks: list[Tok],
    types: dict[str, str],
    linked: frozenset[str] = frozenset(),
    title_heads: frozenset[str] = frozenset(),
) -> tuple[list[Chunk], list[int]]:
    chunks: list[Chunk] = []
    cur: Chunk | None = None
    cur_ents: list[str] = []
    pending_prep: str | None = None
    counterparts = lexicon().counterparts  # نظير، ضيف (event_words.tsv): bound once, read per token

    def close(end: int) -> None:
        """End the current phrase before token ``end`` (every token of a phrase joins it, so its end is where
        the next boundary or phrase begins)."""
        nonlocal cur
        if cur is not None:
            cur.end = end
            if cur_ents or cur.conjuncts:  # most phrases name nobody: no conjuncts, no actors (the defaults)
                _seal(cur, cur_ents, types)
                cur_ents.clear()  # _best() copied what it keeps
            chunks.append(cur)
        cur = None

    # the tests below are the chunk-boundary rule above, _np_ends() and _after_place() inlined or guarded by their cheapest
    # condition: this loop sees every token of every sentence with a trigger
    for i, tk in enumerate(toks):
        cats = tk.cats
        if tk.punct:
            if (
                tk.token.text in _APPOSITION_PUNCT
                and cur is not None
                and _apposed_person(toks, i, types, cur_ents)
            ):
                continue  # رئيسة مجلس الوزراء الإيطالية، السيدة جورجيا ميلوني: the title and its holder
            if tk.token.text not in _NO_BREAK_PUNCT:
                if cur is not None:
                    close(i)
                pending_prep = None
                continue
        elif cats and not tk.ent:
            if "prep" in cats:
                if cur is not None:
                    close(i)
                pending_prep = tk.token.forms[-1][1] if tk.conj else tk.token.norm
                if tk.conj:
                    pending_prep = pending_prep[1:] if pending_prep[:1] in "وف" else pending_prep
                continue
            if tk.in_trigger or not cats <= _NOT_BOUNDARY_CATS:
                if cur is not None:
                    close(i)
                pending_prep = None
                continue
        elif tk.in_trigger:
            if cur is not None:
                close(i)
            pending_prep = None
            continue
        conj = tk.conj
        if conj:
            forms = tk.token.forms
            stem = forms[1][1] if len(forms) > 1 else tk.token.norm
            # و before a name, a counterpart or a definite noun (والرئيس التركي …) coordinates actors
            # (وحركة أمل، ووزير خارجية X: a head noun right before a name, too)
            new_conjunct = (
                tk.ent_start
                or stem.startswith(("نظير", "ال"))
                or (i + 1 < len(toks) and toks[i + 1].ent_start and not toks[i + 1].nisba and not tk.cats)
                or (i > 0 and types.get(toks[i - 1].ent) == "PER" and _titled_person_at(toks, i, types))
            )
        else:
            new_conjunct = False
        if cur is not None:
            prev_ent = toks[i - 1].ent if i > 0 else None
            if tk.prep:
                close(i)
            elif not conj and tk.token.forms[-1][1].startswith(counterparts) and not tk.in_trigger:
                close(i)  # نظيره، ضيفه …: a counterpart phrase starts a new noun phrase
            elif prev_ent and _np_ends(toks, i, types):
                close(i)
            elif (
                prev_ent
                and not tk.ent
                and tk.token.forms[-1][1] in title_heads
                and _bare_title_after_person(toks, i, types, title_heads)
            ):
                close(
                    i
                )  # اتهم غانتس | رئيس الوزراء بـ…: another person's title after a name opens the object
            elif (
                prev_ent
                and types.get(prev_ent) == "PER"
                and not tk.ent
                and i + 1 < len(toks)
                and toks[i + 1].nisba
                and tk.token.forms[-1][1].startswith("ال")
            ):
                close(
                    i
                )  # استقبل السيسي | الوزير الأميركي: after a name, a title with its nisba is another phrase
            elif (
                prev_ent
                and not tk.ent
                and types.get(prev_ent) == "PER"
                and i + 1 < len(toks)
                and toks[i + 1].ent_start
                and types.get(toks[i + 1].ent) in ("ORG", "LOC")
                and not toks[i - 1].nisba
                and tk.token.forms[-1][1] in lexicon().name_heads
            ):
                # اتهم … دانيال هاغاري | حركة حماس: an organization's head noun after a name opens its name
                close(i)
            elif prev_ent and tk.timex and not tk.ent:
                close(
                    i
                )  # زار X الأحد مدينة مرسيليا: a date after a name ends its phrase; what follows is another
            elif prev_ent and types.get(prev_ent) == "PER" and _construct_after_name(toks, i):
                close(i)  # استقبل X | أعضاء الوفد الحوثي: a noun in construct after a name is another phrase
            elif (
                prev_ent
                and not tk.ent
                and not cats
                and types.get(prev_ent) in ("LOC", "ORG")
                and _indefinite_after_name(toks, i, types)
            ):
                close(i)  # انتقدت مصر | تصريحات لابيد: the state is the subject, the rest its object
            elif cur.prep and prev_ent and _after_place(toks, i, types):
                close(
                    i
                )  # في الرياض | الرئيس الفرنسي: a definite noun after a place in a PP starts a new phrase
            elif tk.ent_start and not conj and types.get(tk.ent) == "PER":
                # a second person in one phrase (بلينكن قائد الجيش البرهان): the title before him starts a new one
                split = _second_person(toks, cur.start, i, tk.ent, types, linked)
                if split is not None:
                    cur_ents = [toks[m].ent for m in range(cur.start, split) if toks[m].ent]
                    close(split)
                    cur = Chunk(split, i, None)
                    cur_ents = [toks[m].ent for m in range(split, i) if toks[m].ent]
        if cur is None or (conj and not new_conjunct):
            if cur is not None:
                close(i)
            cur = Chunk(i, i + 1, tk.prep or pending_prep)
            pending_prep = None
        elif new_conjunct:
            cur.conjuncts.append(_best(types, cur_ents))
            cur_ents.clear()  # _best() copied what it keeps
        if tk.ent and not (
            tk.nisba
            and i > 0
            and toks[i - 1].ent not in (None, tk.ent)
            and types.get(toks[i - 1].ent) == "ORG"
        ):  # (شركة إيني الإيطالية: a nisba right after an organization's name describes it, no other actor)
            cur_ents.append(tk.ent)
    close(len(toks))
    # token -> its phrase: phrases are runs of consecutive tokens, and every token between them is a boundary
    chunk_of = [-1] * len(toks)
    for ci, c in enumerate(chunks):
        chunk_of[c.start : c.end] = [ci] * (c.end - c.start)
    return chunks, chunk_of
