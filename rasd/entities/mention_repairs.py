"""Last repairs of the recognized mentions, found on held-out news (the e_/f_ development articles): a body
named after a place that the model typed as the place (جامعة الجزائر), a verb the model ran into a known
person's name (يستقبل ترامب), an unknown person whose surname a KB person shares (محمد عبد العاطي is not Badr
Abdelatty), two one-word KB matches that are one unknown person's two names (هادي هيج), a landmark named after
a titled person (مطار الملك خالد الدولي), an organ of a KB body (مجلس محافظي الوكالة ...), an indefinite
description (منظمة إغاثة دولية) and a place inside a quoted title (\"إعلان الجزائر\").

Each rule looks only at the mentions and their neighbouring tokens (no pass over the whole document);
recognize.py applies them in order (final_spans.with_last_repairs), before the surname and grouping steps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from ..text.tokens import Token
from .kb import KB, name_key, stem_at
from .news_rules import NOT_NAME as _NOT_NAME
from .run_on_words import given_name_after_title, person_run_on, time_word_before_person

if TYPE_CHECKING:
    from .mention import Mention

# quotation marks that open and close a quoted title
_OPEN = frozenset('"«“')
_CLOSE = frozenset('"»”')
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from .news_rules import _span_words

    return _span_words()


_stem_at = stem_at  # (kb.stem_at)


def _key(tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    return (_stem_at(tokens[m.first], m.start), *(t.norm for t in tokens[m.first + 1 : m.last + 1]))


def _ids_of_type(kb: KB, key: tuple[str, ...], typ: str) -> tuple[str, ...]:
    return tuple(i for i in kb.names.get(key, ()) if kb.entries[i]["type"] == typ)


def _next_to(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Token ``b`` follows token ``a`` after exactly one space (no punctuation between)."""
    return tokens[a].end + 1 == tokens[b].start


def body_named_after_place(
    tokens: Sequence[Token], m: Mention, kb: KB, org_head: Callable[[Token], bool], not_bodies: frozenset[str]
) -> Mention | None:
    """A model's place name that is an organization head in construct with a KB place (جامعة الجزائر, بنك
    لبنان as one LOC span): the body, linked where the KB knows the whole name."""
    if m.type != "LOC" or m.last == m.first or m.kb_ids:
        return None
    head = _stem_at(tokens[m.first], m.start)
    if head.startswith("ال") or head in not_bodies or not org_head(tokens[m.first]):
        return None
    rest = tuple(t.norm for t in tokens[m.first + 1 : m.last + 1])
    if not _ids_of_type(kb, rest, "LOC"):
        return None
    return replace(m, type="ORG", kb_ids=_ids_of_type(kb, (head, *rest), "ORG"))


def verb_before_person(
    tokens: Sequence[Token],
    m: Mention,
    kb: KB,
    given: dict[str, str],
    body_ends: frozenset[int] = frozenset(),
) -> Mention | None:
    """A person's name that the model began on an imperfect verb (a headline's يستقبل ترامب): the KB
    person's name without the verb. Not right after a body's name (``body_ends``: the last tokens of body
    mentions), where a title's holder is named: الباحث في مركز … [يوهانس] كلاين is a given name (أمير قطر
    [يستقبل] شولتس: a place before the verb)."""
    if m.type != "PER" or m.last == m.first or m.kb_ids or m.first - 1 in body_ends:
        return None
    t = tokens[m.first]
    w = t.norm
    if len(w) < 4 or w[0] not in "يت" or w in given or w in kb.words or m.start != t.start:
        return None
    rest = tuple(x.norm for x in tokens[m.first + 1 : m.last + 1])
    ids = _ids_of_type(kb, rest, "PER")
    if not ids:
        return None
    nxt = tokens[m.first + 1]
    return replace(m, first=m.first + 1, start=nxt.start, kb_ids=ids, source="kb")


def verb_after_person(tokens: Sequence[Token], m: Mention, kb: KB, given: dict[str, str]) -> Mention | None:
    """A person's name that the model ran on into the imperfect verb after it (a headline's الرئيس [سعيد]
    يرفض ...): the KB person's name without the verb, as verb_before_person does for a verb before it."""
    if m.type != "PER" or m.last == m.first or m.kb_ids:
        return None
    t = tokens[m.last]
    w = t.norm
    if not 4 <= len(w) <= 6 or w[0] not in "يت" or w in given or w in kb.words:
        return None
    if m.end != t.end:
        return None
    rest = _key(tokens, m)[:-1]
    ids = _ids_of_type(kb, rest, "PER")
    # a surname in ي- is most often a nisba (يحياوي, اليمني), but a KB person's full name before a word in
    # ي-…-ي is the person and a verb (مشعل الأحمد [يؤدي] اليمين)
    if w[-1] == "ي" and not (ids and len(rest) >= 2):
        return None
    # the KB's person, or a given name alone that the article names in full elsewhere (grouping links it)
    if not ids and not (len(rest) == 1 and given.get(rest[0]) == "given"):
        return None
    return replace(
        m, last=m.last - 1, end=tokens[m.last - 1].end, kb_ids=ids, source="kb" if ids else m.source
    )


def given_name_before_surname(
    tokens: Sequence[Token], m: Mention, kb: KB, given: dict[str, str], taken: set[int]
) -> Mention | None:
    """A KB person matched by the surname alone right after a given name that is not theirs (محمد [عبد
    العاطي] when the KB knows بدر عبد العاطي): another person, named in full and not linked (unless the KB
    knows the full name)."""
    if m.type != "PER" or len(m.kb_ids) != 1 or m.first == 0 or m.first - 1 in taken:
        return None
    if m.start != tokens[m.first].start or not _next_to(tokens, m.first - 1, m.first):
        return None
    prev = tokens[m.first - 1]
    form = prev.match(given) if prev.kind == "word" else None
    # أن / إن fold to آن (Anne) and على to علي: a given name of three letters or more, not in ى
    if (
        form is None
        or given.get(form[1]) != "given"
        or len(form[1]) < 3
        or prev.text.rstrip(_MARKS).endswith("ى")
    ):
        return None
    entry = kb.entries[m.kb_ids[0]]
    names = [kb_name for kb_name in (entry["name"], *entry.get("aliases", ()))]
    from .kb import name_key

    keys = [name_key(n) for n in names]
    if any(form[1] in k for k in keys):
        return None  # the person's own given name (or one the KB spells in a variant)
    if not any(len(k) > len(_key(tokens, m)) and k[0] in given for k in keys):
        return None  # the KB does not know this person's given name: the surname may be all it has
    whole = (form[1], *_key(tokens, m))
    return replace(
        m,
        first=m.first - 1,
        start=prev.start + form[0],
        kb_ids=_ids_of_type(kb, whole, "PER"),
        source="model",
    )


def one_person_of_two(
    tokens: Sequence[Token], a: Mention, b: Mention, kb: KB, given: dict[str, str] | None = None
) -> Mention | None:
    """Two one-word person mentions side by side, at least one a KB match by a bare given name or surname
    (هادي هيج: neither Hadi nor Hague): one person's given name and surname, not linked unless the KB knows
    the pair. Two KB people the first of whom is not named by a given name are two (وصف حميدتي البرهان
    بأنه ...: subject and object, as in هاجم ترامب بايدن)."""
    if a.type != "PER" or b.type != "PER" or a.first != a.last or b.first != b.last:
        return None
    if b.first != a.last + 1 or not _next_to(tokens, a.last, b.first) or b.start != tokens[b.first].start:
        return None
    if not (a.kb_ids or b.kb_ids) or _key(tokens, a)[0].startswith("ال"):
        return None  # وصف الظواهري البابا: a definite first word is no given name
    if a.kb_ids and b.kb_ids and not set(a.kb_ids) & set(b.kb_ids) and given is not None:
        if given.get(_key(tokens, a)[0]) != "given":
            return None
    whole = (*_key(tokens, a), tokens[b.first].norm)
    return replace(a, last=b.last, end=b.end, kb_ids=_ids_of_type(kb, whole, "PER"), source="model")


def landmark_of_titled_person(
    tokens: Sequence[Token], m: Mention, taken: set[int], part_head: Callable[[Token], tuple[str, int] | None]
) -> Mention | None:
    """A person's name after an honorific that follows a landmark's head noun (مطار الملك خالد الدولي,
    ميناء الملك عبد الله): the landmark, head, honorific and the head's closing adjective included."""
    if m.type != "PER" or m.first < 2 or {m.first - 1, m.first - 2} & taken:
        return None
    honor, head = tokens[m.first - 1], tokens[m.first - 2]
    if honor.norm not in _words().get("honorific", frozenset()):
        return None
    found = part_head(head)
    if found is None or not (
        _next_to(tokens, m.first - 2, m.first - 1) and _next_to(tokens, m.first - 1, m.first)
    ):
        return None
    typ, k = found
    last = m.last
    tails = _words().get("landmark_tail", frozenset())
    if last + 1 < len(tokens) and last + 1 not in taken and tokens[last + 1].norm in tails:
        last += 1
    return replace(
        m,
        first=m.first - 2,
        last=last,
        start=head.start + k,
        end=tokens[last].end,
        type=typ,
        kb_ids=(),
        source="cue",
    )


def headed_name_read_as_person(
    tokens: Sequence[Token],
    m: Mention,
    org_head: Callable[[Token], bool],
    part_head: Callable[[Token], tuple[str, int] | None],
) -> Mention | None:
    """An unlinked person's name of several words that opens on a landmark's head noun (فندق قصر كوبورغ) or
    a body's (معهد لوي): the place or the body, as the head says; no person's name begins with one."""
    if m.type != "PER" or m.kb_ids or m.last == m.first:
        return None
    head = tokens[m.first]
    if m.start != head.start:
        return None  # (only a head as written, not one after a proclitic the span left out)
    found = part_head(head)
    if found is not None:
        return replace(m, type=found[0], source="cue")
    if org_head(head) and not tokens[m.first + 1].norm.startswith("ال"):
        return replace(m, type="ORG", source="cue")
    return None


def organ_of_body(tokens: Sequence[Token], m: Mention, taken: set[int]) -> Mention | None:
    """A KB body's name after the name of one of its organs (مجلس محافظي [الوكالة الدولية للطاقة الذرية],
    مجلس أمناء [الجامعة العربية]): the organ is the mention, not linked to the body."""
    if (
        m.type != "ORG"
        or m.first < 2
        or {m.first - 1, m.first - 2} & taken
        or m.start != tokens[m.first].start
    ):
        return None
    a, b = tokens[m.first - 2], tokens[m.first - 1]
    if b.norm not in _words().get("organ", frozenset()):
        return None
    if not (_next_to(tokens, m.first - 2, m.first - 1) and _next_to(tokens, m.first - 1, m.first)):
        return None
    form = a.match(_words().get("organ_head", frozenset()))
    if form is None:
        return None
    return replace(m, first=m.first - 2, start=a.start + form[0], kb_ids=(), source="cue")


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Words of time that may follow a name (غدا, صباح, مساء): the time layer's parts of the day and relative
    phrases of one word."""
    from .. import data
    from ..text import normalize

    words = {r["form"] for r in data.read_tsv("parts_of_day.tsv") if r.get("form")}
    words |= {r["phrase"] for r in data.read_tsv("relative_time.tsv") if r.get("phrase")}
    return frozenset(normalize(w) for w in words if " " not in w)


def surname_as_given_name(
    tokens: Sequence[Token], m: Mention, kb: KB, taken: set[int], titles: frozenset[str]
) -> Mention | None:
    """A KB person's surname alias after a title and before one more word that closes the name (النائب
    [ميشال] معوض فقد …: Charles Michel's surname is here another man's given name): the two words, a person the
    KB does not know unless it knows the two."""
    j = m.last + 1
    if m.last != m.first or not m.kb_ids or m.first < 1 or j >= len(tokens) or j in taken:
        return None
    if tokens[m.first - 1].norm not in titles or m.start != tokens[m.first].start:
        return None
    w = tokens[m.first].norm
    title = tokens[m.first - 1].norm.removeprefix("ال")
    for i in m.kb_ids:
        key = name_key(kb.entries[i]["name"])
        if len(key) < 2 or key[-1] != w:
            return None  # not (only) a surname
        if any(title in name_key(r.get("title") or "") for r in kb.entries[i].get("roles") or ()):
            return None  # the title is the KB person's own (الرئيس مبارك)
    nxt = tokens[j]
    if (
        nxt.kind != "word"
        or nxt.norm in _NOT_NAME
        or nxt.norm in _time_words()
        or nxt.norm.startswith("ال")  # الرئيس أردوغان الثلاثاء, … الجديد: no name
        or (nxt.norm.endswith("ا") and len(nxt.norm) > 4)  # an adverb in the accusative (تكريما, ردا)
        or len(nxt.forms) > 1
        or nxt.norm in kb.words
    ):
        return None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    closed = (
        after is None
        or after.kind != "word"
        or after.norm in _NOT_NAME
        or (after.norm[:1] in "فل" and (len(after.forms) > 1 or after.norm[1:] in _NOT_NAME))  # فقد
    )
    if not closed or not _next_to(tokens, m.first, j):
        return None
    return replace(m, last=j, end=nxt.end, kb_ids=_ids_of_type(kb, (w, nxt.norm), "PER"), source="model")


def command_of_body(tokens: Sequence[Token], m: Mention, taken: set[int]) -> Mention | None:
    """A body after لل and the two words of its command, staff or directorate (القيادة العامة [للقوات المسلحة
    الأردنية], الإدارة العامة [للحرس الوطني]): one mention, as the army names its command, linked to the body
    where the KB knows it."""
    if not (m.kb_ids or m.type == "ORG") or m.first < 2 or {m.first - 1, m.first - 2} & taken:
        return None
    t = tokens[m.first]
    if not (t.norm.startswith("لل") and m.start in (t.start, t.start + 1)):
        return None
    a, b = tokens[m.first - 2], tokens[m.first - 1]
    if not (_next_to(tokens, m.first - 2, m.first - 1) and _next_to(tokens, m.first - 1, m.first)):
        return None
    phrases = _words().get("command", frozenset())
    form = next((f for f in a.forms if f"{f[1]} {b.norm}" in phrases), None)
    if form is None:
        return None
    return replace(m, first=m.first - 2, start=a.start + form[0], source="cue")


def ministry_of_body(tokens: Sequence[Token], m: Mention, kb: KB, taken: set[int]) -> Mention | None:
    """A KB body right after وزارة (لوزارة [البيشمركة]): the ministry of that field is the name, linked only
    where the KB knows the whole."""
    if not m.kb_ids or m.first < 1 or m.first - 1 in taken or m.start != tokens[m.first].start:
        return None
    head = tokens[m.first - 1]
    form = head.match(_MINISTRY) if head.kind == "word" else None
    if form is None or not _next_to(tokens, m.first - 1, m.first):
        return None
    key = (form[1], *(t.norm for t in tokens[m.first : m.last + 1]))
    return replace(
        m, first=m.first - 1, start=head.start + form[0], kb_ids=_ids_of_type(kb, key, "ORG"), source="cue"
    )


_MINISTRY = frozenset({"وزاره"})


def without_closing_epithet(tokens: Sequence[Token], m: Mention) -> Mention | None:
    """A place's name of three words or more that the model closed on an epithet (معبر جابر [الحدودي]): the
    name without it."""
    if m.type != "LOC" or m.last - m.first < 2 or tokens[m.last].norm not in _words().get("epithet", ()):
        return None
    return replace(m, last=m.last - 1, end=tokens[m.last - 1].end)


def _nisba(word: str) -> bool:
    return word.startswith("ال") and len(word) > 4 and word.endswith(("ي", "يه"))


def person_after_closed_body(
    tokens: Sequence[Token], m: Mention, kb: KB, given: dict[str, str] | None = None
) -> list[Mention] | None:
    """A body's name that the model ran on into the person after it, past the nisba that closes the body's
    name (معهد فيينا للدراسات الدولية | كريستوف لانغر): the body, then the person (two or three words
    without ال, clitics or a nisba shape). After a لل- complement (مركز الخليج للأبحاث | عبد الله سالم) the
    person must begin on a given name or a name part (عبد, أبو), whose next word may be definite."""
    if m.type not in ("ORG", "LOC") or m.kb_ids or m.last - m.first < 3:
        return None
    given = given or {}
    for j in range(m.first + 2, m.last):
        prev = tokens[j - 1].norm
        lil = prev.startswith("لل") and len(prev) >= 5 and given.get(tokens[j].norm) in ("given", "name_part")
        if not (_nisba(prev) or lil) or not 2 <= m.last - j + 1 <= 3:
            continue
        rest = tokens[j : m.last + 1]
        if all(
            t.kind == "word"
            and (
                not t.norm.startswith(("ال", "لل", "وال", "بال"))
                or (i > 0 and (lil or given.get(rest[i - 1].norm) == "name_part") and t.norm.startswith("ال"))
            )
            # a nisba closes the body, no person; after a given name, a surname may end so (عاصي, الحلبي)
            and (lil or not t.norm.endswith(("يه", "ي")))
            for i, t in enumerate(rest)
        ):
            body = replace(m, last=j - 1, end=tokens[j - 1].end)
            person = replace(
                m,
                first=j,
                start=tokens[j].start,
                type="PER",
                kb_ids=_ids_of_type(kb, tuple(t.norm for t in rest), "PER"),
                source="model",
            )
            return [body, person]
    return None


def two_known_people(tokens: Sequence[Token], m: Mention, kb: KB) -> list[Mention] | None:
    """Two people the model read as one name, each named as the KB names him (وصف حميدتي البرهان بأنه ...:
    the subject, then the object): an unlinked person's words that split into two KB people's names, the
    second a different person. Only where no KB person is named by the words as a whole or by the first
    name with the next word (a person's given name and surname are not two people)."""
    if m.type != "PER" or m.kb_ids or m.last == m.first:
        return None
    key = _key(tokens, m)
    for k in range(1, len(key)):
        a, b = _ids_of_type(kb, key[:k], "PER"), _ids_of_type(kb, key[k:], "PER")
        if not a or not b or set(a) & set(b):
            continue
        if key[: k + 1] in kb.prefixes or key[: k + 1] in kb.names:
            continue  # the first name goes on into a longer KB name here
        j = m.first + k
        return [
            replace(m, last=j - 1, end=tokens[j - 1].end, kb_ids=a, source="kb"),
            replace(m, first=j, start=tokens[j].start, kb_ids=b, source="kb"),
        ]
    return None


def person_after_town(tokens: Sequence[Token], m: Mention, given: dict[str, str]) -> list[Mention] | None:
    """A person's name that the model began on the town named before it (رئيس بلدية [كفركلا] حسن شيت): the
    word after a town's head noun is the town, a given name after it begins the person."""
    if (
        m.type != "PER"
        or m.kb_ids
        or m.last - m.first < 2
        or m.first == 0
        or m.start != tokens[m.first].start
    ):
        return None
    head = tokens[m.first - 1]
    if head.kind != "word" or head.match(_words().get("town_head", frozenset())) is None:
        return None
    if given.get(tokens[m.first + 1].norm) != "given" or tokens[m.first].norm in given:
        return None
    town = replace(m, last=m.first, end=tokens[m.first].end, type="LOC", source="cue")
    nxt = tokens[m.first + 1]
    return [town, replace(m, first=m.first + 1, start=nxt.start)]


def nisba_after_definite_noun(
    tokens: Sequence[Token], m: Mention, taken: set[int], name_cues: frozenset[str]
) -> bool:
    """A one-word person the KB does not know that is a nisba after a definite noun (البيان [الوزاري]): an
    adjective. After a title (الشيخ الهاشمي) or a verb (قال الهاشمي) it stays a name."""
    if m.type != "PER" or m.kb_ids or m.first != m.last or m.first == 0:
        return False
    t, prev = tokens[m.first], tokens[m.first - 1]
    if not _nisba(t.norm) or m.start != t.start or not _next_to(tokens, m.first - 1, m.first):
        return False
    if (
        prev.kind != "word"
        or not prev.norm.startswith("ال")
        or prev.norm in name_cues
        or m.first - 1 in taken
    ):
        return False
    return not _nisba(prev.norm)


def company_by_suffix(tokens: Sequence[Token], m: Mention) -> Mention | None:
    """A name the model typed as a person or place that ends on a company word (كوسموس إنرجي, جنرال موتورز):
    a company."""
    if m.type not in ("PER", "LOC") or m.kb_ids or m.last == m.first:
        return None
    if tokens[m.last].norm not in _words().get("company_suffix", frozenset()):
        return None
    return replace(m, type="ORG")


def title_in_dual_or_plural(tokens: Sequence[Token], m: Mention, titles: frozenset[str]) -> bool:
    """A one-word mention the KB does not know that is a title in the dual or plural (الرئيسان, الوزيرين,
    السفراء aside): the people holding it, no name."""
    if m.kb_ids or m.first != m.last:
        return False
    w = _stem_at(tokens[m.first], m.start)
    return any(w.endswith(suf) and w[: -len(suf)] in titles for suf in ("ان", "ين", "ون"))


def vague_body(tokens: Sequence[Token], m: Mention, org_head: Callable[[Token], bool]) -> bool:
    """A definite organization head and an adjective like الدولية that the KB does not link (وفق ما أعلنت
    اللجنة الدولية) or a descriptive one (التلفزيون الرسمي): a description, no name of its own."""
    if m.type != "ORG" or m.kb_ids or m.last != m.first + 1:
        return False
    head = _stem_at(tokens[m.first], m.start)
    if not head.startswith("ال"):
        return False
    adj = tokens[m.last].norm
    if adj in _words().get("descriptive", frozenset()):
        return True  # التلفزيون الرسمي, الحكومة المؤقتة
    return org_head(tokens[m.first]) and adj in _words().get("generic_adjective", frozenset())


def without_closing_descriptive(tokens: Sequence[Token], m: Mention) -> Mention | None:
    """A body's name of three words or more that a rule closed on a descriptive word (اللجنة العليا المشتركة
    [المقرر] اجتماعها): the name without it."""
    if m.type != "ORG" or m.kb_ids or m.last - m.first < 2:
        return None
    if tokens[m.last].norm not in _words().get("descriptive", frozenset()):
        return None
    return replace(m, last=m.last - 1, end=tokens[m.last - 1].end)


def without_country_nisba_of_foreign_name(
    tokens: Sequence[Token], m: Mention, kb: KB, org_head: Callable[[Token], bool]
) -> Mention | None:
    """A body named by one foreign word, after its class noun or not, with its country's nisba after it
    (مجموعة فاغنر [الروسية], شركة إيني [الإيطالية], معهد لوي [الأسترالي]): the nisba describes the body, as
    after a one-word name ([الموساد] الإسرائيلي); the KB's own names keep theirs (أرامكو السعودية)."""
    nisba = tokens[m.last].norm
    if m.type != "ORG" or m.last - m.first not in (1, 2) or not _nisba(nisba) or nisba not in kb.demonyms:
        return None
    name = tokens[m.last - 1]
    if name.kind != "word" or name.norm.startswith("ال") or not name.norm.isalpha():
        return None
    if m.last - m.first == 2 and not org_head(tokens[m.first]):
        return None
    key = _key(tokens, m)
    if key in kb.names:
        return None
    ids = _ids_of_type(kb, key[:-1], "ORG") or m.kb_ids
    return replace(m, last=m.last - 1, end=name.end, kb_ids=ids)


def whole_compound(tokens: Sequence[Token], m: Mention, taken: set[int]) -> Mention | None:
    """A place cut after the first word of a compound name (كفر | حمام, عين | الحلوة): both words."""
    j = m.last + 1
    if m.type != "LOC" or m.first != m.last or m.kb_ids or j >= len(tokens) or j in taken:
        return None
    t = tokens[j]
    if t.kind != "word" or not _compound(tokens[m.first]) or not _next_to(tokens, m.last, j):
        return None
    if t.norm in _words().get("not_place", frozenset()) or (t.text.startswith("و") and len(t.forms) > 1):
        return None
    return replace(m, last=j, end=t.end)


def accord_described(tokens: Sequence[Token], m: Mention) -> bool:
    """An unlinked body that is an accord, a talk or a side described by nisbas only (الاتفاق السعودي
    الإيراني, الجانب التركي): no body's name (ner_span_words.tsv kind accord_head)."""
    if m.type not in ("ORG", "MISC") or m.kb_ids or m.last == m.first:
        return False
    if tokens[m.first].match(_words().get("accord_head", frozenset())) is None:
        return False
    return all(t.kind == "word" and _nisba(t.norm) for t in tokens[m.first + 1 : m.last + 1])


def indefinite_description(tokens: Sequence[Token], m: Mention, org_head: Callable[[Token], bool]) -> bool:
    """An unlinked body's name (or MISC) made of indefinite words and closing on an indefinite nisba (منظمة
    إغاثة دولية "an international aid group", حرس وطني "a national guard"): a description, no name."""
    if m.type not in ("ORG", "MISC") or m.kb_ids or m.last - m.first < 1:
        return False
    if m.type == "ORG" and not org_head(tokens[m.first]):
        return False
    words = [_stem_at(tokens[m.first], m.start), *(t.norm for t in tokens[m.first + 1 : m.last + 1])]
    if any(w.startswith("ال") for w in words):
        return False
    last = words[-1]
    return len(last) > 3 and last.endswith(("يه", "ي"))


def nisba_after_city(tokens: Sequence[Token], prev: Mention, m: Mention, kb: KB) -> bool:
    """A country's nisba right after a city's or region's name (مدينة أبها السعودية, جدة السعودية): the
    city's adjective, no mention of the country."""
    if m.type != "LOC" or prev.type != "LOC" or m.first != m.last or prev.last + 1 != m.first:
        return False
    t = tokens[m.first]
    if m.start != t.start or not _nisba(t.norm) or t.norm not in kb.demonyms:
        return False  # (a country's name is no nisba: اتهمت باماكو [الجزائر] is the object)
    if not _next_to(tokens, prev.last, m.first):
        return False
    return not any(kb.entries[i].get("kind") == "country" for i in prev.kb_ids)


def place_in_quoted_title(tokens: Sequence[Token], m: Mention) -> bool:
    """A place, or a name the KB does not know, that only completes a quoted title of a document or
    initiative ("إعلان الجزائر", «اتفاق الرياض», "اتفاقيات أبراهام"): part of the title, no mention."""
    if (m.kb_ids and m.type != "LOC") or m.first < 2 or m.last + 1 >= len(tokens):
        return False
    head, before, after = tokens[m.first - 1], tokens[m.first - 2], tokens[m.last + 1]
    if m.start != tokens[m.first].start or before.text not in _OPEN or after.text not in _CLOSE:
        return False
    return head.norm in _words().get("title_doc", frozenset())


_TOWN_LIST_MAX_P_OUT = 0.999


def towns_of_a_dual(
    tokens: Sequence[Token], starts: Sequence[int], taken: set[int], p_out: Sequence[float], kb: KB
) -> list[tuple[int, int, int]]:
    """The two places after a dual head noun (بلدتي كفركلا وعيتا الشعب, قريتي X وY) that the model missed,
    as (first, last, start): the first runs up to the word with و, the second for at most as many words; each
    word no particle, nisba or demonym, and given some chance of a name by the model."""
    out = []
    for i in starts:
        j = i + 1
        if j >= len(tokens) or j in taken:
            continue
        first = _run(tokens, j, taken, p_out, kb)
        if first is None:
            continue
        w = first + 1
        t = tokens[w] if w < len(tokens) else None
        if t is None or w in taken or t.kind != "word" or not t.text.startswith("و") or len(t.forms) < 2:
            continue
        second = _run(tokens, w, taken, p_out, kb, clitic=True)
        if second is None:
            continue
        out.append((j, first, tokens[j].start))
        out.append((w, second, t.start + 1))
    return out


def _compound(tok: Token) -> bool:
    """The first word of a compound place name (بيت, كفر, عين: name_heads.tsv role compound)."""
    from .adjust import head_of

    return head_of(tok, "compound") is not None


def _run(
    tokens: Sequence[Token],
    j: int,
    taken: set[int],
    p_out: Sequence[float],
    kb: KB,
    clitic: bool = False,
    most: int = 2,
) -> int | None:
    """The last token of a place's name from ``j`` (up to ``most`` words, before a word with و; a second word
    when it is definite or the first begins a compound name)."""
    last = None
    for i in range(j, min(len(tokens), j + most)):
        t = tokens[i]
        norm = t.forms[1][1] if clitic and i == j else t.norm
        if (
            t.kind != "word"
            or i in taken
            or norm in _words().get("not_place", frozenset())
            or kb.demonym_country(t) is not None
        ):
            break
        if i > j and (t.text.startswith("و") or not (norm.startswith("ال") or _compound(tokens[j]))):
            break  # the next place, or no second word of this one (عيتا الشعب, بيت ليف)
        if i == j and (
            p_out[i] > _TOWN_LIST_MAX_P_OUT or (not norm.startswith("ال") and norm.endswith(("ي", "يه")))
        ):
            return None
        last = i
    return last


def quoted_names_after_heads(
    tokens: Sequence[Token], starts: Sequence[int], mentions: list[Mention], kb: KB
) -> list[Mention]:
    """A body's or outlet's name in quotes right after its class noun (تجمع "ثوابت الأمة", صحيفة "القبس",
    منصة "إكس", and after a definite class noun with its adjective: الجريدة الرسمية "الكويت اليوم"): one to
    three words, an ORG, linked where the KB knows them; a mention inside them (الكويت) gives way. A definite
    class noun right before quotes is no naming (الجماعة "أوفت بكل التزاماتها": its words)."""
    from .mention import Mention as M
    from .news_rules import outlet_ids

    taken = {j: m for m in mentions for j in range(m.first, m.last + 1)}
    found: list[Mention] = []
    for i in starts:
        q = i + 1
        if tokens[i].norm.startswith("ال"):
            if (
                q >= len(tokens)
                or not _nisba(tokens[q].norm)
                and tokens[q].norm not in _words().get("descriptive", frozenset())
            ):
                continue
            q += 1  # الجريدة الرسمية "…", الصحيفة الإسرائيلية "…"
        if q + 2 >= len(tokens) or tokens[q].text not in _OPEN:
            continue
        close = next((j for j in range(q + 2, min(len(tokens), q + 5)) if tokens[j].text in _CLOSE), None)
        if close is None or any(t.kind != "word" for t in tokens[q + 1 : close]):
            continue
        a, b = q + 1, close - 1
        inner = {id(taken[j]) for j in range(a, b + 1) if j in taken}
        if any(
            taken[j].type == "ORG" and (taken[j].first, taken[j].last) == (a, b)
            for j in range(a, b + 1)
            if j in taken
        ):
            continue  # already the body's name
        if any(taken[j].first < a or taken[j].last > b for j in range(a, b + 1) if j in taken):
            continue  # a mention reaching out of the quotes: leave it
        ids = _ids_of_type(kb, tuple(t.norm for t in tokens[a : b + 1]), "ORG") or outlet_ids(
            tokens, a, b, kb
        )
        found.append(M(a, b, tokens[a].start, tokens[b].end, "ORG", ids, "cue"))
        mentions = [m for m in mentions if id(m) not in inner]
    return mentions + found


def repair(
    tokens: Sequence[Token],
    mentions: list[Mention],
    kb: KB,
    given: dict[str, str],
    org_head: Callable[[Token], bool],
    part_head: Callable[[Token], tuple[str, int] | None],
    not_bodies: frozenset[str],
    name_cues: frozenset[str] = frozenset(),
    titles: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The rules above over mentions in text order; returns the repaired list (in text order). ``name_cues``:
    the first words of the cue phrases; ``titles``: the one-word titles."""
    taken = {j for m in mentions for j in range(m.first, m.last + 1)}
    # surnames of the people named in full: التزام الزواوي after يوسف الزواوي is the man, not an adjective
    surnames = {tokens[m.last].norm for m in mentions if m.type == "PER" and m.last > m.first}
    body_ends = frozenset(m.last for m in mentions if m.type == "ORG")
    # the span and type rules by the mention type they apply to, built once per document
    company = partial(company_by_suffix, tokens)
    rules: dict[str, tuple[Callable[[Mention], Mention | None], ...]] = {
        "PER": (
            partial(person_run_on, tokens, kb=kb, given=given, titles=titles, org_head=org_head),
            partial(given_name_after_title, tokens, kb=kb, given=given, titles=titles, taken=taken),
            partial(time_word_before_person, tokens, kb=kb, time_words=_time_words()),
            partial(verb_before_person, tokens, kb=kb, given=given, body_ends=body_ends),
            partial(verb_after_person, tokens, kb=kb, given=given),
            partial(given_name_before_surname, tokens, kb=kb, given=given, taken=taken),
            partial(surname_as_given_name, tokens, kb=kb, taken=taken, titles=titles),
            partial(landmark_of_titled_person, tokens, taken=taken, part_head=part_head),
            partial(headed_name_read_as_person, tokens, org_head=org_head, part_head=part_head),
            company,
        ),
        "LOC": (
            partial(body_named_after_place, tokens, kb=kb, org_head=org_head, not_bodies=not_bodies),
            partial(without_closing_epithet, tokens),
            company,
            partial(whole_compound, tokens, taken=taken),
        ),
        "ORG": (
            partial(organ_of_body, tokens, taken=taken),
            partial(command_of_body, tokens, taken=taken),
            partial(ministry_of_body, tokens, kb=kb, taken=taken),
            partial(without_closing_descriptive, tokens),
            partial(without_country_nisba_of_foreign_name, tokens, kb=kb, org_head=org_head),
        ),
    }
    out: list[Mention] = []
    for m in mentions:
        if (
            indefinite_description(tokens, m, org_head)
            or vague_body(tokens, m, org_head)
            or (
                nisba_after_definite_noun(tokens, m, taken, name_cues)
                and tokens[m.first].norm not in surnames
            )
            or title_in_dual_or_plural(tokens, m, titles)
            or accord_described(tokens, m)
            or place_in_quoted_title(tokens, m)
        ):
            continue
        typ = m.type
        for rule in rules.get(typ, ()):
            fixed = rule(m)
            if fixed is not None:
                taken.update(range(fixed.first, fixed.last + 1))
                m = fixed
        if typ == "PER" and m.type != typ:  # a person's name retyped a body or a place: that type's rules too
            for rule in rules.get(m.type, ()):
                fixed = rule(m)
                if fixed is not None:
                    taken.update(range(fixed.first, fixed.last + 1))
                    m = fixed
        if out and nisba_after_city(tokens, out[-1], m, kb):
            continue
        split = (
            person_after_closed_body(tokens, m, kb, given)
            or person_after_town(tokens, m, given)
            or two_known_people(tokens, m, kb)
        )
        if split is not None:
            out += split
            continue
        if (
            out
            and out[-1].last < m.first
            and (merged := one_person_of_two(tokens, out[-1], m, kb, given)) is not None
        ):
            out[-1] = merged
            continue
        out.append(m)
    return _unlink_surnames_of_unlinked(tokens, out)


def _unlink_surnames_of_unlinked(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """A KB-linked surname that ends an unlinked person's full name of the article (محمد عبد العاطي ...
    عبد العاطي) is that person's, not the KB one's, unless the KB person is named in full too."""
    tails: dict[tuple[str, ...], None] = {}
    for m in mentions:
        if m.type == "PER" and not m.kb_ids and m.last > m.first:
            words = _key(tokens, m)
            for i in range(1, len(words)):
                tails[words[i:]] = None
    if not tails:
        return mentions
    named = {
        i for m in mentions if m.type == "PER" and m.kb_ids and _key(tokens, m) not in tails for i in m.kb_ids
    }
    out = []
    for m in mentions:
        if m.type == "PER" and m.kb_ids and _key(tokens, m) in tails and not named.intersection(m.kb_ids):
            m = replace(m, kb_ids=(), source="model")
        out.append(m)
    return out
