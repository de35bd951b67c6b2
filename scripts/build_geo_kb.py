"""Build the non-person part of the knowledge base: ``rasd/data/kb/{countries,cities,regions,organizations,media}.jsonl``.

Run at development time, never at run time (the outputs are committed)::

    .venv/bin/python scripts/build_geo_kb.py          # rewrite the five files
    .venv/bin/python scripts/build_geo_kb.py --check  # exit 1 if the committed files are stale

Countries and cities start from CLDR as shipped with babel (Arabic territory names and the Arabic exemplar
cities of IANA time zones) and pycountry (the ISO 3166-1 list); the hand-written tables beside this script add
what CLDR lacks (spellings Arabic news uses, demonyms, capitals, cities without a time zone, QIDs). Regions,
organizations and media are hand-written tables turned into JSONL. The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import babel
import pycountry
import regex
from babel import Locale
from babel.core import get_global

HERE = Path(__file__).resolve().parent
KB = HERE.parent / "rasd" / "data" / "kb"
sys.path.insert(0, str(HERE.parent))

from rasd.text import normalize  # noqa: E402  (the project's matching normalization)

# Arabic diacritics (harakat, dagger alef), tatweel and bidi controls: CLDR writes some names with them.
_MARKS = regex.compile(
    r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c-\u200f\u061c\u202a-\u202e]"
)
_PARENS = regex.compile(r"\s*\(([^)]*)\)\s*")

TERRITORY_KINDS = {"country", "territory"}


def clean(s: str) -> str:
    return " ".join(_MARKS.sub("", s).split())


def split_names(s: str) -> list[str]:
    return [clean(x) for x in s.split("|") if clean(x)]


def unique(names: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Names in order without exact repeats and without the excluded ones (e.g. the canonical name)."""
    seen = set(exclude)
    out = []
    for n in names:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def without_parens(name: str) -> tuple[str, list[str]]:
    """CLDR writes some names as ``base (other name)``: return the base and the parenthesized names."""
    inner = [clean(x) for x in _PARENS.findall(name)]
    return clean(_PARENS.sub(" ", name)), [x for x in inner if x]


def read_table(name: str) -> list[dict[str, str]]:
    """A hand-written TSV beside this script: ``#`` provenance lines, a header row, then rows."""
    with (HERE / name).open(encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for i, row in enumerate(reader, 2):
        if len(row) != len(header):
            raise ValueError(f"{name}: row {i} has {len(row)} fields, header has {len(header)}: {row}")
        rows.append({h: v.strip() for h, v in zip(header, row, strict=True)})
    return rows


def slugify(s: str) -> str:
    s = regex.sub(r"[^\p{L}\p{N}]+", "-", s.lower()).strip("-")
    return s


# ---------------------------------------------------------------------------------------------- countries


def build_countries() -> list[dict]:
    ar, en = Locale("ar").territories, Locale("en").territories
    supplement = {r["iso2"]: r for r in read_table("geo_countries.tsv")}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    missing = [c for c in codes if c not in supplement]
    if missing:
        raise SystemExit(f"geo_countries.tsv lacks rows for {missing}: every country needs one")
    entries = []
    for code in codes:
        row = supplement[code]
        if row["kind"] == "-":
            continue
        if row["kind"] not in TERRITORY_KINDS:
            raise SystemExit(f"geo_countries.tsv: bad kind {row['kind']!r} for {code}")
        # Parenthesized CLDR additions are dropped: some are names (بورما, in the supplement), some are not
        # (منطقة إدارية خاصة).
        base, _ = without_parens(clean(ar[code]))
        name = row["name"] or base
        sovereign = row["sovereign"]
        country = (
            f"country/{code}" if row["kind"] == "country" else (f"country/{sovereign}" if sovereign else None)
        )
        entries.append(
            {
                "id": f"country/{code}",
                "type": "LOC",
                "kind": row["kind"],
                "name": name,
                "name_en": row["name_en"] or without_parens(en[code])[0].replace(" & ", " and "),
                "qid": row["qid"] or None,
                "aliases": unique([*split_names(row["aliases"]), base], exclude=[name]),
                "country": country,
                "demonyms": unique(split_names(row["demonyms"])),
                "metonyms": [],
                "stands_for": None,
            }
        )
    return entries


# ------------------------------------------------------------------------------------------------- cities


def _names_of(entries: list[dict]) -> set[str]:
    return {normalize(n) for e in entries for n in [e["name"], *e["aliases"]]}


def build_cities(countries: list[dict]) -> list[dict]:
    country_ids = {e["id"] for e in countries}
    country_names = _names_of(countries)
    zone_territory = get_global("zone_territories")
    corrections = {r["tz"]: r for r in read_table("geo_cities_tz.tsv")}
    by_slug: dict[str, dict] = {}

    for tz in sorted(Locale("ar").time_zones):
        city = Locale("ar").time_zones[tz].get("city")
        if not city or tz.startswith(("Antarctica/", "Etc/")):
            continue
        fix = corrections.get(tz)
        if fix and fix["kind"] == "-":
            continue
        cldr, _ = without_parens(clean(city))
        name = (fix and fix["name"]) or cldr
        keep_cldr = not name.endswith("!")  # `!`: the CLDR spelling is a wrong or ambiguous word, drop it
        name = name.rstrip("!")
        # An unreviewed exemplar city spelled like a country (الكويت, سنغافورة) would only duplicate the country.
        if not fix and normalize(name) in country_names:
            continue
        territory = zone_territory.get(tz)
        if f"country/{territory}" not in country_ids:
            continue
        kind = (fix and fix["kind"]) or "city"
        country = f"country/{territory}"
        by_slug[slugify(tz.rsplit("/", 1)[1])] = {
            "id": f"city/{slugify(tz.rsplit('/', 1)[1])}",
            "type": "LOC",
            "kind": kind,
            "name": name,
            "name_en": (fix and fix["name_en"]) or tz.rsplit("/", 1)[1].replace("_", " "),
            "qid": (fix and fix["qid"]) or None,
            "aliases": unique(
                [*split_names(fix["aliases"] if fix else ""), cldr if keep_cldr else ""], [name]
            ),
            "country": country,
            "stands_for": country if kind == "capital" else None,
            "tz": tz,
        }

    for row in read_table("geo_cities.tsv"):
        slug, kind = row["slug"], row["kind"]
        if kind not in {"capital", "city"}:
            raise SystemExit(f"geo_cities.tsv: bad kind {kind!r} for {slug}")
        country = f"country/{row['country']}" if row["country"] else None
        if country and country not in country_ids:
            raise SystemExit(f"geo_cities.tsv: unknown country {row['country']!r} for {slug}")
        old = by_slug.get(slug)
        name = clean(row["name"])
        aliases = split_names(row["aliases"])
        if old:  # the hand-written row wins; the CLDR spellings stay as aliases
            aliases = [*aliases, old["name"], *old["aliases"]]
        entry = {
            "id": f"city/{slug}",
            "type": "LOC",
            "kind": kind,
            "name": name,
            "name_en": row["name_en"],
            "qid": row["qid"] or (old["qid"] if old else None),
            "aliases": unique(aliases, exclude=[name]),
            "country": country,
            "stands_for": country if kind == "capital" else None,
        }
        if row["stands_for"]:
            entry["stands_for"] = f"country/{row['stands_for']}"
        if old:
            entry["tz"] = old["tz"]
        by_slug[slug] = entry
    return sorted(by_slug.values(), key=lambda e: e["id"])


# ------------------------------------------------------------------------ regions, organizations, media


def build_table(name: str, known_ids: set[str]) -> list[dict]:
    """Hand-written entries: id, type, kind, name, name_en, qid, country, stands_for, aliases."""
    entries = []
    for row in read_table(name):
        entry = {
            "id": row["id"],
            "type": row["type"],
            "kind": row["kind"],
            "name": clean(row["name"]),
            "name_en": row["name_en"],
            "qid": row["qid"] or None,
            "aliases": unique(split_names(row["aliases"]), exclude=[clean(row["name"])]),
            "country": row["country"] or None,
            "stands_for": row["stands_for"] or None,
        }
        for ref in (entry["country"], entry["stands_for"]):
            if ref and ref not in known_ids and not any(ref == e["id"] for e in entries):
                raise SystemExit(f"{name}: {entry['id']} refers to unknown id {ref!r}")
        entries.append(entry)
    return entries


# ------------------------------------------------------------------------------- ministries and armies


def nisba_forms(demonym: str) -> tuple[str, str] | None:
    """``روسي`` -> (``الروسي``, ``الروسية``); ``كوري شمالي`` -> (``الكوري الشمالي``, ``الكورية الشمالية``).

    None when a word is not a nisba adjective (``جنوب أفريقي``): the article/feminine cannot go on it.
    """
    words = demonym.split()
    if not all(w.endswith("ي") for w in words):
        return None
    return " ".join("ال" + w for w in words), " ".join("ال" + w + "ة" for w in words)


def build_state_bodies(countries: list[dict], hand_written: list[dict]) -> list[dict]:
    """Generated ministries and armies. A demonym two states share (كونغولي) names no single body, and a
    generated name that a hand-written entry already uses (القوات اللبنانية, the party) is left to that entry."""
    extra = {r["id"]: r for r in read_table("kb_state_bodies_extra.tsv")}
    taken = _names_of(hand_written)
    shared = {d for d, n in Counter(d for c in countries for d in c["demonyms"]).items() if n > 1}
    entries = []
    for pattern in read_table("kb_state_bodies.tsv"):
        listed = pattern["countries"].split()
        removed = {c[1:] for c in listed if c.startswith("-")}
        wanted = None if "*" in listed else set(listed)
        for country in countries:
            code = country["id"].split("/")[1]
            if country["kind"] != "country" or code in removed or (wanted is not None and code not in wanted):
                continue
            forms = [f for f in map(nisba_forms, country["demonyms"]) if f and f[0][2:] not in shared]
            if not forms:
                continue
            names = []
            for m, f in forms:
                names.append(pattern["name"].format(m=m, f=f))
                names += [a.format(m=m, f=f) for a in split_names(pattern["aliases"])]
            names = [n for n in names if normalize(n) not in taken]
            if not names:
                continue  # every name is a hand-written entry's
            entry_id = f"org/{pattern['key']}-{code.lower()}"
            fix = extra.pop(entry_id, None)
            if fix and fix["new_id"]:
                entry_id = fix["new_id"]
            name_en = pattern["name_en"].format(en=country["name_en"])
            entries.append(
                {
                    "id": entry_id,
                    "type": "ORG",
                    "kind": pattern["kind"],
                    "name": names[0],
                    "name_en": (fix and fix["name_en"]) or name_en,
                    "qid": None,
                    "aliases": unique([*names[1:], *split_names(fix["aliases"] if fix else "")], [names[0]]),
                    "country": country["id"],
                    "stands_for": None,
                }
            )
    if extra:
        raise SystemExit(f"kb_state_bodies_extra.tsv: no generated entry for {sorted(extra)}")
    return entries


# ------------------------------------------------------------------------------------------------- output

PROVENANCE = {
    "countries": [
        "Countries and territories of ISO 3166-1 (pycountry {pycountry}) plus Kosovo (XK).",
        "Arabic and English names: CLDR via babel {babel} `Locale('ar').territories` / `Locale('en').territories`,",
        "diacritics and tatweel stripped. Spelling variants, demonyms, kinds (country = UN member or observer",
        "state, Kosovo, Taiwan; territory = dependent or disputed territory) and Wikidata QIDs (only where",
        "certain): written by the rasd team from Wikipedia/Wikidata facts as of 2024 (scripts/geo_countries.tsv).",
    ],
    "cities": [
        "Cities: CLDR exemplar city names of IANA time zones via babel {babel} `Locale('ar').time_zones`",
        "(diacritics stripped; the zone's country from CLDR zone territories), corrected and filtered by the rasd",
        "team (scripts/geo_cities_tz.tsv), plus capitals and newsworthy cities written by the rasd team from",
        "Wikipedia/Wikidata facts as of 2024 (scripts/geo_cities.tsv). Capitals stand for their country's",
        "government (stands_for). `tz` (optional) is the IANA zone the entry came from.",
    ],
    "regions": [
        "Continents and world regions: names from CLDR via babel {babel} (`Locale('ar').territories`, numeric",
        "UN M49 codes) and the rasd team; sub-national regions, disputed areas, seas, straits and landmarks:",
        "written by the rasd team from Wikipedia/Wikidata facts as of 2024 (scripts/kb_regions.tsv).",
    ],
    "organizations": [
        "International and regional organizations, government seats and institutions, parties, armed groups",
        "and movements: written by the rasd team from Wikipedia/Wikidata facts as of 2024, in the spelling",
        "Arabic news uses (scripts/kb_organizations.tsv). stands_for marks seats whose name stands for a",
        "government (البيت الأبيض -> country/US). QIDs only where the team is certain. Foreign, defence,",
        "interior and health ministries of the states that have them, the armed forces of every state that keeps",
        "them, the air forces of newsworthy ones and the parliaments of the states without a hand-written entry",
        "(ids org/mfa-*, org/mod-*, org/moi-*, org/moh-*, org/army-*, org/airforce-*, org/parl-*) and the",
        "presidencies of republics with an executive president (org/pres-*) are generated",
        "from the country demonyms (scripts/kb_state_bodies.tsv, kb_state_bodies_extra.tsv).",
    ],
    "media": [
        "News agencies, broadcasters, newspapers and platforms cited in Arabic news: written by the rasd team",
        "from Wikipedia/Wikidata facts as of 2024 (scripts/kb_media.tsv). QIDs only where the team is certain.",
    ],
}


def render(kind: str, entries: list[dict]) -> str:
    versions = {"babel": babel.__version__, "pycountry": _pycountry_version()}
    head = [f"# {line.format(**versions)}" for line in PROVENANCE[kind]]
    head.append("# Generated by scripts/build_geo_kb.py; edit the tables in scripts/, not this file.")
    body = [json.dumps(e, ensure_ascii=False) for e in entries]
    return "\n".join(head + body) + "\n"


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def build_all() -> dict[str, list[dict]]:
    countries = build_countries()
    cities = build_cities(countries)
    ids = {e["id"] for e in countries + cities}
    regions = build_table("kb_regions.tsv", ids)
    ids |= {e["id"] for e in regions}
    organizations = build_table("kb_organizations.tsv", ids)
    ids |= {e["id"] for e in organizations}
    media = build_table("kb_media.tsv", ids)
    organizations += build_state_bodies(countries, cities + regions + organizations + media)
    out = {"countries": countries, "cities": cities, "regions": regions, "organizations": organizations}
    out["media"] = media
    seen: dict[str, str] = {}
    for kind, entries in out.items():
        for e in entries:
            if e["id"] in seen:
                raise SystemExit(f"duplicate id {e['id']} in {seen[e['id']]} and {kind}")
            seen[e["id"]] = kind
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = parser.parse_args(argv)
    stale = []
    KB.mkdir(parents=True, exist_ok=True)
    for kind, entries in build_all().items():
        text = render(kind, entries)
        target = KB / f"{kind}.jsonl"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
        print(f"{kind:15} {len(entries):5d} entries")
    if stale:
        print("stale:", ", ".join(stale), "- run scripts/build_geo_kb.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
