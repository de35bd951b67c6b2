"""Article text is escaped wherever a page shows it: script and attribute payloads stay text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from rasd.api import create_app
from rasd.document import Block, Document, Entity, Event, Quote, Role, Span, Speaker, Timex
from rasd.web.views import document_view, templates

SCRIPT = "<script>alert(1)</script>"
ATTR = '"><img src=x onerror=alert(1)>'
SINGLE = "' onmouseover='alert(2)"
PAYLOADS = (SCRIPT, ATTR, SINGLE, "</textarea><svg onload=alert(3)>", "{{ 7*7 }}")

ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "link",
    "script",
    "body",
    "header",
    "a",
    "span",
    "nav",
    "main",
    "footer",
    "details",
    "summary",
    "form",
    "textarea",
    "div",
    "label",
    "input",
    "select",
    "option",
    "button",
    "p",
    "section",
    "h1",
    "h2",
    "h3",
    "article",
    "mark",
    "bdi",
    "small",
    "code",
    "aside",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "br",
}


class TagAudit(HTMLParser):
    """Every element and attribute of a page, to check nothing from the article became markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def audit(page: str) -> list[tuple[str, dict]]:
    parser = TagAudit()
    parser.feed(page)
    problems = []
    for tag, attrs in parser.tags:
        if tag not in ALLOWED_TAGS:
            problems.append((tag, attrs))
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            problems.append((tag, attrs))
        if any(name.startswith("on") for name in attrs):
            problems.append((tag, attrs))
    return problems


def hostile_document() -> Document:
    """A document whose every text field, span and name carries a payload."""
    text = "\n".join(f"قال المسؤول {p} إن الأمر {p} انتهى" for p in PAYLOADS)
    doc = Document(id="x<y", text=text, title=SCRIPT, source=ATTR, published="2021-12-30")
    pos = 0
    for line in text.split("\n"):
        doc.blocks.append(Block(kind="paragraph", start=pos, end=pos + len(line)))
        pos += len(line) + 1
    doc.blocks[-1] = Block(kind="boilerplate", start=doc.blocks[-1].start, end=doc.blocks[-1].end)
    for i, p in enumerate(PAYLOADS[:-1]):
        start = text.index(p)
        mention = Span(start=start, end=start + len(p), text=p)
        doc.entities.append(
            Entity(
                id=f"e{i}{p}",
                type="PER",
                name=p,
                name_en=p,
                kb_id=p,
                roles=[Role(text=p)],
                mentions=[mention],
            )
        )
        second = text.index(p, start + 1)
        content = Span(start=second - 6, end=second + len(p), text=text[second - 6 : second + len(p)])
        cue = Span(start=start - 12, end=start - 9, text=text[start - 12 : start - 9])
        doc.quotes.append(
            Quote(
                id=f"q{i}{p}",
                kind="direct",
                cue=cue,
                content=content,
                speaker=Speaker(entity=f"e{i}{p}", role=p, **mention.model_dump()),
            )
        )
        doc.timexes.append(Timex(id=f"t{i}", type="DATE", value=p, mod=p, **content.model_dump()))
        doc.events.append(
            Event(
                id=f"v{i}",
                type=p,
                mode=p,
                trigger=cue,
                source=[f"e{i}{p}"],
                target=["unknown" + p],
                sentence=0,
            )
        )
    return doc


def test_a_hostile_document_renders_as_text_only() -> None:
    page = templates.env.get_template("document.html").render(**document_view(hostile_document()))
    assert audit(page) == []
    assert SCRIPT not in page and "<img" not in page and "<svg" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page and ">49<" not in page


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_a_pasted_article_stay_text(client: TestClient, payload: str) -> None:
    article = f"وقال الرئيس الأميركي جو بايدن إن {payload} الولايات المتحدة سترد بحزم.\nوأضاف {payload} أن موسكو تعرف ذلك."
    r = client.post(
        "/analyze", data={"text": article, "kind": "text", "title": payload, "published": "2021-12-30"}
    )
    assert r.status_code == 200
    assert audit(r.text) == []
    assert str(escape(payload)) in r.text  # shown, as text


def test_payload_in_an_error_message_is_escaped(client: TestClient) -> None:
    r = client.post("/analyze", data={"text": "نص", "published": ATTR})
    assert r.status_code == 422
    assert audit(r.text) == []
    r = client.get("/entity/" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 503 and audit(r.text) == []


def test_pages_forbid_inline_script_by_policy(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(list('<>"\'&/=;(){}[] \n\tقالبوتينإن«»"روسيا٢٠٢١')), st.characters(codec="utf-8")
        ),
        max_size=200,
    )
)
def test_any_pasted_text_gives_a_page_with_no_markup_from_it(client: TestClient, text: str) -> None:
    r = client.post("/analyze", data={"text": text, "kind": "text"})
    assert r.status_code in (200, 422)
    assert audit(r.text) == []
