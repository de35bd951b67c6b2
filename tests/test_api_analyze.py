"""POST /api/analyze: text, HTML and uploads in; the document contract out."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.api import create_app
from rasd.document import Document, check_spans

SCHEMA = json.loads((Path(__file__).parent.parent / "rasd/schema/rasd.document.schema.json").read_text())
ARTICLE = (
    "موسكو — أعلن الكرملين يوم الثلاثاء أن الرئيس الروسي فلاديمير بوتين سيستقبل نظيره التركي رجب طيب أردوغان "
    "في سوتشي الأسبوع المقبل.\nوقال المتحدث باسم الكرملين دميتري بيسكوف للصحافيين إن «المحادثات ستتناول الوضع في سوريا»."
)
PAGE = f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>بوتين يستقبل أردوغان</title>
<meta property="article:published_time" content="2022-03-01T09:00:00Z"></head>
<body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>بوتين يستقبل أردوغان</h1>
{"".join(f"<p>{line}</p>" for line in ARTICLE.split(chr(10)))}</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def valid(doc: dict) -> dict:
    jsonschema.validate(doc, SCHEMA)
    assert check_spans(doc) == []
    return doc


def test_text_in_document_out(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"text": ARTICLE, "published": "2022-03-01", "title": "قمة سوتشي"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    doc = valid(r.json())
    assert doc["schema"] == "rasd.document/1"
    assert doc["text"] == ARTICLE and doc["published"] == "2022-03-01" and doc["title"] == "قمة سوتشي"
    assert doc["sentences"] and doc["blocks"]


def test_same_result_as_the_library(client: TestClient, seed_text: str) -> None:
    import rasd

    r = client.post("/api/analyze", json={"text": seed_text, "published": "2021-12-30"})
    assert r.json() == rasd.analyze(seed_text, published="2021-12-30").to_dict()


def test_repeated_requests_are_served_from_the_cache() -> None:
    app = create_app()
    client = TestClient(app)
    first = client.post("/api/analyze", json={"text": ARTICLE}).content
    second = client.post("/api/analyze", json={"text": ARTICLE}).content
    other = client.post("/api/analyze", json={"text": ARTICLE, "published": "2022-03-01"}).json()
    assert first == second
    assert other["published"] == "2022-03-01"
    analyzer = app.state.analyzer
    assert (analyzer.hits, analyzer.misses) == (1, 2)


def test_cache_is_bounded() -> None:
    app = create_app(cache_size=2)
    client = TestClient(app)
    for i in range(4):
        client.post("/api/analyze", json={"text": f"{ARTICLE} {i}"})
    assert len(app.state.analyzer._cache) == 2


def test_html_page_main_text_title_and_date(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"html": PAGE})
    assert r.status_code == 200
    doc = valid(r.json())
    assert "سوتشي" in doc["text"] and "جميع الحقوق" not in doc["text"]
    assert doc["title"] == "بوتين يستقبل أردوغان"
    assert doc["published"] == "2022-03-01" and doc["published_source"] == "metadata"


def test_given_date_wins_over_the_page_date(client: TestClient) -> None:
    doc = client.post("/api/analyze", json={"html": PAGE, "published": "2022-03-02"}).json()
    assert doc["published"] == "2022-03-02" and doc["published_source"] == "given"


def test_upload_text_file_in_cp1256(client: TestClient) -> None:
    files = {"file": ("article.txt", ARTICLE.encode("cp1256"), "text/plain")}
    r = client.post("/api/analyze/file", files=files, data={"published": "2022-03-01"})
    assert r.status_code == 200
    assert valid(r.json())["text"] == ARTICLE


def test_upload_html_file_is_detected(client: TestClient) -> None:
    files = {"file": ("page.html", PAGE.encode("utf-8"), "text/html")}
    doc = client.post("/api/analyze/file", files=files).json()
    assert doc["title"] == "بوتين يستقبل أردوغان"


def test_digest_format_is_plain_text(client: TestClient, seed_text: str) -> None:
    pytest.importorskip("rasd.render.digest")
    r = client.post("/api/analyze?format=digest", json={"text": seed_text, "published": "2021-12-30"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    assert r.text.strip()


def test_lone_surrogates_become_replacement_characters(client: TestClient) -> None:
    raw = '{"text": "\\ud800 قال بوتين \\udfff", "title": "\\udc80"}'
    r = client.post("/api/analyze", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 200
    doc = valid(r.json())
    assert doc["text"] == "\ufffd قال بوتين \ufffd"  # one for one: offsets are unchanged
    assert doc["title"] == "\udc80"  # metadata is passed through, written as a JSON escape


def test_empty_and_whitespace_text_are_valid_documents(client: TestClient) -> None:
    for text in ("", "   \n\n"):
        r = client.post("/api/analyze", json={"text": text})
        assert r.status_code == 200
        assert Document.from_dict(r.json()).text == text


@pytest.mark.parametrize(
    "body,needle",
    [
        ({}, "exactly one of 'text' or 'html'"),
        ({"text": "x", "html": "<p>x</p>"}, "exactly one of 'text' or 'html'"),
        ({"text": "x", "published": "30/12/2021"}, "published must be an ISO date"),
        ({"text": 5}, "text"),
        ({"text": "x", "colour": "red"}, "colour"),
        ({"html": "<html><body></body></html>"}, "HTML page"),
    ],
)
def test_bad_requests_get_clear_json_errors(client: TestClient, body: dict, needle: str) -> None:
    r = client.post("/api/analyze", json=body)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["status"] == 422 and needle in err["message"]


def test_not_json_at_all(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "invalid request" in r.json()["error"]["message"]


def test_binary_upload_is_refused_clearly(client: TestClient) -> None:
    files = {"file": ("x.bin", bytes(range(256)) * 4, "application/octet-stream")}
    r = client.post("/api/analyze/file", files=files)
    assert r.status_code == 422
    assert "cannot read the uploaded file" in r.json()["error"]["message"]


def test_a_failing_layer_is_a_clear_500_not_a_dropped_connection(monkeypatch) -> None:
    import rasd.pipeline

    def broken(*args, **kwargs):
        raise ValueError("position out of range")

    monkeypatch.setattr(rasd.pipeline, "analyze", broken)
    client = TestClient(create_app())
    r = client.post("/api/analyze", json={"text": "نص جديد لم يحلل بعد"})
    assert r.status_code == 500
    err = r.json()["error"]
    assert err["code"] == "analysis_failed" and "ValueError: position out of range" in err["message"]
    page = client.post("/analyze", data={"text": "نص جديد لم يحلل بعد"})
    assert page.status_code == 500 and "ValueError" in page.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), published=st.one_of(st.none(), st.dates().map(str)))
def test_any_text_gives_a_valid_document(client: TestClient, text: str, published: str | None) -> None:
    r = client.post("/api/analyze", json={"text": text, "published": published})
    assert r.status_code == 200
    doc = r.json()
    assert check_spans(doc) == []
    assert len(doc["text"]) == len(text)


def test_raw_text_and_html_bodies(client: TestClient) -> None:
    r = client.post(
        "/api/analyze",
        params={"published": "2022-03-01", "title": "قمة"},
        content=ARTICLE.encode("cp1256"),
        headers={"content-type": "text/plain"},
    )
    assert r.status_code == 200
    doc = valid(r.json())
    assert doc["text"] == ARTICLE and doc["published"] == "2022-03-01" and doc["title"] == "قمة"
    page = client.post(
        "/api/analyze", content=PAGE.encode(), headers={"content-type": "text/html; charset=utf-8"}
    )
    assert page.status_code == 200 and page.json()["title"] == "بوتين يستقبل أردوغان"
    # The same bytes with another date are another analysis, not a cache hit.
    other = client.post(
        "/api/analyze",
        params={"published": "2022-03-02"},
        content=ARTICLE.encode("cp1256"),
        headers={"content-type": "text/plain"},
    )
    assert other.json()["published"] == "2022-03-02"
    bad = client.post("/api/analyze", content=b"\x00\x01\x02" * 50, headers={"content-type": "text/plain"})
    assert bad.status_code == 422
