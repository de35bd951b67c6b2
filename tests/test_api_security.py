"""Limits and doors: the body cap (413), token-gated writes, CORS closed by default, docs without a CDN."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app
from rasd.api.server import is_loopback

MB = 1024 * 1024


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_body_over_5_mb_is_refused_with_413(client: TestClient) -> None:
    big = "ا" * (3 * MB)  # 6 MB once UTF-8 encoded
    r = client.post("/api/analyze", json={"text": big})
    assert r.status_code == 413
    err = r.json()["error"]
    assert err["code"] == "payload_too_large" and "5 MB" in err["message"]


def test_chunked_body_over_the_cap_is_refused_too(client: TestClient) -> None:
    def chunks():
        for _ in range(6):
            yield b"x" * MB

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_chunked_body_under_the_cap_goes_through(client: TestClient) -> None:
    def chunks():
        yield b'{"text": "'
        yield "قال بوتين".encode()
        yield b'"}'

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 200 and r.json()["text"] == "قال بوتين"


def test_the_cap_is_configurable() -> None:
    small = TestClient(create_app(max_body_bytes=1000))
    assert small.post("/api/analyze", json={"text": "ب" * 600}).status_code == 413
    assert small.post("/api/analyze", json={"text": "ب" * 100}).status_code == 200


def test_upload_over_the_cap_is_413(client: TestClient) -> None:
    files = {"file": ("big.txt", b"a" * (5 * MB + 10), "text/plain")}
    assert client.post("/api/analyze/file", files=files).status_code == 413
    assert client.post("/analyze", files=files).status_code == 413


def test_writes_are_off_without_a_token(client: TestClient, tmp_path) -> None:
    r = client.post("/api/documents", json={"documents": [{"text": "قال بوتين"}]})
    assert r.status_code == 403
    assert "--token" in r.json()["error"]["message"]
    assert client.delete("/api/documents/abc").status_code == 403
    # The same with a corpus configured: the token, not the database, is what opens writes.
    with_db = TestClient(create_app(db_url=f"sqlite:///{tmp_path / 'c.db'}"))
    assert with_db.post("/api/documents", json={"documents": [{"text": "x"}]}).status_code == 403
    assert with_db.delete("/api/documents/abc").status_code == 403


def test_writes_need_the_right_bearer_token() -> None:
    client = TestClient(create_app(token="s3cret"))
    body = {"documents": [{"text": "قال بوتين"}]}
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic s3cret"},
        {"Authorization": "s3cret"},
    ):
        r = client.post("/api/documents", json=body, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"
    # With the token the request reaches the corpus (none configured here: 503, not 401).
    r = client.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 503 and "--db" in r.json()["error"]["message"]


def test_cors_closed_by_default(client: TestClient) -> None:
    r = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/analyze",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_opens_only_for_configured_origins() -> None:
    client = TestClient(create_app(cors_origins=["https://newsroom.example"]))
    ok = client.get("/api/health", headers={"Origin": "https://newsroom.example"})
    assert ok.headers["access-control-allow-origin"] == "https://newsroom.example"
    other = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_docs_page_loads_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "<script>" not in page.text  # no inline script: the page works under our CSP


def test_openapi_describes_the_contract_and_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "Document" in spec["components"]["schemas"] and "Entity" in spec["components"]["schemas"]
    paths = spec["paths"]
    for path in (
        "/api/analyze",
        "/api/analyze/file",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/search",
        "/api/entities/{name}",
        "/api/quotes",
        "/api/timeline",
        "/api/top",
    ):
        assert path in paths, path
    params = {p["name"] for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "since", "until", "entity", "speaker", "event_type", "source", "limit", "offset"} <= params


@pytest.mark.parametrize(
    "method,path,status",
    [
        ("get", "/api/nothing-here", 404),
        ("put", "/api/analyze", 405),
        ("get", "/api/search?q=x", 503),
        ("get", "/api/documents?limit=1000", 422),
        ("get", "/api/documents?offset=-1", 422),
        ("get", "/api/timeline?a=x", 422),
    ],
)
def test_errors_are_json_with_a_message(client: TestClient, method: str, path: str, status: int) -> None:
    r = getattr(client, method)(path)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["status"] == status and err["message"] and err["code"]


def test_unknown_page_is_an_html_error(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert 'dir="rtl"' in r.text


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {
        "status": "ok",
        "version": "0.1.0",
        "corpus": False,
        "writes": False,
    }


@pytest.mark.parametrize(
    "host,loop",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.5", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
    ],
)
def test_loopback_detection(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop
