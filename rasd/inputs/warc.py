"""WARC files (warcio): each HTTP response holding an HTML page or plain text becomes an article.

The URL is the record's target URI. ``published`` is the page's own date when trafilatura finds one, else the
record's WARC-Date (when the page was fetched, the best date the archive offers). Redirects, errors and
non-text payloads (images, scripts) are not articles and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from . import Article, InputError, Item, article_from_html
from .decode import DecodeError, decode_bytes

_WARC_TYPES = {
    "warcinfo",
    "response",
    "request",
    "resource",
    "metadata",
    "revisit",
    "conversion",
    "continuation",
}
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = (headers.get_header("Content-Type") if headers else None) or ""
    return value.split(";")[0].strip().lower()


def read_warc_file(path: Path) -> Iterator[Item]:
    n = 0
    seen_warc = False
    try:
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                if record.format not in ("warc", "arc2warc"):
                    continue  # warcio reads anything line-based as an ARC file: not ours
                seen_warc = seen_warc or record.rec_type in _WARC_TYPES
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                origin = f"{path}#{n}"
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    if not status.startswith("2"):
                        continue
                ctype = _content_type(record)
                if ctype not in _TEXT_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    body, _ = decode_bytes(record.content_stream().read())
                except DecodeError as e:
                    yield InputError(origin, str(e))
                    continue
                except Exception as e:  # noqa: BLE001 - a damaged record: report, keep reading
                    yield InputError(origin, f"WARC record: {e}")
                    continue
                if ctype == "text/plain":
                    yield Article(
                        text=body,
                        origin=origin,
                        url=url,
                        published=fetched,
                        published_source="metadata" if fetched else None,
                    )
                    continue
                item = article_from_html(body, origin, url=url)
                if isinstance(item, Article) and not item.published and fetched:
                    item.published, item.published_source = fetched, "metadata"
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield InputError(f"{path}#{n + 1}" if n else str(path), f"not a readable WARC file: {e}")
        return
    if not seen_warc:
        yield InputError(str(path), "not a WARC file: no WARC records found")
