"""The corpus through the API and its pages: ingest (token), list, read, search, entities, quotes, timeline,
delete — against a real SQLite store filled through the API itself."""

from __future__ import annotations

import os
import re
import time

import pytest
from fastapi.testclient import TestClient

from rasd import text as text_layer
from rasd.api import create_app
from rasd.corpus.store import open_store
from rasd.document import Document, Entity, Event, Quote, Span, Speaker, check_spans

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Short reports written for these tests, in the style of wire copy.
ARTICLES = [
    {
        "title": "لافروف: موسكو لن تقبل بتوسع الناتو",
        "published": "2022-01-10",
        "source": "وكالة الاختبار",
        "text": (
            "قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن موسكو لن تقبل بتوسع حلف شمال الأطلسي شرقًا.\n"
            'وأضاف لافروف في مؤتمر صحافي أن "روسيا تنتظر ردًا مكتوبًا من الولايات المتحدة".\n'
            "وهددت روسيا بفرض إجراءات عسكرية إذا لم تؤخذ مطالبها الأمنية في الاعتبار."
        ),
    },
    {
        "title": "بوتين وبايدن يبحثان الأزمة الأوكرانية هاتفيًا",
        "published": "2022-01-12",
        "source": "صحيفة الاختبار",
        "text": (
            "أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا مع الرئيس الأميركي جو بايدن يوم الأربعاء لبحث "
            "الأزمة الأوكرانية.\n"
            "وقال الكرملين في بيان إن بوتين حذر بايدن من فرض عقوبات جديدة على روسيا.\n"
            'وقالت المتحدثة باسم البيت الأبيض جين ساكي إن "الولايات المتحدة ستواصل العمل مع حلفائها".'
        ),
    },
    {
        "title": "زيلينسكي يطالب بدعم غربي",
        "published": "2022-02-03",
        "source": "وكالة الاختبار",
        "text": (
            "طالب الرئيس الأوكراني فولوديمير زيلينسكي يوم الخميس الولايات المتحدة والدول الغربية بتقديم مزيد من الدعم لأوكرانيا.\n"
            'وقال زيلينسكي إن "أوكرانيا لن تتنازل عن أراضيها"، مضيفًا أن روسيا تحشد قواتها على الحدود.'
        ),
    },
]


# What each article holds, written out by hand so these tests exercise the API, not the analysis layers:
# entities (Arabic mention, type, KB id, English name), quotes (cue, content, speaker) and events.
ENTITIES = {
    "لافروف": ("PER", "person/sergey-lavrov", "Sergey Lavrov"),
    "موسكو": ("LOC", "city/moscow", "Moscow"),
    "روسيا": ("LOC", "country/RU", "Russia"),
    "الولايات المتحدة": ("LOC", "country/US", "United States"),
    "بوتين": ("PER", "person/vladimir-putin", "Vladimir Putin"),
    "بايدن": ("PER", "person/joe-biden", "Joe Biden"),
    "الكرملين": ("ORG", None, None),
    "جين ساكي": ("PER", "person/jen-psaki", "Jen Psaki"),
    "زيلينسكي": ("PER", "person/volodymyr-zelenskyy", "Volodymyr Zelenskyy"),
    "أوكرانيا": ("LOC", "country/UA", "Ukraine"),
}
QUOTES = [  # (article, cue, content, speaker mention)
    (0, "قال", "موسكو لن تقبل بتوسع حلف شمال الأطلسي شرقًا", "لافروف"),
    (0, "وأضاف", "روسيا تنتظر ردًا مكتوبًا من الولايات المتحدة", "لافروف"),
    (1, "وقالت", "الولايات المتحدة ستواصل العمل مع حلفائها", "جين ساكي"),
    (2, "وقال", "أوكرانيا لن تتنازل عن أراضيها", "زيلينسكي"),
]
EVENTS = [  # (article, trigger, type, sources, targets, symmetric)
    (0, "وهددت", "THREATEN", ["روسيا"], ["الولايات المتحدة"], False),
    (1, "اتصالًا هاتفيًا", "CONSULT", ["بوتين", "بايدن"], [], True),
    (1, "حذر", "THREATEN", ["روسيا"], ["الولايات المتحدة"], False),
    (2, "طالب", "DEMAND", ["أوكرانيا"], ["الولايات المتحدة"], False),
]


def spans_of(text: str, needle: str) -> list[Span]:
    return [Span(start=m.start(), end=m.end(), text=needle) for m in re.finditer(re.escape(needle), text)]


def build_document(n: int) -> Document:
    art = ARTICLES[n]
    text = art["text"]
    doc = Document(
        id=f"doc{n}",
        text=text,
        title=art["title"],
        published=art["published"],
        source=art["source"],
        published_source="given",
    )
    text_layer.annotate(doc)
    ids = {}
    for needle, (etype, kb_id, name_en) in ENTITIES.items():
        mentions = spans_of(text, needle)
        if mentions:
            ids[needle] = f"e{len(ids) + 1}"
            doc.entities.append(
                Entity(
                    id=ids[needle], type=etype, name=needle, name_en=name_en, kb_id=kb_id, mentions=mentions
                )
            )
    for k, (i, cue, content, speaker) in enumerate(QUOTES):
        if i == n:
            sp = spans_of(text, speaker)[0]
            doc.quotes.append(
                Quote(
                    id=f"q{k}",
                    kind="direct",
                    cue=spans_of(text, cue)[0],
                    content=spans_of(text, content)[0],
                    speaker=Speaker(entity=ids[speaker], **sp.model_dump()),
                    sentence=0,
                )
            )
    for k, (i, trigger, etype, sources, targets, symmetric) in enumerate(EVENTS):
        if i == n:
            span = spans_of(text, trigger)[0]
            doc.events.append(
                Event(
                    id=f"v{k}",
                    type=etype,
                    trigger=span,
                    source=[ids[x] for x in sources],
                    target=[ids[x] for x in targets],
                    symmetric=symmetric,
                    date=art["published"],
                    date_source="published",
                    sentence=doc.sentence_at(span.start) or 0,
                )
            )
    assert check_spans(doc) == []
    return doc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[TestClient, list[str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    docs = [build_document(n) for n in range(len(ARTICLES))]
    with open_store(url) as store:
        report = store.ingest(docs)
    assert report.ingested == 3 and not report.failed
    return TestClient(create_app(db_url=url, token=TOKEN)), [d.id for d in docs]


def test_ingest_through_the_api_analyzes_and_stores(tmp_path) -> None:
    client = TestClient(create_app(db_url=f"sqlite:///{tmp_path / 'c.db'}", token=TOKEN))
    r = client.post("/api/documents", json={"documents": ARTICLES}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["report"]["ingested"] == 3 and body["report"]["failed"] == []
    again = client.post("/api/documents", json={"documents": ARTICLES[:1]}, headers=AUTH).json()
    assert again["report"]["ingested"] == 0 and again["ids"] == body["ids"][:1]
    stored = client.get(f"/api/documents/{body['ids'][1]}").json()
    assert stored["title"] == ARTICLES[1]["title"] and stored["text"] == ARTICLES[1]["text"]


def test_documents_are_listed_newest_first_and_paginated(corpus) -> None:
    client, ids = corpus
    first = client.get("/api/documents?limit=2").json()
    assert [d["id"] for d in first["items"]] == [ids[2], ids[1]]
    assert first["limit"] == 2 and first["offset"] == 0 and first["previous"] is None
    assert "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [d["id"] for d in second["items"]] == [ids[0]]
    assert second["next"] is None and "offset=0" in second["previous"]


def test_a_stored_document_is_in_the_contract(corpus) -> None:
    client, ids = corpus
    doc = client.get(f"/api/documents/{ids[1]}").json()
    assert doc["schema"] == "rasd.document/1" and doc["title"] == ARTICLES[1]["title"]
    for part in ("entities", "quotes", "events"):
        r = client.get(f"/api/documents/{ids[1]}/{part}")
        assert r.status_code == 200 and r.json()["items"] == doc[part]
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["error"]["message"]


def test_search_finds_words_with_clitics_and_applies_filters(corpus) -> None:
    client, ids = corpus
    found = client.get("/api/search", params={"q": "أوكرانيا"}).json()
    assert {d["id"] for d in found["items"]} >= {ids[2]}
    assert found["filters"]["query"] == "أوكرانيا"
    dated = client.get(
        "/api/search", params={"q": "روسيا", "since": "2022-01-11", "until": "2022-01-31"}
    ).json()
    assert [d["id"] for d in dated["items"]] == [ids[1]]
    by_source = client.get("/api/search", params={"q": "روسيا", "source": "صحيفة الاختبار"}).json()
    assert [d["id"] for d in by_source["items"]] == [ids[1]]
    assert client.get("/api/search", params={"q": "كلمةغيرموجودة"}).json()["items"] == []
    bad = client.get("/api/search", params={"q": "x", "since": "yesterday"})
    assert bad.status_code == 422 and "since" in bad.json()["error"]["message"]


def test_search_queries_are_parameters_not_sql(corpus) -> None:
    client, _ = corpus
    for q in ("'; DROP TABLE documents; --", '" OR 1=1 --', "روسيا) OR (1=1", "* NEAR ^"):
        r = client.get("/api/search", params={"q": q, "entity": q, "speaker": q, "source": q})
        assert r.status_code == 200
    assert len(client.get("/api/documents").json()["items"]) == 3


def test_entity_profile_and_quotes(corpus) -> None:
    client, ids = corpus
    profile = client.get("/api/entities/بوتين").json()
    assert profile["entity"]["name_en"] == "Vladimir Putin"
    assert profile["mentions_per_day"]
    by_kb = client.get("/api/entities/" + profile["entity"]["kb_id"]).json()
    assert by_kb["entity"] == profile["entity"]
    assert client.get("/api/entities/لا-أحد-بهذا-الاسم").status_code == 404
    quotes = client.get("/api/quotes", params={"speaker": "لافروف"}).json()
    assert quotes["items"] and all(q["document"] == ids[0] for q in quotes["items"])
    by = client.get("/api/entities/لافروف/quotes", params={"role": "by"}).json()
    assert by["items"] == quotes["items"]


def test_timeline_between_two_actors(corpus) -> None:
    client, _ = corpus
    data = client.get("/api/timeline", params={"a": "روسيا", "b": "الولايات المتحدة", "by": "month"}).json()
    assert data["a"]["name_en"] == "Russia" and data["by"] == "month"
    assert all(re.fullmatch(r"\d{4}-\d{2}", row["period"]) for row in data["rows"])
    assert client.get("/api/timeline", params={"a": "x", "b": "y", "by": "century"}).status_code == 422


def test_top(corpus) -> None:
    client, _ = corpus
    top = client.get("/api/top", params={"limit": 3}).json()
    assert 0 < len(top["entities"]) <= 3


def test_pages_show_the_corpus(corpus) -> None:
    client, ids = corpus
    overview = client.get("/search")
    assert overview.status_code == 200 and "أحدث المقالات" in overview.text
    assert all(a["title"] in overview.text for a in ARTICLES)
    assert 'id="overview"' in overview.text and "/speaker/person%2Fsergey-lavrov" in overview.text
    search = client.get("/search", params={"q": "زيلينسكي"})
    assert search.status_code == 200 and ARTICLES[2]["title"] in search.text
    assert 'class="hitword"' in search.text
    entity = client.get("/entity/بوتين")
    assert entity.status_code == 200
    assert "Vladimir Putin" in entity.text and "<svg" in entity.text and "<rect" in entity.text
    assert client.get("/entity/لا-أحد").status_code == 404
    speaker = client.get("/speaker/لافروف")
    assert speaker.status_code == 200 and ARTICLES[0]["title"] in speaker.text
    timeline = client.get("/timeline", params={"a": "روسيا", "b": "أوكرانيا", "by": "day"})
    assert timeline.status_code == 200
    stored = client.get(f"/documents/{ids[1]}")
    assert stored.status_code == 200 and 'class="ent ent-PER"' in stored.text


def test_delete_needs_the_token_and_removes_the_document(tmp_path) -> None:
    client = TestClient(create_app(db_url=f"sqlite:///{tmp_path / 'c.db'}", token=TOKEN))
    doc_id = client.post("/api/documents", json={"documents": ARTICLES[2:]}, headers=AUTH).json()["ids"][0]
    assert client.delete(f"/api/documents/{doc_id}").status_code == 401
    assert client.delete(f"/api/documents/{doc_id}", headers=AUTH).json() == {"deleted": doc_id}
    assert client.get(f"/api/documents/{doc_id}").status_code == 404
    assert client.delete(f"/api/documents/{doc_id}", headers=AUTH).status_code == 404


def test_ingest_validates_its_body(corpus) -> None:
    client, _ = corpus
    assert client.post("/api/documents", json={"documents": []}, headers=AUTH).status_code == 422
    r = client.post("/api/documents", json={"documents": [{"text": "x", "published": "غدًا"}]}, headers=AUTH)
    assert r.status_code == 422 and "ISO date" in r.json()["error"]["message"]


@pytest.mark.postgres
def test_the_api_on_postgresql() -> None:
    """The same routes on the PostgreSQL store (CI starts one); the database may hold others' documents."""
    url = os.environ.get("RASD_TEST_PG_URL")
    if not url:
        pytest.skip("RASD_TEST_PG_URL is not set")
    client = TestClient(create_app(db_url=url, token=TOKEN))
    marker = f"{time.time_ns()}"
    article = {
        "text": f"قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدرس مقترح كوزموفاريا رقم {marker}.",
        "published": "2022-01-10",
        "source": "اختبار بوستغرس",
    }
    r = client.post("/api/documents", json={"documents": [article]}, headers=AUTH)
    assert r.status_code == 201, r.text
    doc_id = r.json()["ids"][0]
    try:
        assert client.get(f"/api/documents/{doc_id}").json()["text"] == article["text"]
        found = client.get("/api/search", params={"q": "كوزموفاريا", "source": "اختبار بوستغرس"}).json()
        assert doc_id in [d["id"] for d in found["items"]]
        assert client.get("/api/search", params={"q": "'; DROP TABLE documents; --"}).status_code == 200
        assert client.get("/api/entities/لافروف").status_code == 200
    finally:
        assert client.delete(f"/api/documents/{doc_id}", headers=AUTH).status_code == 200
    assert client.get(f"/api/documents/{doc_id}").status_code == 404
