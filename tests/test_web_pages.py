"""The analysis page through the test client: text, HTML and uploads in; marks, chips and lists out."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app

HTML_PAGE = """<!doctype html><html lang="ar"><head><meta charset="windows-1256"><title>لافروف يحذر الناتو</title>
<meta property="article:published_time" content="2022-01-10"></head><body>
<div class="menu">الرئيسية | العالم | اقتصاد | رياضة</div>
<article><h1>لافروف يحذر الناتو</h1>
<p>قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن موسكو لن تقبل بتوسع حلف شمال الأطلسي شرقًا.</p>
<p>وأضاف لافروف في مؤتمر صحافي في موسكو أن "روسيا تنتظر ردًا مكتوبًا من الولايات المتحدة".</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_home_is_an_arabic_rtl_form_with_local_assets(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    assert 'enctype="multipart/form-data"' in r.text and 'name="file"' in r.text
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert client.get(url).status_code == 200
    assert "http://" not in r.text and "https://" not in r.text


def test_seed_page_shows_marks_chips_dates_and_lists(client: TestClient, seed_text: str) -> None:
    r = client.post("/analyze", data={"text": seed_text, "published": "2021-12-30"})
    assert r.status_code == 200
    page = r.text
    article = page[page.index('id="article"') : page.index('<aside class="side">')]
    assert article.count('<mark class="ent ent-') > 10
    assert article.count('class="chip"') > 0
    assert re.search(r'class="tx" data-timex="[^"]+" data-tip="DATE: 2021-12-30', article)
    assert 'class="blk blk-boilerplate"' in article
    side = page[page.index('<aside class="side">') :]
    assert "Vladimir Putin" in side and "Joe Biden" in side
    assert 'id="quotes"' in side and 'id="events"' in side and 'id="digest"' in side


def test_pasted_html_is_reduced_to_its_article(client: TestClient) -> None:
    r = client.post("/analyze", data={"text": HTML_PAGE, "kind": "auto"})
    assert r.status_code == 200
    assert "لافروف يحذر الناتو" in r.text  # the page's title
    article = r.text[r.text.index('id="article"') : r.text.index('<aside class="side">')]
    assert "سيرغي لافروف" in article and "جميع الحقوق" not in article and "&lt;p&gt;" not in article
    assert "2022-01-10" in r.text


def test_uploaded_html_in_cp1256(client: TestClient) -> None:
    files = {"file": ("lavrov.html", HTML_PAGE.encode("cp1256"), "text/html")}
    r = client.post("/analyze", files=files, data={"text": ""})
    assert r.status_code == 200 and "سيرغي لافروف" in r.text


def test_html_can_be_analyzed_as_plain_text_when_asked(client: TestClient) -> None:
    r = client.post("/analyze", data={"text": HTML_PAGE, "kind": "text"})
    assert r.status_code == 200 and "&lt;article&gt;" in r.text


@pytest.mark.parametrize(
    "data,message",
    [
        ({"text": "   "}, "لا نص: الصق مقالًا"),
        ({"text": "نص", "published": "أمس"}, "ISO date"),
        ({"text": "<html><body><p></p></body></html>", "kind": "html"}, "HTML"),
    ],
)
def test_form_mistakes_come_back_on_the_form(client: TestClient, data: dict, message: str) -> None:
    r = client.post("/analyze", data=data)
    assert r.status_code == 422
    alert = re.search(r'role="alert"[^>]*>([^<]*)<', r.text)
    assert alert and message in alert.group(1)
    assert "<textarea" in r.text  # the form is still there, with what was typed


def test_corpus_pages_without_a_corpus_say_so(client: TestClient) -> None:
    for path in ("/search?q=روسيا", "/timeline?a=روسيا&b=أوكرانيا"):
        r = client.get(path)
        assert r.status_code == 200 and "rasd serve --db" in r.text
    r = client.get("/entity/بوتين")
    assert r.status_code == 503 and "--db" in r.text
