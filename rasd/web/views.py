"""The pages: analyze an article, and the corpus views (search, entity, speaker, timeline, a stored document).

Everything is rendered on the server by Jinja2 with autoescaping on, so article text reaches the browser only as
escaped text; the page's script never builds HTML from strings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..api.errors import ApiError
from ..api.service import InputError, decode_upload
from ..document import Document
from . import charts, labels
from .highlight import entity_key, render_blocks, speaker_key, speaker_label

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(labels=labels, q=lambda s: urlquote(str(s), safe=""))
templates.env.filters["q"] = lambda s: urlquote(str(s), safe="")

PAGE_SIZE = 20


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, status_code=status, message=message)


def entity_url(key: str) -> str:
    return "/entity/" + urlquote(key, safe="")


def document_view(doc: Document) -> dict[str, Any]:
    """What the analysis page shows beside the text: entities, quotes, events, dates and the digest."""
    names = {e.id: e for e in doc.entities}
    entities = sorted(doc.entities, key=lambda e: (-len(e.mentions), e.name))
    quotes = [
        {
            "q": q,
            "speaker": speaker_label(doc, q),
            "speaker_key": speaker_key(doc, q),
            "role": q.speaker.role if q.speaker else None,
        }
        for q in sorted(doc.quotes, key=lambda q: q.content.start)
    ]

    def actors(ids: list[str]) -> list[dict[str, str]]:
        return [
            {"name": names[i].name, "url": entity_url(entity_key(names[i]))}
            if i in names
            else {"name": i, "url": ""}
            for i in ids
        ]

    events = [
        {"e": ev, "source": actors(ev.source), "target": actors(ev.target)}
        for ev in sorted(doc.events, key=lambda ev: ev.trigger.start)
    ]
    digest, digest_error = None, None
    try:
        from ..render.digest import render_digest

        digest = render_digest(doc)
    except ImportError:
        digest_error = "the digest is not available in this installation"
    except Exception as exc:  # noqa: BLE001 - the page still shows everything else
        digest_error = f"the digest could not be written ({type(exc).__name__})"
    return {
        "doc": doc,
        "blocks": render_blocks(doc, entity_link=entity_url),
        "entities": [{"e": e, "url": entity_url(entity_key(e))} for e in entities],
        "quotes": quotes,
        "events": events,
        "timexes": sorted(doc.timexes, key=lambda t: t.start),
        "digest": digest,
        "digest_error": digest_error,
    }


def _store(request: Request):
    return request.app.state.store.get()


def _has_store(request: Request) -> bool:
    return request.app.state.settings.db_url is not None


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return page(request, "analyze.html", form={}, corpus=_has_store(request))

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_page(
        request: Request,
        text: str = Form(""),
        file: UploadFile | None = File(None),
        kind: str = Form("auto"),
        published: str = Form(""),
        title: str = Form(""),
    ) -> Response:
        form = {"text": text, "published": published, "title": title, "kind": kind}
        if kind not in ("auto", "text", "html"):
            kind = "auto"
        html = None
        try:
            if file is not None and file.filename:
                text, html = decode_upload(await file.read(), file.filename, kind)
            elif kind == "html" or (kind == "auto" and _looks_html(text)):
                text, html = None, text
            if text is not None and not text.strip():
                raise InputError("لا نص: الصق مقالًا أو اختر ملفًا أولًا.")
            fields = {"text": text, "html": html, "published": published or None, "title": title or None}
            analyzer = request.app.state.analyzer
            analysis = await run_in_threadpool(lambda: analyzer.analyze_input(**fields))
        except InputError as exc:
            return page(
                request, "analyze.html", status=422, form=form, error=str(exc), corpus=_has_store(request)
            )
        view = await run_in_threadpool(document_view, analysis.doc)
        return page(request, "analyze.html", form=form, corpus=_has_store(request), **view)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def stored_document(request: Request, doc_id: str) -> HTMLResponse:
        data = _store(request).get_document(doc_id)
        if data is None:
            raise ApiError(404, f"no document with id {doc_id!r} in the corpus")
        doc = _as_document(data)
        return page(request, "document.html", **document_view(doc))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = Query("", max_length=500),
        since: str = "",
        until: str = "",
        entity: str = "",
        speaker: str = "",
        event_type: str = "",
        source: str = "",
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> HTMLResponse:
        form = {"q": q, "since": since, "until": until, "entity": entity, "speaker": speaker}
        form |= {"event_type": event_type, "source": source}
        if not _has_store(request):
            return page(request, "search.html", form=form, results=None, no_corpus=True)
        try:
            filters = {
                "since": _iso(since, "since"),
                "until": _iso(until, "until"),
                "entity": entity.strip() or None,
                "speaker": speaker.strip() or None,
                "event_type": event_type.strip() or None,
                "source": source.strip() or None,
            }
        except InputError as exc:
            return page(request, "search.html", status=422, form=form, results=None, error=str(exc))
        store = _store(request)
        searched = bool(q.strip()) or any(filters.values())
        if searched:
            rows = store.search(q.strip(), **filters, limit=PAGE_SIZE + 1, offset=offset)
        else:  # no question yet: the latest documents and what the corpus talks about most
            rows = store.list_documents(limit=PAGE_SIZE + 1, offset=offset)
        more = len(rows) > PAGE_SIZE
        results = [_with_hit(r) for r in rows[:PAGE_SIZE]]
        nav = _nav(request, offset, more)
        top = None if searched or offset else store.top(limit=12)
        return page(request, "search.html", form=form, results=results, searched=searched, top=top, **nav)

    @app.get("/entity/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: str) -> HTMLResponse:
        profile = _store(request).entity_profile(name)
        if profile is None:
            raise ApiError(404, f"no entity {name!r} in the corpus")
        return page(
            request,
            "entity.html",
            name=name,
            p=profile,
            entity=profile.get("entity") or {},
            chart=charts.mentions_chart(profile.get("mentions_per_day")),
        )

    @app.get("/speaker/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(
        request: Request,
        name: str,
        about: str = "",
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> HTMLResponse:
        rows = _store(request).quotes(
            speaker=name, about=about.strip() or None, limit=PAGE_SIZE + 1, offset=offset
        )
        more = len(rows) > PAGE_SIZE
        return page(
            request,
            "speaker.html",
            name=name,
            about=about,
            quotes=rows[:PAGE_SIZE],
            **_nav(request, offset, more),
        )

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, a: str = "", b: str = "", by: str = "month") -> HTMLResponse:
        if by not in ("day", "week", "month"):
            by = "month"
        form = {"a": a, "b": b, "by": by}
        if not _has_store(request):
            return page(request, "timeline.html", form=form, data=None, no_corpus=True)
        if not (a.strip() and b.strip()):
            return page(request, "timeline.html", form=form, data=None)
        data = _store(request).timeline(a.strip(), b.strip(), by=by)
        return page(request, "timeline.html", form=form, data=data, chart=charts.timeline_chart(data))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")


def _looks_html(text: str) -> bool:
    from ..api.service import looks_like_html

    return looks_like_html(text)


def _iso(value: str, name: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{name} must be a date like 2021-12-30") from None


def _with_hit(row: dict) -> dict:
    """Split the snippet at the matched word so the template can mark it, escaping each part."""
    snippet = str(row.get("snippet") or "")
    hit = row.get("hit")
    parts = [snippet, "", ""]
    if isinstance(hit, (list, tuple)) and len(hit) == 2:
        a, b = int(hit[0]), int(hit[1])
        if 0 <= a < b <= len(snippet):
            parts = [snippet[:a], snippet[a:b], snippet[b:]]
    return {**row, "parts": parts}


def _nav(request: Request, offset: int, more: bool) -> dict[str, str | None]:
    nxt = str(request.url.include_query_params(offset=offset + PAGE_SIZE)) if more else None
    prev = str(request.url.include_query_params(offset=max(0, offset - PAGE_SIZE))) if offset > 0 else None
    return {"next_url": nxt, "prev_url": prev}


def _as_document(data: dict[str, Any]) -> Document:
    """A stored document; keys this version of the contract does not know are left out."""
    fields = Document.model_fields
    known = {k: v for k, v in data.items() if k in fields or k == "schema"}
    return Document.from_dict(known)
