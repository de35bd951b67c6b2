"""Validates every knowledge-base file ``rasd/data/kb/*.jsonl`` (places, organizations, media and people).

Checks the shared format (provenance header, required fields and their types, id scheme), the integrity of the
whole KB (unique ids, every reference resolves), the spelling rules (no diacritics or tatweel, no repeated
alias, no function word as a name) and the coverage of the geographic part (every ISO 3166-1 country, a
demonym and a capital for every state, the names Arabic news uses for well-known places and bodies).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from rasd import data
from rasd.text import normalize
from rasd.text.tokens import tokenize

KB_DIR = data.path("kb")
FILES = sorted(KB_DIR.glob("*.jsonl"))
GEO_FILES = ("countries.jsonl", "cities.jsonl", "regions.jsonl", "organizations.jsonl", "media.jsonl")
ROOT = Path(__file__).resolve().parent.parent

TYPES = {"PER", "ORG", "LOC", "MISC"}
ID_RE = re.compile(r"^(country|city|region|org|person|media)/[A-Za-z0-9][A-Za-z0-9._-]*$")
TYPE_OF_PREFIX = {"country": {"LOC"}, "city": {"LOC"}, "region": {"LOC"}, "person": {"PER"}}
TYPE_OF_PREFIX |= {"org": {"ORG", "MISC"}, "media": {"ORG"}}
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
# Harakat, dagger alef, Quranic marks and tatweel: names are written bare (the loader normalizes for matching).
MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
# Field -> allowed JSON types (None = null); no other field is allowed.
FIELDS: dict[str, tuple[type | None, ...]] = {
    "id": (str,),
    "type": (str,),
    "kind": (str, None),
    "name": (str,),
    "name_en": (str,),
    "qid": (str, None),
    "aliases": (list,),
    "country": (str, None),
    "demonyms": (list,),
    "metonyms": (list,),
    "stands_for": (str, None),
    "gender": (str, None),
    "roles": (list,),
    "tz": (str,),
}
REQUIRED = ("id", "type", "name", "name_en")
# Words that must never be a whole name or alias: matching them would tag ordinary prose.
FUNCTION_WORDS = {
    normalize(w)
    for w in "الله من في على إلى عن مع كان قال أن إن ما لا لم لن هذا هذه ذلك التي الذي بين بعد قبل حتى منذ "
    "كل أو ثم قد هو هي هم العربية العالم الأخبار الحزب الدولة القاعدة الشباب".split()
}
# Countries with no nisba in common Arabic news use, or whose nisba is mostly another word (مالي "financial",
# قمري "lunar", بنيني from بنين "sons").
NO_DEMONYM = set("BJ CF CV GQ GW KI KM KN LC LS MC MH ML NR PG PW SB SM ST TV VC VU".split())


def key(name: str) -> tuple[str, ...]:
    """How a name is matched in an article: its normalized word tokens (punctuation ignored)."""
    return tuple(t.norm for t in tokenize(name) if t.kind != "punct")


# Distinct places that Arabic writes the same way; every other shared name among non-person entries is a defect.
HOMOGRAPHS = {
    key("عمان"): {"country/OM", "city/amman"},
    key("طرابلس"): {"city/tripoli", "city/tripoli-lebanon"},
}


# The kinds each id prefix may take: a closed list, so that a typo (goverment_seat) cannot hide an entry from
# code that selects by kind. Extend it here when a new kind is introduced on purpose.
KINDS = {
    "country": {"country", "territory"},
    "city": {"capital", "city"},
    "region": {
        "continent",
        "world_region",
        "region",
        "sea",
        "lake",
        "strait",
        "river",
        "mountain",
        "island",
        "camp",
    }
    | {"landmark", "historical_state"},
    "org": {
        "igo",
        "un_organ",
        "un_agency",
        "eu_body",
        "peacekeeping",
        "court",
        "government",
        "government_seat",
    }
    | {"government_body", "ministry", "agency", "legislature", "central_bank", "armed_forces", "armed_group"}
    | {"party", "movement", "union", "ngo", "think_tank", "university", "religious_body", "sports_body"}
    | {"sports_club", "forum", "company"},
    "media": {"agency", "broadcaster", "newspaper", "magazine", "website", "platform"},
    "person": {"person"},
}


def _read(path: Path) -> tuple[list[str], list[tuple[int, Any]]]:
    """Header comment lines and ``(line number, parsed JSON or the raw line if invalid)`` of one file."""
    header, rows = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#") and not rows:
            header.append(line)
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError:
            rows.append((n, line))
    return header, rows


@lru_cache(maxsize=1)
def all_entries() -> dict[str, list[dict]]:
    return {p.name: [e for _, e in _read(p)[1] if isinstance(e, dict)] for p in FILES}


@lru_cache(maxsize=1)
def by_id() -> dict[str, dict]:
    return {e["id"]: e for entries in all_entries().values() for e in entries if isinstance(e.get("id"), str)}


@lru_cache(maxsize=1)
def geo_index() -> dict[tuple[str, ...], set[str]]:
    """Matching key of a name or alias -> ids, over the non-person files."""
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for name in GEO_FILES:
        for e in all_entries().get(name, []):
            for n in [e["name"], *e.get("aliases", [])]:
                index[key(n)].add(e["id"])
    return index


def names_of(e: dict) -> list[str]:
    """Every Arabic string of an entry: name, aliases, demonyms, role titles."""
    titles = [r.get("title") for r in e.get("roles") or [] if isinstance(r, dict)]
    return [s for s in [e.get("name"), *e.get("aliases", []), *e.get("demonyms", []), *titles] if s]


# --------------------------------------------------------------------------------------- every file


def test_the_kb_has_the_geographic_files() -> None:
    present = {p.name for p in FILES}
    assert set(GEO_FILES) <= present
    assert any(name.startswith("people") for name in present)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_starts_with_a_provenance_header(path: Path) -> None:
    header, rows = _read(path)
    assert path.read_text(encoding="utf-8").startswith("#"), "the first line must be a # provenance line"
    text = " ".join(header).lower()
    assert any(word in text for word in ("source", "from", "cldr", "wikipedia", "wikidata", "written by")), (
        "the header must say where the facts come from"
    )
    assert rows, "a KB file without entries"
    stray = [n for n, line in rows if isinstance(line, str) and line.startswith("#")]
    assert not stray, f"comment lines after the first entry: {stray}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_is_a_well_formed_entry(path: Path) -> None:
    problems = []
    for n, e in _read(path)[1]:
        if not isinstance(e, dict):
            problems.append(f"line {n}: not a JSON object")
            continue
        for f in REQUIRED:
            if not isinstance(e.get(f), str) or not e[f].strip():
                problems.append(f"line {n}: missing or empty {f}")
        for f, value in e.items():
            if f not in FIELDS:
                problems.append(f"line {n}: unknown field {f}")
            elif not any(value is None if t is None else isinstance(value, t) for t in FIELDS[f]):
                problems.append(f"line {n}: {f} has type {type(value).__name__}")
        if problems:
            continue
        prefix = e["id"].split("/")[0]
        if not ID_RE.match(e["id"]):
            problems.append(f"line {n}: bad id {e['id']!r}")
        elif e["type"] not in TYPE_OF_PREFIX[prefix]:
            problems.append(f"line {n}: {e['id']} has type {e['type']}")
        if e["type"] not in TYPES:
            problems.append(f"line {n}: type {e['type']!r}")
        if e.get("qid") is not None and not QID_RE.match(e["qid"]):
            problems.append(f"line {n}: qid {e['qid']!r}")
        if not ARABIC_LETTER.search(e["name"]):
            problems.append(f"line {n}: name {e['name']!r} has no Arabic letter")
        if ARABIC_LETTER.search(e["name_en"]):
            problems.append(f"line {n}: name_en {e['name_en']!r} is not English")
        for f in ("aliases", "demonyms", "metonyms"):
            if any(not isinstance(a, str) or not a.strip() for a in e.get(f, [])):
                problems.append(f"line {n}: {f} must be non-empty strings")
        if e.get("gender") not in (None, "m", "f"):
            problems.append(f"line {n}: gender {e['gender']!r}")
        problems += [f"line {n}: {p}" for p in _role_problems(e.get("roles", []))]
    assert not problems, "\n".join(problems[:40])


def _role_problems(roles: list) -> list[str]:
    problems = []
    for r in roles:
        if not isinstance(r, dict) or not isinstance(r.get("title"), str) or not r["title"].strip():
            problems.append(f"role without a title: {r!r}")
            continue
        years = [r.get("start"), r.get("end")]
        if any(y is not None and (not isinstance(y, int) or not 1900 <= y <= 2100) for y in years):
            problems.append(f"role years {years} in {r['title']}")
        elif None not in years and years[0] > years[1]:
            problems.append(f"role ends before it starts: {r['title']} {years}")
    return problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_names_have_no_diacritics_tatweel_or_repeats(path: Path) -> None:
    problems = []
    for e in all_entries()[path.name]:
        marked = [s for s in names_of(e) if MARKS.search(s)]
        if marked:
            problems.append(f"{e['id']}: diacritics or tatweel in {marked}")
        aliases = e.get("aliases", [])
        repeated = {a for a in aliases if aliases.count(a) > 1}
        if repeated or e["name"] in aliases:
            problems.append(f"{e['id']}: repeated alias {sorted(repeated) or e['name']}")
        untrimmed = [s for s in names_of(e) if s != " ".join(s.split())]
        if untrimmed:
            problems.append(f"{e['id']}: stray spaces in {untrimmed}")
        bracketed = [s for s in [e["name"], *aliases] if any(c in s for c in '()[]"')]
        if bracketed:  # a name is matched as written: "X (Y)" would never occur in an article
            problems.append(f"{e['id']}: brackets or quotes in {bracketed}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_function_word_is_a_name(path: Path) -> None:
    bad = [
        f"{e['id']}: {n!r}"
        for e in all_entries()[path.name]
        for n in [e["name"], *e.get("aliases", [])]
        if normalize(n) in FUNCTION_WORDS or len(normalize(n).replace(" ", "")) < 2
    ]
    assert not bad, "\n".join(bad[:40])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_kinds_come_from_the_closed_list(path: Path) -> None:
    bad = [
        f"{e['id']}: kind {e.get('kind')!r}"
        for e in all_entries()[path.name]
        if e.get("kind") not in KINDS.get(e["id"].split("/")[0], set())
    ]
    assert not bad, "\n".join(bad[:40])


def test_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for name, entries in all_entries().items():
        for e in entries:
            if e["id"] in seen:
                duplicates.append(f"{e['id']} in {seen[e['id']]} and {name}")
            seen[e["id"]] = name
    assert not duplicates, "\n".join(duplicates[:40])


def test_every_reference_resolves() -> None:
    ids = by_id()
    dangling = []
    for e in ids.values():
        refs = {"country": e.get("country"), "stands_for": e.get("stands_for")}
        for i, r in enumerate(e.get("roles") or []):
            refs[f"roles[{i}].org"] = r.get("org")
        dangling += [f"{e['id']}.{f} -> {ref}" for f, ref in refs.items() if ref and ref not in ids]
    assert not dangling, "\n".join(dangling[:40])


def test_country_references_point_at_countries() -> None:
    wrong = [
        f"{e['id']}.country -> {e['country']}"
        for e in by_id().values()
        if e.get("country") and not e["country"].startswith("country/")
    ]
    assert not wrong, "\n".join(wrong[:40])


# ------------------------------------------------------------------------------ the geographic part


def entries_of(name: str) -> list[dict]:
    return all_entries()[name]


def test_every_iso_3166_country_is_there() -> None:
    pycountry = pytest.importorskip("pycountry")
    ids = {e["id"] for e in entries_of("countries.jsonl")}
    missing = sorted(f"country/{c.alpha_2}" for c in pycountry.countries if c.alpha_2 != "AQ")
    missing = [m for m in missing if m not in ids]
    assert not missing, missing
    assert "country/XK" in ids


def test_countries_are_their_own_country_and_territories_name_a_sovereign() -> None:
    for e in entries_of("countries.jsonl"):
        assert e["type"] == "LOC" and e["kind"] in {"country", "territory"}, e["id"]
        if e["kind"] == "country":
            assert e["country"] == e["id"], e["id"]
        else:
            assert e["country"] != e["id"], e["id"]
    states = [e for e in entries_of("countries.jsonl") if e["kind"] == "country"]
    assert 193 <= len(states) <= 200  # UN members, observers, Kosovo, Taiwan


def test_every_state_has_a_demonym_unless_exempted() -> None:
    lacking = {e["id"].split("/")[1] for e in entries_of("countries.jsonl") if e["kind"] == "country"}
    lacking = {c for c in lacking if not by_id()[f"country/{c}"]["demonyms"]}
    assert lacking == NO_DEMONYM
    for e in entries_of("countries.jsonl"):
        for d in e["demonyms"]:
            assert not d.startswith("ال") and d.split()[-1].endswith("ي"), (e["id"], d)


def test_every_state_has_one_capital_that_stands_for_it() -> None:
    capitals: dict[str, list[str]] = defaultdict(list)
    for e in entries_of("cities.jsonl"):
        if e["kind"] == "capital":
            capitals[e["country"]].append(e["id"])
            assert e["stands_for"] == e["country"], e["id"]
    states = {e["id"] for e in entries_of("countries.jsonl") if e["kind"] == "country"}
    # Disputed capitals: القدس carries no country; تل أبيب and رام الله stand for the governments instead.
    without = sorted(s for s in states if s not in capitals)
    assert without == ["country/IL", "country/PS"], without
    assert not {c: ids for c, ids in capitals.items() if len(ids) > 1}


def test_time_zones_of_cities_exist() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    zones = [e["tz"] for e in entries_of("cities.jsonl") if "tz" in e]
    assert zones
    for tz in zones:
        zoneinfo.ZoneInfo(tz)  # raises on an unknown zone


def test_seats_stand_for_a_government() -> None:
    for e in entries_of("organizations.jsonl"):
        if e["kind"] == "government_seat":
            assert e["stands_for"] and e["stands_for"].startswith("country/"), e["id"]


def test_distinct_places_share_a_name_only_when_arabic_does() -> None:
    shared = {n: ids for n, ids in geo_index().items() if len(ids) > 1}
    assert shared == HOMOGRAPHS


# Names as Arabic news writes them, with the variants it uses -> the entry they must find.
NEWS_NAMES = [
    ("أمريكا", "country/US"),
    ("أميركا", "country/US"),
    ("الولايات المتحدة الأمريكية", "country/US"),
    ("الولايات المتحدة الأميركية", "country/US"),
    ("بريطانيا", "country/GB"),
    ("المملكة المتحدة", "country/GB"),
    ("روسيا الاتحادية", "country/RU"),
    ("سورية", "country/SY"),
    ("السعودية", "country/SA"),
    ("كوريا الشمالية", "country/KP"),
    ("فلسطين", "country/PS"),
    ("أوكرانيا", "country/UA"),
    ("موسكو", "city/moscow"),
    ("واشنطن", "city/washington"),
    ("كييف", "city/kyiv"),
    ("جنيف", "city/geneva"),
    ("ولمنغتون", "city/wilmington-de"),
    ("نيويورك", "city/new-york"),
    ("غزة", "region/gaza-strip"),  # bare غزة in news is the Strip
    ("مدينة غزة", "city/gaza"),
    ("رفح", "city/rafah"),
    ("حلب", "city/aleppo"),
    ("الموصل", "city/mosul"),
    ("خاركيف", "city/kharkiv"),
    ("دونيتسك", "city/donetsk"),
    ("أوديسا", "city/odesa"),
    ("القدس", "city/jerusalem"),
    ("تل أبيب", "city/tel-aviv"),
    ("ديلاوير", "region/us-delaware"),
    ("أوروبا", "region/europe"),
    ("الشرق الأوسط", "region/middle-east"),
    ("شبه جزيرة القرم", "region/crimea"),
    ("القرم", "region/crimea"),
    ("دونباس", "region/donbas"),
    ("الضفة الغربية", "region/west-bank"),
    ("قطاع غزة", "region/gaza-strip"),
    ("الجولان", "region/golan"),
    ("حلف شمال الأطلسي", "org/nato"),
    ("الحلف الأطلسي", "org/nato"),
    ("الناتو", "org/nato"),
    ("الاتحاد الأوروبي", "org/eu"),
    ("منظمة الأمن والتعاون في أوروبا", "org/osce"),
    ("مجلس الأمن", "org/unsc"),
    ("مجلس الأمن القومي", "org/us-nsc"),
    ("البيت الأبيض", "org/white-house"),
    ("الكرملين", "org/kremlin"),
    ("الإليزيه", "org/elysee"),
    ("داوننغ ستريت", "org/downing-street"),
    ("داونينغ ستريت", "org/downing-street"),
    ("البنتاغون", "org/pentagon"),
    ("وزارة الخارجية الأمريكية", "org/mfa-us"),
    ("الخارجية الروسية", "org/mfa-ru"),
    ("الجيش الإسرائيلي", "org/army-il"),
    ("الأونروا", "org/unrwa"),
    ("اليونيسف", "org/unicef"),
    ("الوكالة الدولية للطاقة الذرية", "org/iaea"),
    ("جامعة الدول العربية", "org/arab-league"),
    ("أوبك", "org/opec"),
    ("حماس", "org/hamas"),
    ("حزب الله", "org/hezbollah"),
    ("أنصار الله", "org/houthis"),
    ("الحوثيين", "org/houthis"),
    ("داعش", "org/isis"),
    ("قوات الدعم السريع", "org/rsf-sudan"),
    ("الحرس الثوري", "org/irgc"),
    ("تويتر", "media/twitter"),
    ("رويترز", "media/reuters"),
    ("فرانس برس", "media/afp"),
    ("أ ف ب", "media/afp"),
    ("واس", "media/spa"),
    ("إرنا", "media/irna"),
    ("تاس", "media/tass"),
]


@pytest.mark.parametrize(("name", "kb_id"), NEWS_NAMES)
def test_news_names_find_their_entry(name: str, kb_id: str) -> None:
    assert geo_index().get(key(name)) == {kb_id}
    assert by_id()[kb_id]["name_en"]


@pytest.mark.parametrize(
    ("kb_id", "government"),
    [
        ("city/moscow", "country/RU"),
        ("city/washington", "country/US"),
        ("city/kyiv", "country/UA"),
        ("city/beijing", "country/CN"),
        ("city/tel-aviv", "country/IL"),
        ("city/ramallah", "country/PS"),
        ("org/white-house", "country/US"),
        ("org/kremlin", "country/RU"),
        ("org/downing-street", "country/GB"),
    ],
)
def test_metonyms_stand_for_their_government(kb_id: str, government: str) -> None:
    assert by_id()[kb_id]["stands_for"] == government


def test_the_geographic_part_is_large() -> None:
    assert sum(len(entries_of(name)) for name in GEO_FILES) >= 1500


def test_the_generated_files_match_their_generator() -> None:
    babel = pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    from importlib.metadata import version

    header = " ".join(_read(KB_DIR / "countries.jsonl")[0])
    # Another CLDR or ISO release may rename places: then the check says nothing about our tables.
    if f"babel {babel.__version__}" not in header or f"pycountry {version('pycountry')}" not in header:
        pytest.skip("the KB was generated with other babel/pycountry versions than the installed ones")
    spec = importlib.util.spec_from_file_location("build_geo_kb", ROOT / "scripts" / "build_geo_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run scripts/build_geo_kb.py after editing the tables in scripts/"
