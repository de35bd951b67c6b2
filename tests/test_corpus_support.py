"""Shared helpers for the corpus tests: hand-built documents with known annotations, and store URLs.

The store tests build their documents by hand (not through the analysis layers), so what they check is the
corpus code alone; ingest, Dask and kill -9 tests run the real pipeline.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from rasd.document import Document, Entity, Event, Quote, content_id
from rasd.text import annotate as text_annotate

PG_URL = os.environ.get("RASD_TEST_PG_URL")


def make_doc(
    body: str,
    *,
    published: str | None = None,
    source: str | None = None,
    title: str | None = None,
    entities: list[tuple[str, str, str | None, list[str]]] = (),
    quotes: list[tuple[str | None, str, str]] = (),
    events: list[dict] = (),
    roles: dict[str, list[str]] | None = None,
) -> Document:
    """A document with annotations placed by finding strings in ``body``.

    entities: (name, type, kb_id, surfaces[, kind[, country]]) — every occurrence of a surface is a mention.
    quotes: (speaker name or None, cue word, content) — content and cue found in the text.
    events: {"type", "trigger", "source": [names], "target": [names], "symmetric", "modality", "date"}.
    """
    doc = Document(id=content_id(body), text=body, published=published, source=source, title=title)
    text_annotate(doc)
    by_name: dict[str, str] = {}
    for i, (name, typ, kb_id, surfaces, *extra) in enumerate(entities):
        mentions = []
        for s in surfaces:
            start = body.find(s)
            while start >= 0:
                mentions.append({"start": start, "end": start + len(s), "text": s})
                start = body.find(s, start + len(s))
        eid = f"e{i + 1}"
        by_name[name] = eid
        doc.entities.append(
            Entity.model_validate(
                {
                    "id": eid,
                    "type": typ,
                    "name": name,
                    "kb_id": kb_id,
                    "kind": extra[0] if extra else None,
                    "country": extra[1] if len(extra) > 1 else None,
                    "mentions": sorted(mentions, key=lambda m: m["start"]),
                    "roles": [{"text": r, "source": "text"} for r in (roles or {}).get(name, [])],
                }
            )
        )
    for i, (speaker, cue, content) in enumerate(quotes):
        cs = body.index(content)
        cu = body.index(cue)
        sp = None
        if speaker:
            eid = by_name[speaker]
            m = next(e for e in doc.entities if e.id == eid).mentions[0]
            sp = {"start": m.start, "end": m.end, "text": m.text, "entity": eid}
        doc.quotes.append(
            Quote.model_validate(
                {
                    "id": f"q{i + 1}",
                    "kind": "direct",
                    "cue": {"start": cu, "end": cu + len(cue), "text": cue},
                    "content": {"start": cs, "end": cs + len(content), "text": content},
                    "speaker": sp,
                }
            )
        )
    for i, ev in enumerate(events):
        t = body.index(ev["trigger"])
        doc.events.append(
            Event.model_validate(
                {
                    "id": f"v{i + 1}",
                    "type": ev["type"],
                    "trigger": {"start": t, "end": t + len(ev["trigger"]), "text": ev["trigger"]},
                    "source": [by_name[n] for n in ev.get("source", [])],
                    "target": [by_name[n] for n in ev.get("target", [])],
                    "symmetric": ev.get("symmetric", False),
                    "modality": ev.get("modality", "occurred"),
                    "date": ev.get("date"),
                    "sentence": doc.sentence_at(t) or 0,
                }
            )
        )
    return doc


def _pg_schema_url(base: str) -> Iterator[str]:
    """A fresh schema per test on the test server, dropped afterwards."""
    schema = "t_" + uuid.uuid4().hex[:12]
    eng = create_engine(base)
    with eng.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with eng.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        eng.dispose()


BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="RASD_TEST_PG_URL not set")],
    ),
]


def backend_url(backend: str, tmp_path) -> Iterator[str]:
    """A database URL for a test: a file under ``tmp_path``, or a fresh PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
    else:
        yield from _pg_schema_url(PG_URL)


def open_backend(backend: str, tmp_path):
    """Yield an open store on ``backend`` (for a fixture)."""
    from rasd.corpus import open_store

    for url in backend_url(backend, tmp_path):
        s = open_store(url)
        try:
            yield s
        finally:
            s.close()


# -- generated articles for ingest tests ------------------------------------------------------------------
_LEADERS = [
    ("وزير الخارجية المصري", "سامح شكري"),
    ("وزير الخارجية الأردني", "أيمن الصفدي"),
    ("رئيس الوزراء العراقي", "محمد شياع السوداني"),
    ("وزير الخارجية التركي", "هاكان فيدان"),
    ("المتحدث باسم الخارجية الروسية", "ماريا زاخاروفا"),
    ("وزير الخارجية الفرنسي", "جان إيف لودريان"),
]
_CITIES = ["القاهرة", "عمّان", "بغداد", "أنقرة", "موسكو", "باريس", "الرياض", "الدوحة"]
_TOPICS = ["التعاون الاقتصادي", "أمن الحدود", "ملف المياه", "الأزمة الإنسانية", "إمدادات الطاقة"]
_DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]


def wire_article(i: int) -> dict:
    """A short news report, different for every ``i`` (names, places, topic, date and numbers vary)."""
    r1, n1 = _LEADERS[i % len(_LEADERS)]
    r2, n2 = _LEADERS[(i * 7 + 3) % len(_LEADERS)]
    if n2 == n1:
        r2, n2 = _LEADERS[(i + 1) % len(_LEADERS)]
    city = _CITIES[(i * 5) % len(_CITIES)]
    topic = _TOPICS[(i * 3) % len(_TOPICS)]
    day = _DAYS[i % len(_DAYS)]
    date = f"2022-{1 + i % 12:02d}-{1 + (i * 11) % 28:02d}"
    text = (
        f"التقى {r1} {n1} يوم {day} في {city} مع {r2} {n2} لبحث {topic} بين البلدين.\n"
        f'وقال {n1} في مؤتمر صحفي إن "المحادثات كانت بناءة وستستمر خلال الأسابيع المقبلة"، مشيرا إلى '
        f"أن الجانبين اتفقا على تشكيل {2 + i % 9} لجان فنية مشتركة.\n"
        f"وأضاف أن الاجتماع المقبل سيعقد بعد {3 + i % 20} يوما لمتابعة ما تم الاتفاق عليه، في الجولة رقم {i}.\n"
    )
    return {
        "id": f"wire-{i:05d}",
        "text": text,
        "published": date,
        "source": f"موقع {1 + i % 4}",
        "title": f"لقاء بين {n1} و{n2}",
    }
