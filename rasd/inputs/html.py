"""HTML pages: main text, title and date through trafilatura."""

from __future__ import annotations

from typing import Any

import trafilatura


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(text, meta)`` — the main text and ``{"title", "published", "url", "source"}`` when found.

    Raises ``ValueError`` when the page has no extractable text.
    """
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    if doc is None:
        raise ValueError("no main text found in the HTML page")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        raise ValueError("no main text found in the HTML page")
    date = get("date")
    meta = {
        "title": get("title") or None,
        "published": date[:10] if date else None,
        "url": get("url") or url,
        "source": get("sitename") or get("hostname") or None,
    }
    return text, meta
