"""The reference article (../shared/seed): every attribution in it, with its speaker, cue and content start.

The article is read from the shared folder, never copied here; the expectations below name its speakers and the
first words of each content, as an annotator would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_quotes_corpus import analyze, speaker_matches

from rasd.document import Document, Quote, check_spans

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"

# (where the cue is: a stretch of text holding it, the cue, speaker, content start, extra checks)
EXPECTED: list[tuple[str, str, str, str, dict]] = [
    ("وقالت المتحدثة", "وقالت", "جين ساكي", "بايدن قال", {"channel": "statement"}),
    ("بايدن قال للرئيس", "قال", "بايدن", "الولايات المتحدة وحلفاءها", {"parent": 0, "addressee": "بوتين"}),
    ("وأضاف البيان", "وأضاف", "البيت الأبيض", "الرئيس بايدن حث", {"kind": "direct"}),
    ("وأوضح أن", "وأوضح", "بايدن", "الولايات المتحدة وحلفائها", {"parent": 2, "implicit": True}),
    ("أعرب بوتين", "أعرب", "بوتين", "ارتياحه", {"parent": 6, "cue_class": "stance"}),
    ("حذر بايدن", "حذر", "بوتين", "فرض عقوبات جديدة", {"parent": 6, "implicit": True, "addressee": "بايدن"}),
    ("وفق ما أعلن", "أعلن", "الكرملين", "أعرب بوتين", {"cue_class": "attribution"}),
    ("وقال يوري", "وقال", "يوري أوشاكوف", "الكرملين", {"kind": "mixed"}),
    ("أبلغ بايدن", "أبلغ", "بوتين", "موسكو بحاجة", {"parent": 7, "addressee": "بايدن"}),
    ("محذراً من فرض عقوبات على", "محذراً", "بوتين", "فرض عقوبات على بلاده", {"implicit": True}),
    ("وأضاف أوشاكوف", "وأضاف", "أوشاكوف", "فرض عقوبات", {"channel": "press_conference"}),
    ('قال إن "اتصال', "قال", "مسؤول في البيت الأبيض", '"اتصال الرئيس', {"anonymous": True}),
    ("أفاد", "أفاد", "المسؤول الأميركي", "الاتصال", {"anonymous": True}),
    ("وذكر البيت", "وذكر", "البيت الأبيض", "بايدن يريد", {}),
    ("أكد بوتين", "أكد", "بوتين", '"مقتنع"', {}),
    ("وأضاف الناطق", "وأضاف", "دميتري بيسكوف", "طريق المفاوضات", {"kind": "direct"}),
    ("ورجحت", "ورجحت", "مصادر دبلوماسية", "يكون بايدن", {"anonymous": True, "cue_class": "stance"}),
    ("بايدن أكد", "أكد", "بايدن", "الولايات المتحدة لا تزال", {"parent": 16}),
    ("تردد موسكو", "تردد", "موسكو", "أولويتها", {}),
    ("ويرى الكرملين", "ويرى", "الكرملين", "أمن روسيا", {"cue_class": "stance"}),
    ("أوضحت", "أوضحت", "إيميلي هورن", "بايدن يواصل", {}),
    ("وكتب", "وكتب", "زيلينسكي", "تلقّيت تأكيدات", {"kind": "direct", "channel": "tweet"}),
    ('وأكد "التوافق"', "وأكد", "بلينكن", '"التوافق"', {"implicit": True}),
    ("توعد", "توعد", "بايدن", "عقوبات", {"cue_class": "threat", "addressee": "بوتين"}),
    ("تنفي", "تنفي", "موسكو", "تكون تهدد", {}),
    ("وهي تؤكد", "تؤكد", "موسكو", "تريد أن", {"implicit": True}),
    ("استبعد وزير", "استبعد", "سيرغي لافروف", "تقديم أي", {"kind": "mixed"}),
    ("حذرت،", "حذرت", "الولايات المتحدة", "بعض المطالب", {}),
]


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.exists():
        pytest.skip("the reference article is not available")
    return analyze(SEED.read_text(encoding="utf-8"))


def _at(doc: Document, where: str, cue: str) -> Quote:
    pos = doc.text.find(where)
    assert pos >= 0, where
    pos += where.find(cue)
    q = next((q for q in doc.quotes if q.cue.start <= pos < q.cue.end), None)
    assert q is not None, f"no quote on {cue!r} in {where!r}"
    return q


def test_seed_spans_are_valid(seed: Document) -> None:
    assert check_spans(seed) == []


def test_seed_has_every_attribution_and_nothing_else(seed: Document) -> None:
    found = [_at(seed, w, c).id for w, c, *_ in EXPECTED]
    assert len(set(found)) == len(EXPECTED)
    assert len(seed.quotes) == len(EXPECTED), [q.cue.text for q in seed.quotes if q.id not in found]


@pytest.mark.parametrize("i", range(len(EXPECTED)), ids=[e[0] for e in EXPECTED])
def test_seed_attribution(seed: Document, i: int) -> None:
    where, cue, speaker, start, extra = EXPECTED[i]
    q = _at(seed, where, cue)
    assert speaker_matches(seed, q, speaker), (speaker, q.speaker)
    assert q.content.text.startswith(start), q.content.text
    if "parent" in extra:
        p = EXPECTED[extra["parent"]]
        assert q.parent == _at(seed, p[0], p[1]).id
    if "addressee" in extra:
        ent = seed.entity(q.addressee)
        assert ent is not None and any(extra["addressee"] in m.text for m in ent.mentions)
    for key in ("kind", "channel", "cue_class"):
        if key in extra:
            assert getattr(q, key) == extra[key]
    for key in ("anonymous", "implicit"):
        if key in extra:
            assert getattr(q.speaker, key) == extra[key]


def test_seed_anonymous_official_is_the_same_source(seed: Document) -> None:
    first = _at(seed, 'قال إن "اتصال', "قال")
    later = _at(seed, "أفاد", "أفاد")
    assert first.speaker.affiliation is not None
    assert later.speaker.affiliation == first.speaker.affiliation


def test_seed_moscow_speaks_for_russia(seed: Document) -> None:
    q = _at(seed, "تنفي", "تنفي")
    ent = seed.entity(q.speaker.entity)
    assert ent is not None and ent.kind == "country"
