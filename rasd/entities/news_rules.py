"""Modern-news span rules found on blind development articles: a body named without its country's nisba, a
person's name the model ran into the body before it, a KB name the model stretched over an epithet, and
words that look like names only after the matching normalization folds them (أودى is no أودي).

Each rule reads the text layer's tokens and the KB and returns spans or verdicts; the recognizer's rule modules
(model_spans, model_and_kb, organizations, places, persons, final_spans) apply them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from ..text.tokens import Token
from .cues import Cue, cue_index
from .kb import KB, KBMatch, StemIndex, match_phrases, name_key, per_kb, stem_at

MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


def nisba_shaped(word: str) -> bool:
    """A definite nisba adjective (الليبي, الليبية, الخليجي): ال + stem + ي / ية."""
    return word.startswith("ال") and len(word) > 4 and word.endswith(("ي", "يه"))


# bodies that news describes by the same words without naming one (الأجهزة الأمنية, القوات الخاصة)
_DESCRIBED_KINDS = frozenset({"armed_forces", "armed_group"})


@per_kb
def _bare_index(kb: KB) -> tuple[dict[tuple[str, ...], tuple[str, ...]], set[tuple[str, ...]], set[str]]:
    """KB bodies' names without their closing nisba (حكومة الوحدة الوطنية الليبية -> حكومة الوحدة الوطنية,
    مجلس التعاون الخليجي -> مجلس التعاون): key -> ids, with the keys' prefixes and first words. Built once
    per KB; keys that are a generic head and one word (القوات الجوية) or a KB name of their own are left out."""
    from .adjust import name_heads

    heads = name_heads()
    names: dict[tuple[str, ...], list[str]] = {}
    for e in kb.entries.values():
        if e["type"] != "ORG" or e.get("kind") in _DESCRIBED_KINDS:
            continue
        for n in [e["name"], *e.get("aliases", [])]:
            key = name_key(n)
            # the last word a nisba, not a country's name (التحالف بقيادة السعودية)
            if len(key) < 3 or not nisba_shaped(key[-1]) or key[-1:] in kb.names:
                continue
            if key[-1] not in kb.demonyms and e.get("country"):
                continue  # a national body's nisba is its country's (an international one's: مجلس التعاون الخليجي)
            bare = key[:-1]
            if bare in kb.names:
                continue
            h = heads.get(bare[:1])
            if h is not None and h.role == "generic" and len(bare) == 2:
                continue
            ids = names.setdefault(bare, [])
            if e["id"] not in ids:
                ids.append(e["id"])
    out = {k: tuple(v) for k, v in names.items()}
    prefixes = {k[:i] for k in out for i in range(1, len(k))}
    firsts = {k[0] for k in out}
    return out, prefixes, firsts


def may_have_bare_bodies(kb: KB, index: StemIndex) -> bool:
    """Whether any token of the document can begin a bare body's name (a cheap test before the sentences)."""
    return bool(index.starts(_bare_index(kb)[2]))


def bare_bodies(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    taken: set[int],
    kb: KB,
    index: StemIndex | None = None,
    titles: Sequence[Cue] = (),
) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """Bodies named without the nisba the KB spells them with (حكومة الوحدة الوطنية in a Libyan story), as
    (first, last, start, ids). The ids are given only where they name one international body (مجلس التعاون:
    the GCC); a national one is linked by grouping to the article's country (group._link_bare_bodies). A
    name followed by a nisba is another country's body and is left to the other rules."""
    names, prefixes, firsts = _bare_index(kb)
    out = []
    for i, last, k, key in match_phrases(tokens, names, prefixes, firsts, lo, hi, index):
        if taken.intersection(range(i, last + 1)) or any(c.first < i and last <= c.last for c in titles):
            continue  # inside a title (رئيس مجلس الوزراء) the body is the title's
        nxt = tokens[last + 1] if last + 1 < hi else None
        if nxt is not None and nxt.kind == "word" and (nisba_shaped(nxt.norm) or kb.demonym_country(nxt)):
            continue
        ids = names[key]
        linked = ids if len(ids) == 1 and not kb.entries[ids[0]].get("country") else ()
        out.append((i, last, tokens[i].start + k, linked))
    return out


def person_after_body(
    tokens: Sequence[Token], a: int, b: int, kb: KB | None, given: dict[str, str]
) -> int | None:
    """Where a model's ORG or LOC name runs on into a person's name (جامعة الإسكندرية حازم الدمرداش, a title's
    body and then the name): the index of the given name that starts the person, else None. The body must
    end with a KB name right before it, or a KB name and a definite adjective (جامعة عمان الأهلية), and the
    person have at least two words."""
    if kb is None:
        return None
    for j in range(a + 1, b):
        t = tokens[j]
        if t.kind != "word" or given.get(t.norm) != "given" or b - j < 1:
            continue
        ends = {m.last for m in kb.match(tokens, a, j)}
        if j - 1 in ends or (j - 2 in ends and nisba_shaped(tokens[j - 1].norm)):
            return j
    return None


def given_name_ending_body(tokens: Sequence[Token], a: int, b: int, hi: int, given: dict[str, str]) -> bool:
    """A body's name (``tokens[a..b]``, an organization head first) that swallowed the given name of the person
    after it, whose surname the model left out (جامعة القديس يوسف [كريم] بيطار أن): the last word is a given
    name not after a title (جامعة الملك سعود is named after the king), the next word can be a surname (no
    particle, cue or definite word) and the sentence goes on with a particle or punctuation."""

    if b - a < 2 or b + 1 >= hi or given.get(tokens[b].norm) != "given":
        return False
    firsts = cue_index().first_words
    if tokens[b - 1].norm in firsts or tokens[b].norm in firsts:
        return False
    t = tokens[b + 1]
    if (
        t.kind != "word"
        or t.norm in NOT_NAME
        or t.norm in firsts
        or any(st.startswith("ال") for _, st in t.forms)  # a definite word, after a proclitic or not
    ):
        return False
    return b + 2 >= hi or tokens[b + 2].kind != "word" or tokens[b + 2].norm in NOT_NAME


@lru_cache(maxsize=1)
def _span_words() -> dict[str, frozenset[str]]:
    """rasd/data/ner_span_words.tsv by kind: normalized words."""
    from .. import data
    from ..text import normalize

    out: dict[str, set[str]] = {}
    for r in data.read_tsv("ner_span_words.tsv"):
        if r.get("word") and r.get("kind"):
            out.setdefault(r["kind"], set()).add(normalize(r["word"]))
    return {k: frozenset(v) for k, v in out.items()}


def span_words(kind: str) -> frozenset[str]:
    """The normalized words of one kind of ner_span_words.tsv (empty when the file has none)."""
    return _span_words().get(kind, frozenset())


def descriptive(word: str) -> bool:
    """An adjective that describes a body rather than names it (الرسمية, الجديدة)."""
    return word in _span_words().get("descriptive", frozenset())


@lru_cache(maxsize=1)
def _extra_head_words() -> dict[str, str]:
    words = _span_words()
    out = {w: "org_head" for w in words.get("org_head", ())}
    # a body's head read only before a place (شبكة أطباء السودان; شبكة السكك الحديدية is a railway network)
    out.update({w: "place_org_head" for w in words.get("place_org_head", ())})
    out.update({w: "loc_head" for w in (*words.get("loc_head", ()), *words.get("square", ()))})
    return out


def extra_org_head(word: str) -> bool:
    """A head noun of ner_span_words.tsv's kind ``org_head`` (معهد, غرفة)."""
    return _extra_head_words().get(word) == "org_head"


def extra_heads(tokens: Sequence[Token], index: StemIndex | None = None) -> list[Cue]:
    """Cues of the head nouns of ner_span_words.tsv (kinds ``org_head``, ``loc_head``) among ``tokens``, for
    the head rules only (never model features)."""
    vocab = _extra_head_words()
    candidates = index.starts(vocab) if index is not None else range(len(tokens))
    out = []
    for i in candidates:
        t = tokens[i]
        form = t.match(vocab) if t.kind == "word" else None
        if form is not None:
            out.append(Cue(i, i, t.start + form[0], t.end, vocab[form[1]], None))
    return out


def numbered(word: str) -> bool:
    """A numbered adjective that names a group after a definite head (اللجنة [الخماسية])."""
    return word in _span_words().get("numbered", frozenset())


def squares() -> frozenset[str]:
    """Head nouns of squares (ساحة, ميدان): their definite complement is the square's name."""
    return _span_words().get("square", frozenset())


def epithets() -> frozenset[str]:
    """Adjectives that follow a place's name without being part of it (المحتلة, المحاصر)."""
    return _span_words().get("epithet", frozenset())


@cache
def time_words(file: str) -> frozenset[str]:
    """The normalized names of one of the time layer's word files (``weekdays.tsv``, ``months.tsv``)."""
    from .. import data
    from ..text import normalize

    try:
        return frozenset(normalize(r["name"]) for r in data.read_tsv(file) if r.get("name"))
    except Exception:  # the time layer's file: never let its format break us
        return frozenset()


def weekdays() -> frozenset[str]:
    """Weekday names (the time layer's weekdays.tsv)."""
    return time_words("weekdays.tsv")


def not_a_person(tokens: Sequence[Token], a: int, b: int) -> bool:
    """A model's two-word person name that is a time of day (صباح الثلاثاء: صباح is also a given name) or a
    set phrase of a word that is also a given name and a noun (حسن الجوار, حسن النية)."""
    if b != a + 1 or tokens[b].kind != "word":
        return False
    words = _span_words()
    last = tokens[b].norm
    if last in weekdays() and tokens[a].match(words.get("daypart", frozenset())) is not None:
        return True
    return last in words.get("noun_after_name", frozenset())


def maqsura_mismatch(tok: Token, names: Sequence[str]) -> bool:
    """A word written with final ى (أودى "caused", على) that the KB knows only with final ي (أودي, Audi): the
    matching normalization folds the two, the writer did not."""
    text = tok.text.rstrip(MARKS)
    if not text.endswith("ى"):
        return False
    return not any(n.rstrip(MARKS).endswith("ى") for n in names)


def without_epithet(tokens: Sequence[Token], m: KBMatch, kb: KB) -> KBMatch:
    """A KB place's alias that ends with an epithet (الضفة الغربية المحتلة): the mention is the name without it
    where the KB knows that name for the same entry, as a nisba or title stays out of a name."""
    if m.last <= m.first or tokens[m.last].norm not in epithets():
        return m
    key = (stem_at(tokens[m.first], m.start), *[t.norm for t in tokens[m.first + 1 : m.last]])
    ids = tuple(i for i in kb.names.get(key, ()) if i in m.ids)
    if not ids:
        return m
    return KBMatch(m.first, m.last - 1, m.start, tokens[m.last - 1].end, ids)


_NOT_COMPLEMENTS = frozenset(
    {"الذي", "التي", "الذين", "اللذين", "اللتين", "اليوم", "الان", "الماضي", "المقبل"}
)


def named_bodies(
    tokens: Sequence[Token], lo: int, hi: int, taken: set[int], index: StemIndex | None = None
) -> list[tuple[int, int]]:
    """A head noun whose definite complement names a body whatever the model says (name_heads.tsv role
    ``named_body``: المحكمة الإدارية, محكمة الاستئناف, الديوان الملكي), as (first, last) token indices; up to
    three definite words."""
    from .adjust import _one_word_heads, head_of

    vocab = _one_word_heads().get("named_body", {})
    candidates = index.between(vocab, lo, hi) if index is not None else range(lo, hi)
    out = []
    nxt = lo
    for i in candidates:
        if i < nxt or i in taken or head_of(tokens[i], "named_body") is None:
            continue
        last = i
        while last + 1 < hi and last - i < 3 and last + 1 not in taken:
            t = tokens[last + 1]
            if t.kind != "word" or not t.norm.startswith("ال") or t.norm in _NOT_COMPLEMENTS:
                break
            last += 1
        if last > i:
            out.append((i, last))
        nxt = last + 1
    return out


def party_names(tokens: Sequence[Token], index: StemIndex, taken: set[int]) -> list[tuple[int, int]]:
    """A party named by its head and two or more nisba adjectives (الحزب المصري الديمقراطي الاجتماعي, الحزب
    الشيوعي اللبناني), as (first, last); descriptive words that are no nisba (المعارض, الحاكم) close it."""
    out = []
    for i in index.starts(_party_heads()):
        if i in taken:
            continue
        last = i
        while (
            last + 1 < len(tokens)
            and last - i < 4
            and last + 1 not in taken
            and tokens[last + 1].kind == "word"
            and nisba_shaped(tokens[last + 1].norm)
            and tokens[last].end + 1 == tokens[last + 1].start
        ):
            last += 1
        if last - i >= 2:
            out.append((i, last))
    return out


@lru_cache(maxsize=1)
def _party_heads() -> frozenset[str]:
    return span_words("party_head")


_QUOTES = frozenset('"«»“”')


def quoted(tokens: Sequence[Token], first: int, last: int, lo: int, hi: int) -> bool:
    """Tokens ``first..last`` stand alone between quotation marks (لـ"الغد", «الأخبار»)."""
    if first <= lo or last + 1 >= hi:
        return False
    return tokens[first - 1].text in _QUOTES and tokens[last + 1].text in _QUOTES


_OPEN_QUOTES = frozenset('"«“')
_CLOSE_QUOTES = frozenset('"»”')


def outlets_told(
    tokens: Sequence[Token], lo: int, hi: int, taken: set[int], after: int
) -> list[tuple[int, int]]:
    """A news outlet told something (قال مسؤول لـ"النهار", وأضاف لـ«الأيام»): one to three words in quotes right
    after a detached lam (لـ), once a reporting verb came before (token index ``after``), as (first, last)."""
    out = []
    for i in range(max(lo, after + 1), hi - 2):
        if tokens[i].text.rstrip("ـ") != "ل" or tokens[i + 1].text not in _OPEN_QUOTES:
            continue
        j = i + 2
        while j < hi and j - i <= 5 and tokens[j].kind == "word":
            j += 1
        if j == i + 2 or j >= hi or j - (i + 2) > 3 or tokens[j].text not in _CLOSE_QUOTES:
            continue
        if taken.intersection(range(i + 2, j)):
            continue
        out.append((i + 2, j - 1))
    return out


_OUTLET_HEADS = ("صحيفه", "جريده", "قناه", "وكاله", "موقع", "مجله", "اذاعه")


def outlet_ids(tokens: Sequence[Token], a: int, b: int, kb: KB | None) -> tuple[str, ...]:
    """The KB entry of an outlet named without its head noun ("الغد" -> صحيفة الغد): the first head, in the
    order of _OUTLET_HEADS (the press before television: قناة الغد is another outlet), that gives one."""
    if kb is None:
        return ()
    key = tuple(t.norm for t in tokens[a : b + 1])
    for h in _OUTLET_HEADS:
        ids = [i for i in kb.names.get((h, *key), ()) if kb.entries[i]["type"] == "ORG"]
        if len(ids) == 1:
            return (ids[0],)
    return ()


# words that never begin or continue a person's name right after a titled body (normalized)
NOT_NAME = frozenset(
    "ان انه انها قد لا لم لن ما في من علي الي عن مع او ثم حتي منذ بعد قبل امس اليوم كما خلال عقب اثر لدي حول "
    "امام بشان عبر وفق ضمن دون ازاء تجاه عند بين وان وقد ولا ولم فان بان لان كان كانت".split()
)


def particle(t: Token) -> bool:
    """A particle or preposition (NOT_NAME), except the given name علي written with ي (على is the
    preposition: the matching normalization folds the two)."""
    return t.norm in NOT_NAME and not (t.norm == "علي" and t.text.rstrip(MARKS).endswith("ي"))


# ... and at most this sure the model may be that the name's words are no name
_TITLED_MAX_P_OUT = 0.999


def person_after_titled_body(
    tokens: Sequence[Token],
    title_last: int,
    body_first: int,
    body_last: int,
    hi: int,
    taken: set[int],
    p_out: Sequence[float],
    kb: KB | None,
    given: dict[str, str],
) -> tuple[int, int] | None:
    """The person named after a title and the body it belongs to (المتحدث باسم الجيش السوداني [نبيل عبد الله],
    النائب في البرلمان الكويتي [مهلهل المضف]) that the model missed: the two words after the body (three after
    عبد / أبو / بن), as (first, last), where neither is a particle, a nisba, a cue or a definite word (a
    Maghrebi given name in ال is read from given_names.tsv), and the model gives each some chance of a name."""

    if not (title_last < body_first <= title_last + 2):
        return None
    if body_first == title_last + 2 and tokens[title_last + 1].norm not in ("في", "لدي", "ب", "عن"):
        return None
    j = body_last + 1
    n = 3 if given.get(tokens[j].norm if j < hi else "") == "name_part" else 2
    if j + n > hi or taken.intersection(range(j, j + n)):
        return None
    cues = cue_index().first_words
    after = tokens[j + n] if j + n < hi else None
    # a word with a proclitic ل or ف (لوكالة, للصحافيين, فقال) begins what the person said or did, not more
    # of the name
    told = (
        after is not None
        and after.norm[:1] in "لف"
        and len(after.forms) > 1
        and given.get(after.norm) is None
    )
    closed = after is None or after.kind != "word" or after.norm in NOT_NAME or told
    for i in range(j, j + n):
        t = tokens[i]
        if t.kind != "word" or particle(t) or t.norm in cues:
            return None
        # the model's doubt does not count on a given name that opens the name (علي, which it reads as على)
        if p_out[i] > _TITLED_MAX_P_OUT and not (i == j and given.get(t.norm) == "given"):
            return None
        if kb is not None and kb.demonym_country(t) is not None:
            return None
        if i == j and t.norm.startswith("ال") and given.get(t.norm) != "given":
            return None
        if (
            given.get(t.norm) != "given"
            and t.norm[0] in "لبو"
            and len(t.forms) > 1
            and (i == j or not closed)
        ):
            # a word with a proclitic (لشؤون المنطقة, ورئيس): the sentence goes on; a surname that only looks
            # so (لبيد) closes the name before a particle or a told word
            return None
    if not closed:
        # a third word that is no particle: the name may go on, or these are no name at all; leave it to
        # the model unless the first word is a given name
        if given.get(tokens[j].norm) != "given":
            return None
    return j, j + n - 1


def body_tail(
    tokens: Sequence[Token], last: int, hi: int, taken: set[int] | frozenset[int], first: int | None = None
) -> int:
    """The last token of an organization's name that was cut short of its complements (``last`` is where it
    ends now, ``hi`` the sentence's end): a لل- complement (مركز صنعاء [للدراسات]) or a ل- noun in construct
    with a definite one (مركز فيينا [لنزع السلاح]), definite nouns joined to it by و (للدراسات [والتخطيط],
    للتربية [والعلوم والثقافة]) or a second such construct ([ومنع الانتشار] النووي), and a closing nisba
    adjective (معهد الدراسات [الاستراتيجية], غرفة التجارة [الدولية]). A body's name takes one complement; a
    descriptive adjective (الرسمية, الجديدة) or a word already in another mention ends it. ``first``: where the
    name begins (the ل- construct follows only a head and one bare word)."""
    lil = any(t.norm.startswith("لل") for t in tokens[last - 2 : last + 1] if t.kind == "word")
    end = last
    while end + 1 < hi and end + 1 not in taken and end - last < 6:
        t = tokens[end + 1]
        if t.kind != "word":
            break
        w = t.norm
        if not lil and w.startswith("لل") and len(w) >= 5:
            lil = True
        elif lil and w.startswith("وال") and len(w) >= 5 and tokens[end].norm.startswith(("لل", "وال", "ال")):
            pass  # للدراسات والتخطيط: a second complement joined to the first
        elif (lil or (first is not None and _bare_named(tokens, first, last))) and _construct_complement(
            tokens, end + 1, hi, taken, "ل" if not lil else "و"
        ):
            lil = True
            end += 1  # the construct's definite noun (لنزع [السلاح], ومنع [الانتشار])
        elif nisba_shaped(w) and not descriptive(w):
            end += 1
            break  # a closing adjective ends the name
        else:
            break
        end += 1
    # a set phrase after the closing adjective (مجلس التعاون الاستراتيجي [رفيع المستوى])
    if nisba_shaped(tokens[end].norm) and end + 2 < hi and not taken.intersection((end + 1, end + 2)):
        if f"{tokens[end + 1].norm} {tokens[end + 2].norm}" in _span_words().get("body_closing", frozenset()):
            end += 2
    return end


def _bare_named(tokens: Sequence[Token], first: int, last: int) -> bool:
    """The body's name so far is its head and one bare word (مركز فيينا, معهد هيرتيج): a ل- construct after it
    says what the body is for; after a longer name (لجنة الارتباط الخاصة) it may be the body's task."""
    return last == first + 1 and not tokens[last].norm.startswith("ال")


def _construct_complement(
    tokens: Sequence[Token], i: int, hi: int, taken: set[int] | frozenset[int], clitic: str
) -> bool:
    """Token ``i`` is the clitic (ل or و) and an indefinite noun in construct with the definite noun after it
    (لنزع السلاح, ومنع الانتشار), not a body's or a title's head (لوكالة الأنباء, لرئيس الوزراء)."""
    if i + 1 >= hi or i + 1 in taken:
        return False
    t, nxt = tokens[i], tokens[i + 1]
    w = t.norm
    if not w.startswith(clitic) or w.startswith(("لل", "وال")) or len(w) < 4 or nxt.kind != "word":
        return False
    if not nxt.norm.startswith("ال") or nisba_shaped(nxt.norm) or t.start + len(t.text) + 1 != nxt.start:
        return False
    stem = w[1:]
    return not (
        stem in cue_index().first_words
        or extra_org_head(stem)
        or stem in _span_words().get("not_complement", frozenset())
    )


def given_name_before(t: Token, p_out: float, kb: KB | None, given: dict[str, str]) -> bool:
    """A word that can be the given name before a surname the model found alone, after a title, its body and
    an honorific (السيدة [تمار] هيرمان): no particle, cue, nisba, definite or proclitic word, and the model gives
    it some chance of a name."""

    if t.kind != "word" or p_out > _TITLED_MAX_P_OUT or t.norm in cue_index().first_words:
        return False
    if particle(t):
        return False
    if given.get(t.norm) == "given":
        return True
    if t.norm.startswith("ال") or (t.norm[0] in "لبوفك" and len(t.forms) > 1):
        return False
    return not (kb is not None and kb.demonym_country(t) is not None)
