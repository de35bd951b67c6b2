"""The people part of the knowledge base (``rasd/data/kb/people*.jsonl``) and the titles list (``titles.tsv``).

The shared format is checked by ``test_kb_data.py``; this module checks what is specific to people: the fields a
person needs, well-formed roles whose titles the entity layer can recognize, names without titles, no alias that
is an ordinary word or a place, and the spellings Arabic news uses for well-known people (the example corpus of
this data: spelling as printed -> the person it must find).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache

import pytest

from rasd import data
from rasd.text import normalize

PEOPLE_FILES = sorted(data.path("kb").glob("people*.jsonl"))
TITLE_CLASSES = {
    "head_of_state",
    "head_of_government",
    "royal",
    "minister",
    "spokesperson",
    "diplomat",
    "counterpart",
    "official",
    "legislator",
    "party",
    "military",
    "honorific",
    "religious",
    "profession",
}
# Honorifics are titles, not names: a canonical name may keep one only when the bare name is a single word
# (الأمير هاري, البابا فرنسيس), because that word alone would name nobody.
HONORIFICS = (
    "الرئيس",
    "الملك",
    "الملكة",
    "الأمير",
    "الأميرة",
    "الشيخ",
    "الشيخة",
    "السلطان",
    "السيد",
    "الدكتور",
)
# Single words that must never be a person's alias: ordinary words, months, weekdays, nisbas.
NOT_ALIASES = (
    "سلام سلامة حتي حتى شعبان خميس السوداني الثانية عشر لولا خلاف الطيب عارف فرج رعد شكر جودة طه شريف راي "
    "الأحمر الخامس العاشر زاده أوغلو الملا الهجري هيكل بركات".split()
)
# A person's alias may equal a place name only where Arabic news really uses both (the US defence secretary).
# (and the former Mossad chief Tamir Pardo, quoted by his surname, whose town namesake Bardo hosts Tunisia's
# parliament: the recognizer reads the place after a preposition of place, whole_names.place_first)
PLACE_HOMOGRAPHS = {(normalize("أوستن"), "person/lloyd-austin"), (normalize("باردو"), "person/tamir-pardo")}


@lru_cache(maxsize=1)
def people() -> list[dict]:
    out = []
    for path in PEOPLE_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(json.loads(line))
    return out


@lru_cache(maxsize=1)
def name_index() -> dict[str, set[str]]:
    """Normalized name or alias -> person ids."""
    index: dict[str, set[str]] = defaultdict(set)
    for p in people():
        for n in [p["name"], *p["aliases"]]:
            index[normalize(n)].add(p["id"])
    return index


@lru_cache(maxsize=1)
def titles() -> list[dict[str, str]]:
    return data.read_tsv("titles.tsv")


def test_the_people_files_are_large_and_have_a_dated_provenance() -> None:
    assert PEOPLE_FILES and data.path("kb/people.jsonl") in PEOPLE_FILES
    assert len(people()) >= 1000
    for path in PEOPLE_FILES:
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        text = " ".join(header)
        assert "Wikipedia" in text and "2024" in text and "verify" in text, path.name


def test_every_person_has_the_person_fields() -> None:
    problems = []
    for p in people():
        if (p["type"], p["kind"]) != ("PER", "person") or not p["id"].startswith("person/"):
            problems.append(f"{p['id']}: type/kind/id")
        if p.get("gender") not in ("m", "f"):
            problems.append(f"{p['id']}: gender")
        if not (p.get("country") or "").startswith("country/"):
            problems.append(f"{p['id']}: country")
        if not re.search(r"[A-Za-z]", p["name_en"]) or re.search(r"[\u0600-\u06FF]", p["name_en"]):
            problems.append(f"{p['id']}: name_en {p['name_en']!r}")
    assert not problems, "\n".join(problems[:40])


def test_roles_are_complete_and_ordered() -> None:
    problems = []
    for p in people():
        for r in p["roles"]:
            if set(r) != {"title", "title_en", "org", "start", "end"}:
                problems.append(f"{p['id']}: role fields {sorted(r)}")
                continue
            if not r["title_en"] or not r["org"].startswith(("country/", "org/", "media/")):
                problems.append(f"{p['id']}: {r['title']} has no title_en or org")
            if r["end"] is not None and r["start"] is not None and r["end"] < r["start"]:
                problems.append(f"{p['id']}: {r['title']} ends before it starts")
    assert not problems, "\n".join(problems[:40])


def test_feminine_people_have_feminine_titles_where_arabic_inflects() -> None:
    masculine_heads = ("وزير ", "المتحدث ", "الناطق ", "المندوب ", "المبعوث ", "نائب ", "مستشار ")
    wrong = [
        f"{p['id']}: {r['title']}"
        for p in people()
        if p["gender"] == "f"
        for r in p["roles"]
        if r["title"].startswith(masculine_heads) and not r["title"].startswith("نائب رئيس")
    ]
    assert not wrong, "\n".join(wrong)


def test_canonical_names_carry_no_title() -> None:
    titled = [
        p["name"]
        for p in people()
        for h in HONORIFICS
        if p["name"].startswith(h + " ") and len(p["name"].split()) > 2
    ]
    assert not titled, titled


def test_every_role_title_begins_with_a_known_title() -> None:
    known = sorted({normalize(t["title"]) for t in titles()}, key=len, reverse=True)
    unknown = sorted(
        {
            r["title"]
            for p in people()
            for r in p["roles"]
            if not any(normalize(r["title"]) == k or normalize(r["title"]).startswith(k + " ") for k in known)
        }
    )
    assert not unknown, unknown


def test_no_alias_is_an_ordinary_word_or_a_place() -> None:
    index = name_index()
    assert not [w for w in NOT_ALIASES if normalize(w) in index]
    places: set[str] = set()
    for path in data.path("kb").glob("*.jsonl"):
        if path.name.startswith("people"):
            continue
        for e in data.read_jsonl(f"kb/{path.name}"):
            places.update(normalize(n) for n in [e["name"], *e.get("aliases", []), *e.get("demonyms", [])])
            places.update(normalize("ال" + d) for d in e.get("demonyms", []))  # الهندي is "the Indian"
    clashes = {(n, pid) for n, ids in index.items() if n in places for pid in ids} - PLACE_HOMOGRAPHS
    assert not clashes, sorted(clashes)


def test_a_full_name_belongs_to_one_person() -> None:
    shared = {
        n: ids
        for n, ids in name_index().items()
        if len(ids) > 1 and len(n.split()) > 1 and any(normalize(by_id(i)["name"]) == n for i in ids)
    }
    assert not shared, shared


def by_id(pid: str) -> dict:
    return next(p for p in people() if p["id"] == pid)


# Spellings as Arabic news prints them (transliteration variants, surnames, kunyas) -> the person.
NEWS_SPELLINGS = [
    ("جو بايدن", "Joe Biden"),
    ("بايدن", "Joe Biden"),
    ("فلاديمير بوتين", "Vladimir Putin"),
    ("بوتن", "Vladimir Putin"),
    ("جين ساكي", "Jen Psaki"),
    ("يوري أوشاكوف", "Yuri Ushakov"),
    ("دميتري بيسكوف", "Dmitry Peskov"),
    ("إيميلي هورن", "Emily Horne"),
    ("أنتوني بلينكن", "Antony Blinken"),
    ("بلينكين", "Antony Blinken"),
    ("فولوديمير زيلينسكي", "Volodymyr Zelenskyy"),
    ("زيلنسكي", "Volodymyr Zelenskyy"),
    ("سيرغي لافروف", "Sergey Lavrov"),
    ("سيرجي لافروف", "Sergey Lavrov"),
    ("ويندي شيرمان", "Wendy Sherman"),
    ("سيرغي ريابكوف", "Sergei Ryabkov"),
    ("إردوغان", "Recep Tayyip Erdoğan"),
    ("رجب طيب أردوغان", "Recep Tayyip Erdoğan"),
    ("نتانياهو", "Benjamin Netanyahu"),
    ("بنيامين نتنياهو", "Benjamin Netanyahu"),
    ("أبو مازن", "Mahmoud Abbas"),
    ("محمد بن سلمان", "Mohammed bin Salman"),
    ("بن سلمان", "Mohammed bin Salman"),
    ("ماكرون", "Emmanuel Macron"),
    ("أنطونيو غوتيريش", "António Guterres"),
    ("غوتيريس", "António Guterres"),
    ("ستولتنبرغ", "Jens Stoltenberg"),
    ("فون دير لاين", "Ursula von der Leyen"),
    ("جوزيب بوريل", "Josep Borrell"),
    ("أحمد أبو الغيط", "Ahmed Aboul Gheit"),
    ("تيدروس أدهانوم غيبريسوس", "Tedros Adhanom Ghebreyesus"),
    ("رافائيل غروسي", "Rafael Grossi"),
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("حسن نصرالله", "Hassan Nasrallah"),
    ("نصر الله", "Hassan Nasrallah"),
    ("إسماعيل هنية", "Ismail Haniyeh"),
    ("عبد اللهيان", "Hossein Amir-Abdollahian"),
    ("عباس عراقجي", "Abbas Araghchi"),
    ("ماريا زاخاروفا", "Maria Zakharova"),
    ("هاكان فيدان", "Hakan Fidan"),
    ("تشاووش أوغلو", "Mevlüt Çavuşoğlu"),
    ("أيمن الصفدي", "Ayman Safadi"),
    ("فيصل بن فرحان", "Faisal bin Farhan Al Saud"),
    ("تميم بن حمد آل ثاني", "Tamim bin Hamad Al Thani"),
    ("شي جين بينغ", "Xi Jinping"),
    ("يوآف جالانت", "Yoav Gallant"),
    ("بيني جانتس", "Benny Gantz"),
]


@pytest.mark.parametrize(("spelling", "name_en"), NEWS_SPELLINGS)
def test_news_spellings_find_the_person(spelling: str, name_en: str) -> None:
    ids = name_index().get(normalize(spelling), set())
    assert [by_id(i)["name_en"] for i in ids] == [name_en]


# ---------------------------------------------------------------------------------------------- titles


def test_titles_have_the_documented_columns_and_values() -> None:
    rows = titles()
    assert len(rows) >= 150
    assert list(rows[0]) == ["title", "title_en", "gender", "class", "takes_org"]
    bad = [
        r
        for r in rows
        if not r["title"]
        or not r["title_en"]
        or r["gender"] not in {"m", "f", "-"}
        or r["class"] not in TITLE_CLASSES
        or r["takes_org"] not in {"yes", "no"}
    ]
    assert not bad, bad[:10]
    normalized = [normalize(r["title"]) for r in rows]
    assert len(normalized) == len(set(normalized)), "two rows normalize to the same title"


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [
        ("الرئيس", "الرئيسة"),
        ("رئيس الوزراء", "رئيسة الوزراء"),
        ("وزير الخارجية", "وزيرة الخارجية"),
        ("المتحدث باسم", "المتحدثة باسم"),
        ("الناطق باسم", "الناطقة باسم"),
        ("نائب وزير الخارجية", "نائبة وزير الخارجية"),
        ("المبعوث الخاص", "المبعوثة الخاصة"),
        ("الأمين العام", "الأمينة العامة"),
        ("السفير", "السفيرة"),
        ("الملك", "الملكة"),
    ],
)
def test_titles_come_in_both_genders(masculine: str, feminine: str) -> None:
    by_title = {r["title"]: r for r in titles()}
    assert by_title[masculine]["gender"] == "m" and by_title[feminine]["gender"] == "f"
    assert by_title[masculine]["class"] == by_title[feminine]["class"]


def test_no_title_is_a_given_name_or_an_ordinary_word() -> None:
    # A title is a cue that the next words are a name: a first name (أمير خان متقي, سلطان الجابر) or an ordinary
    # word (العالم "the world", الدبلوماسية "diplomacy") must not be one on its own.
    banned = {
        normalize(w) for w in "أمير أمين سلطان إمام شاه خطيب العالم عالم الأب المرجع الدبلوماسية".split()
    }
    assert not [r["title"] for r in titles() if normalize(r["title"]) in banned]


def test_no_alias_is_a_month_or_a_weekday() -> None:
    # شعبان، رجب، جمادى، خميس: the time layer reads these; a person's alias must not claim them.
    rows = data.read_tsv("months.tsv") + data.read_tsv("weekdays.tsv")
    calendar = {normalize(next(iter(r.values()))) for r in rows}  # the first column is the word
    clashes = [(p["id"], a) for p in people() for a in p["aliases"] if normalize(a) in calendar]
    assert not clashes, clashes


def test_no_alias_is_a_role_title() -> None:
    """A title or epithet without a name (خادم الحرمين الشريفين, الأمير الوالد) is a role: a title-only
    reference, never a mention of the person."""
    role_titles = {normalize(r["title"]) for p in people() for r in p["roles"]}
    role_titles |= {normalize(t["title"]) for t in titles()}
    clashes = sorted(a for p in people() for a in p.get("aliases", []) if normalize(a) in role_titles)
    assert not clashes, clashes
