"""RSS and Atom feed files (feedparser): each entry becomes an article.

The text is the entry's content, else its summary (HTML reduced to text with paragraph breaks kept); the
title, link and id come with it, the feed's title is the source, and the entry's date (published, else
updated, else the feed's own date) becomes ``published``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.html

from . import Article, InputError, Item

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken markup
        return fragment.strip()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("script", "style"):
            el.drop_tree()
            continue
        if el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _field(d, key: str):
    """A feedparser field read without its fallbacks (it maps published to updated, with a warning)."""
    return dict.get(d, key)


def _date(*parsed: time.struct_time | None) -> str | None:
    for p in parsed:
        if p:
            return time.strftime("%Y-%m-%d", p)
    return None


def _entries(parsed, origin: str) -> Iterator[Item]:
    feed = parsed.get("feed", {})
    feed_date = _date(_field(feed, "published_parsed"), _field(feed, "updated_parsed"))
    source = feed.get("title") or None
    for i, entry in enumerate(parsed.entries, 1):
        eorigin = f"{origin}#{i}"
        raw = ""
        if entry.get("content"):
            raw = max((c.get("value", "") for c in entry["content"]), key=len)
        raw = raw or entry.get("summary", "") or entry.get("description", "")
        text = html_fragment_text(raw)
        if not text.strip():
            yield InputError(eorigin, "feed entry without content or summary")
            continue
        published = _date(_field(entry, "published_parsed"), _field(entry, "updated_parsed")) or feed_date
        yield Article(
            text=text,
            origin=eorigin,
            id=entry.get("id") or None,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            source=source,
            published=published,
            published_source="metadata" if published else None,
        )


def read_feed_file(path: Path) -> Iterator[Item]:
    parsed = feedparser.parse(path.read_bytes())
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS/Atom feed found"
        yield InputError(str(path), f"not a feed: {reason}")
        return
    yield from _entries(parsed, str(path))


def read_xml_file(path: Path) -> Iterator[Item]:
    """``.xml`` files: read as a feed when they parse as one, else reported."""
    yield from read_feed_file(path)
