"""Analysis behind the API and the page: input handling and a per-process cache of analyzed documents.

The pipeline is deterministic, so an article submitted again (analysts re-open the same piece; load balancers
retry) is answered from an LRU cache keyed by a hash of everything that shapes the result.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..document import Document

log = logging.getLogger("rasd.api")


class InputError(ValueError):
    """The request cannot be analyzed as given; the message says why, for the user."""


class AnalysisError(RuntimeError):
    """The pipeline failed on an input: a bug in a layer, reported as a 500 with the layer's message."""


@dataclass(frozen=True)
class Analysis:
    doc: Document
    body: bytes  # the document's JSON, serialized once


def check_published(value: str | None) -> str | None:
    """An ISO date (a datetime is cut to its date); anything else is refused with a clear message."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"published must be an ISO date like 2021-12-30, not {value[:40]!r}") from None
    return value[:10]


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    from ..inputs.html import extract_html

    try:
        return extract_html(html, url=url)
    except Exception as exc:  # noqa: BLE001 - the extractor raises many kinds on odd pages; report them
        raise InputError(f"cannot read the HTML page: {exc}") from None


def decode_upload(data: bytes, filename: str | None, kind: str = "auto") -> tuple[str | None, str | None]:
    """An uploaded file as ``(text, html)``: exactly one is set, by ``kind`` or by the name and content."""
    from ..inputs.decode import DecodeError, decode_bytes

    try:
        content, _encoding = decode_bytes(data)
    except DecodeError as exc:
        raise InputError(f"cannot read the uploaded file: {exc}") from None
    if kind == "auto":
        name = (filename or "").lower()
        is_html = name.endswith((".html", ".htm", ".xhtml")) or looks_like_html(content)
        kind = "html" if is_html else "text"
    return (None, content) if kind == "html" else (content, None)


_SURROGATES = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (JSON can carry them, UTF-8 cannot) become U+FFFD, one for one, so offsets hold."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def to_json_bytes(data: Any) -> bytes:
    """UTF-8 JSON; text holding lone surrogates (possible from JSON input) is written with \\u escapes."""
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def looks_like_html(data: str) -> bool:
    head = data.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head and "</" in head)


class Analyzer:
    """``analyze`` with a bounded, thread-safe LRU cache of results."""

    def __init__(self, cache_size: int = 256) -> None:
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Analysis] = OrderedDict()
        self._lock = threading.Lock()
        self._pipeline_lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(text: str, **meta: str | None) -> str:
        h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
        for k in sorted(meta):
            h.update(f"\x00{k}={meta[k] or ''}".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def cached(self, key: str) -> Analysis | None:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            return hit

    def analyze(
        self,
        text: str,
        *,
        published: str | None = None,
        published_source: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        key: str | None = None,
    ) -> Analysis:
        meta = {"published": published, "published_source": published_source, "title": title}
        meta |= {"url": url, "source": source}
        key = key or self.key(text, **meta)
        hit = self.cached(key)
        if hit is not None:
            return hit
        from ..pipeline import analyze

        # One analysis at a time per process: the pipeline's cached models (the CRF tagger) are not
        # thread-safe, and under the GIL concurrent analyses would not run faster anyway.
        with self._pipeline_lock:
            try:
                doc = analyze(
                    text,
                    published=published,
                    published_source=published_source,
                    title=title,
                    url=url,
                    source=source,
                )
            except Exception as exc:
                log.exception("analysis failed")
                raise AnalysisError(
                    f"the analyzer failed on this article ({type(exc).__name__}: {exc})"
                ) from exc
        result = Analysis(doc, to_json_bytes(doc.to_dict()))
        with self._lock:
            self.misses += 1
        self.remember(key, result)
        return result

    def remember(self, key: str, result: Analysis) -> None:
        """Keep a result under a further key too (e.g. the raw request body's hash)."""
        if self.cache_size <= 0:
            return
        with self._lock:
            self._cache[key] = result
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def analyze_input(
        self,
        *,
        text: str | None = None,
        html: str | None = None,
        published: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> Analysis:
        """Plain text or an HTML page (its main text, title and date are extracted); exactly one of them."""
        if (text is None) == (html is None):
            raise InputError("send exactly one of 'text' or 'html'")
        published = check_published(published)
        published_source = "given" if published else None
        if html is not None:
            text, meta = html_to_text(html, url=url)
            title = title or meta.get("title")
            url = url or meta.get("url")
            source = source or meta.get("source")
            if not published and meta.get("published"):
                try:
                    published, published_source = check_published(meta["published"]), "metadata"
                except InputError:  # a page's own odd date is not the user's fault: ignore it
                    pass
        assert text is not None
        return self.analyze(
            scrub_surrogates(text),
            published=published,
            published_source=published_source,
            title=title,
            url=url,
            source=source,
        )
