"""The trigger lexicon (``data/triggers.tsv``) and the function words (``data/event_words.tsv``), loaded once.

The data files list base forms; this module adds the regular inflections a news text uses (person/number
affixes and object pronouns on verbs; article, plural, dual, feminine and possessive endings on nouns), so a
trigger matches ``حذرت``, ``يحذرون``, ``محذراً``, ``مكالمتهما`` or ``اجتاحتها`` from one line of data.
Clitics (و ف ب ل ك س) are not listed: they come off through the tokens' clitic readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import read_tsv
from ..text import normalize

_OBJ = ("ه", "ها", "هم", "هما", "نا", "كم")  # no ني: يرد+ني would read الأردني
_POSS = ("ه", "ها", "هما", "هم", "هن", "ي", "نا", "كم")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger lexicon."""

    row: int
    pos: str  # "verb" or "noun"
    type: str
    mode: str | None
    en: str
    targets: frozenset[str]  # "direct" and/or normalized prepositions
    gen: str  # role of a genitive actor after a noun: "source" or "target"
    flags: frozenset[str]
    rest: tuple[frozenset[str], ...]  # the later words of a multiword form, as sets of cores


@dataclass(frozen=True, slots=True)
class Entry:
    trigger: Trigger
    obj_suffix: bool  # the matched form carries an object pronoun (اجتاحتها)
    past: bool = False  # a past-tense verb form (اجتمع): what it reports has happened
    participle: bool = False  # an active participle used adverbially (محذراً، متهمة)


@lru_cache(maxsize=100_000)
def core(word: str) -> str:
    """A loose key for the later words of a multiword trigger: no article, no tanween alef, no final ه."""
    w = word
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    if len(w) > 3 and w[-1] in "اه":
        w = w[:-1]
    return w


def verb_forms(base: str) -> dict[str, bool]:
    """Inflected forms of a verb base -> whether the form carries an object pronoun."""
    out: dict[str, bool] = {}

    def add(stem: str, objects: bool = True) -> None:
        out.setdefault(stem, False)
        if objects:
            for o in _OBJ:
                out.setdefault(stem + o, True)

    if base.startswith("ي"):  # present: every person prefix, then number suffixes
        p = base[1:]
        for pre in ("ي", "ت", "ن", "ا"):
            add(pre + p)
            for suf in ("ون", "ان", "ين", "ن", "وا", "ا"):  # "ا": the dual after لن/لم/أن (لن تترددا)
                add(pre + p + suf, objects=False)
            for o in _OBJ:
                out.setdefault(pre + p + "و" + o, True)  # يدعونه
            if p[-1] in "يوا" and len(p) > 2:
                add(pre + p[:-1], objects=False)  # jussive of a defective verb: لم يلتق، لم يدع
    elif base.startswith("~"):  # active participle, used adverbially (محذراً، داعياً)
        base = base[1:]
        for suf in ("", "ا", "ه", "ين", "تين"):  # not the nominative ون/ان: المعتقلون متهمون is a predicate
            add(base + suf, objects=False)
    else:  # past
        stems = [base]
        if base[-1] in "اي" and len(base) > 2:  # defective: دعا/دعت/دعوا, التقى/التقت/التقوا
            stems.append(base[:-1])
        for s in stems:
            if s == base or len(s) > 2:  # not the bare stem of a short defective one (هنأ -> هن: a pronoun)
                add(s)
            for suf in ("ت", "وا", "ا", "تا", "تم"):
                add(s + suf, objects=suf in ("ت", "ا", "تا"))
            for o in _OBJ:
                out.setdefault(s + "و" + o, True)  # حذروه (not a bare و-stem: غزو is a noun)
    return out


def noun_forms(base: str) -> dict[str, bool]:
    out: dict[str, bool] = {base: False, base + "ا": False}
    if base.endswith("ه") and len(base) > 2:
        b = base[:-1]
        for suf in ("ات", "تان", "تين", "تا"):
            out.setdefault(b + suf, False)
        for p in _POSS:
            out.setdefault(b + "ت" + p, False)
    else:
        for suf in ("ات", "ان", "ين", "ون", "ه", "يه", "اته", "اتها"):
            out.setdefault(base + suf, False)
        for p in _POSS:
            out.setdefault(base + p, False)
            if base.endswith("اء"):  # لقاء: لقائه، لقاؤه (the hamza's seat follows the case)
                out.setdefault(base[:-1] + "ي" + p, False)
                out.setdefault(base[:-1] + "و" + p, False)
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    heads: dict[str, tuple[Entry, ...]]  # normalized head form -> entries (longest multiword first)
    words: dict[str, frozenset[str]]  # normalized function word -> categories
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # category -> multiword cues (normalized words)
    phrases_by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (cue, category)
    duals: frozenset[str] = frozenset()  # nouns whose dual names a pair of actors (الوزيران، الجانبين)
    body_duals: frozenset[str] = frozenset()  # those naming two sides, not two people (الوفدان، البلدين)
    state_duals: frozenset[str] = frozenset()  # those naming two states (البلدين، الدولتين)
    name_heads: frozenset[str] = frozenset()  # head nouns of names (قوات الدعم السريع): no trigger after them
    self_nouns: frozenset[str] = frozenset()  # a speaker's own side (بلاده، الحزب، حكومته)
    lift_words: frozenset[str] = frozenset()  # lifting (رفع، إلغاء): رفع العقوبات is a concession
    join_verbs: frozenset[str] = frozenset()  # جمعت X بـ Y: an event noun's two parties
    no_comment: frozenset[str] = frozenset()  # رفض الخوض/التعليق: declining to comment
    headed_by: frozenset[str] = frozenset()  # برئاسة X و Y: who led an event (its parties)
    place_nouns: frozenset[str] = frozenset()  # بلدات، أحياء، مواقع: an attack on them targets their place
    crowd_nouns: frozenset[str] = frozenset()  # مئات، آلاف: مئات من أنصار X stand for X
    member_words: frozenset[str] = frozenset()  # الأعضاء: قادة الدول الأعضاء في X stand for X
    protest_reasons: frozenset[str] = frozenset()  # تنديدا، احتجاجا + whom a protest is against
    each_words: frozenset[str] = frozenset()  # كلا من X و Y: the actors after من
    frame_nouns: frozenset[str] = frozenset()  # على هامش، في ختام + event noun: a frame, not another act
    session_refs: frozenset[str] = frozenset()  # الاجتماع، البيان الختامي: the session the article reports
    right_after: frozenset[str] = frozenset()  # عقب، إثر: an act right after a dated event is of its day
    said_verbs: frozenset[str] = frozenset()  # ما ورد/جاء في بيان X: a reaction to X's words
    documents: frozenset[str] = frozenset()  # قرار: a resolution as a subject stands for its adopter
    media: frozenset[str] = frozenset()  # في بيان، خلال مؤتمر صحافي: how something was said (an aside)
    casualty_words: frozenset[str] = frozenset()  # مقتل، قتلت: the dead an attack names show whom it hit
    issued: frozenset[str] = frozenset()  # الصادر عن X: the statement's author follows
    delegations: frozenset[str] = frozenset()  # بعثة X، وفد X: a body's delegation
    then_words: frozenset[str] = frozenset()  # ثم: the next verb keeps the subject
    superlatives: frozenset[str] = frozenset()  # أول، أرفع: a "since" date after one dates no act
    deadlines: frozenset[str] = frozenset()  # بحلول، حتى: the date after it is a deadline, no act's date
    deadline_preps: frozenset[str] = frozenset()  # قبل، حتى before deadline_ends (قبل نهاية العام)
    deadline_ends: frozenset[str] = frozenset()  # نهاية، حلول
    supporters: frozenset[str] = frozenset()  # أنصار، متظاهرون: a crowd storming a building protests
    title_honorifics: frozenset[str] = frozenset()  # الأمير، الشيخ between a title and its holder's name
    commentators: frozenset[str] = frozenset()  # المحلل، الخبير: what they say or judge is no event
    group_nouns: frozenset[str] = frozenset()  # القادة، الدول + a number: the parties of an event told before
    channels: frozenset[str] = frozenset()  # لجنة، قنوات + اتصال (their cores): what a body is for
    means: frozenset[str] = frozenset()  # يعني، تعني: the event noun after it is what something means, no act
    relays: frozenset[str] = frozenset()  # نقلته، بثتها: the outlet named next carried the words, no party
    group_states: frozenset[str] = frozenset()  # الدول، البلدان + a number: those parties' states
    counterparts: tuple[str, ...] = ()  # نظير، ضيف: the other party, named by its relation (stem prefixes)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    heads: dict[str, list[Entry]] = {}
    for i, row in enumerate(read_tsv("triggers.tsv")):
        flags = frozenset(f for f in row["flags"].split(",") if f)
        targets = frozenset(normalize(t) for t in row["targets"].split("|") if t)
        for form in row["forms"].split("|"):
            words = normalize(form).split()
            if not words:
                continue
            rest = tuple(frozenset(core(a) for a in w.split("/")) for w in words[1:])
            trig = Trigger(
                i, row["pos"], row["type"], row["mode"] or None, row["en"], targets,
                row["gen"] or "source", flags, rest,
            )  # fmt: skip
            forms = verb_forms(words[0]) if row["pos"] == "verb" else noun_forms(words[0])
            if "adjective" in flags:  # رفضا قاطعا: the adjective, not the dual of the verb قاطع
                forms.pop(words[0] + "ا", None)
            if "singular" in flags:  # اتصال is a call; اتصالات are contacts in general (or telecoms)
                forms = {f: o for f, o in forms.items() if not f.startswith(words[0] + "ات")}
            past = row["pos"] == "verb" and not words[0].startswith(("ي", "~"))
            part = row["pos"] == "verb" and words[0].startswith("~")
            for f, obj in forms.items():
                heads.setdefault(f, []).append(Entry(trig, obj, past, part))
    words: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    duals: set[str] = set()
    body_duals: set[str] = set()
    state_duals: set[str] = set()
    lift_words: set[str] = set()
    join_verbs: set[str] = set()
    # categories that only collect their words into one set of the lexicon
    word_sets: dict[str, set[str]] = {
        c: set()
        for c in (
            "name_head",
            "self_noun",
            "no_comment",
            "headed_by",
            "place_noun",
            "crowd",
            "member",
            "protest_reason",
            "each",
            "frame_noun",
            "session_ref",
            "right_after",
            "said_verb",
            "document",
            "superlative",
            "medium",
            "casualty",
            "issued",
            "delegation",
            "then",
            "deadline",
            "deadline_prep",
            "deadline_end",
            "counterpart",
            "supporters",
            "title_honorific",
            "commentator",
            "group",
            "group_state",
            "channel",
            "relay",
            "means",
        )
    }
    for row in read_tsv("event_words.tsv"):
        w = normalize(row["word"]).split()
        cat = row["category"]
        # not a category of the word: the base of a dual (وزير -> الوزيران)
        if cat in ("dual", "dual_body", "dual_state"):
            duals.update(w)
            if cat != "dual":
                body_duals.update(w)
            if cat == "dual_state":
                state_duals.update(w)
            continue
        if cat in word_sets:
            word_sets[cat].update(w)
            continue
        if cat in ("lift", "join"):
            forms = verb_forms(w[0]) if row["expand"] == "verb" else {w[0]: False}
            (lift_words if cat == "lift" else join_verbs).update(forms)
            if cat == "lift":
                continue
            # a join verb (ضم، تضم، جمع) also ends a noun phrase: لجنة تضم الأردن والعراق names no subject
        if len(w) > 1:
            phrases.setdefault(cat, []).append(tuple(w))
            continue
        forms = verb_forms(w[0]) if row["expand"] == "verb" else {w[0]: False}
        for f in forms:
            words.setdefault(f, set()).add(cat)
    for cats in words.values():
        if "not_light" in cats:  # ردا (in response), an adverbial noun, though a form of the light verb رد
            cats.discard("light")
            cats.discard("not_light")
    words = {w: cats for w, cats in words.items() if cats}
    return Lexicon(
        heads={k: tuple(sorted(v, key=lambda e: -len(e.trigger.rest))) for k, v in heads.items()},
        words={k: frozenset(v) for k, v in words.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        phrases_by_first=_by_first(phrases),
        duals=frozenset(duals),
        body_duals=frozenset(body_duals),
        state_duals=frozenset(state_duals),
        name_heads=frozenset(word_sets["name_head"]),
        self_nouns=frozenset(word_sets["self_noun"]),
        lift_words=frozenset(lift_words),
        join_verbs=frozenset(join_verbs),
        no_comment=frozenset(word_sets["no_comment"]),
        headed_by=frozenset(word_sets["headed_by"]),
        place_nouns=frozenset(word_sets["place_noun"]),
        crowd_nouns=frozenset(word_sets["crowd"]),
        member_words=frozenset(word_sets["member"]),
        protest_reasons=frozenset(word_sets["protest_reason"]),
        each_words=frozenset(word_sets["each"]),
        frame_nouns=frozenset(word_sets["frame_noun"]),
        session_refs=frozenset(word_sets["session_ref"]),
        right_after=frozenset(word_sets["right_after"]),
        said_verbs=frozenset(word_sets["said_verb"]),
        documents=frozenset(word_sets["document"]),
        superlatives=frozenset(word_sets["superlative"]),
        media=frozenset(word_sets["medium"]),
        casualty_words=frozenset(word_sets["casualty"]),
        issued=frozenset(word_sets["issued"]),
        delegations=frozenset(word_sets["delegation"]),
        supporters=frozenset(word_sets["supporters"]),
        title_honorifics=frozenset(word_sets["title_honorific"]),
        commentators=frozenset(word_sets["commentator"]),
        then_words=frozenset(word_sets["then"]),
        group_nouns=frozenset(word_sets["group"] | word_sets["group_state"]),
        group_states=frozenset(word_sets["group_state"]),
        channels=frozenset(core(w) for w in word_sets["channel"]),  # matched on a word's cores
        relays=frozenset(word_sets["relay"]),
        means=frozenset(word_sets["means"]),
        deadlines=frozenset(word_sets["deadline"]),
        deadline_preps=frozenset(word_sets["deadline_prep"]),
        deadline_ends=frozenset(word_sets["deadline_end"]),
        counterparts=tuple(sorted(word_sets["counterpart"])),
    )


def _by_first(
    phrases: dict[str, list[tuple[str, ...]]],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for cat, cues in phrases.items():
        for words in cues:
            out.setdefault(words[0], []).append((words, cat))
    return {k: tuple(v) for k, v in out.items()}
