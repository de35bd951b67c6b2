"""Inputs: files, directories, globs and stdin, turned into :class:`Article` records or :class:`InputError`.

Bad input never stops the run: each problem is yielded as an ``InputError`` naming the file (and line), and the
caller keeps going with the rest. Readers are registered by file extension in :data:`READERS`.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decode import DecodeError, decode_bytes
from .html import extract_html

# Texts longer than this (about forty long news articles) are split at line breaks into several documents, so that a stray dump of tens
# of megabytes is analyzed piece by piece instead of as one huge document.
MAX_DOC_CHARS = 200_000


@dataclass
class Article:
    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    published_source: str | None = None  # "metadata" when the date came with the input
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class InputError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


Item = Article | InputError


def _split_large(article: Article) -> Iterator[Article]:
    text = article.text
    if len(text) <= MAX_DOC_CHARS:
        yield article
        return
    start, part = 0, 1
    while start < len(text):
        end = min(len(text), start + MAX_DOC_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_DOC_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        yield Article(
            text=text[start:end],
            origin=f"{article.origin}#part{part}",
            id=f"{article.id}#part{part}" if article.id else None,
            title=article.title,
            url=article.url,
            source=article.source,
            published=article.published,
            published_source=article.published_source,
            meta={**article.meta, "part": part, "split_from": article.origin},
        )
        start, part = end, part + 1


def read_text_file(path: Path) -> Iterator[Item]:
    try:
        text, enc = decode_bytes(path.read_bytes())
    except DecodeError as e:
        yield InputError(str(path), str(e))
        return
    yield from _split_large(Article(text=text, origin=str(path), meta={"encoding": enc}))


def article_from_html(html: str, origin: str, **fields: Any) -> Item:
    try:
        text, meta = extract_html(html, url=fields.get("url"))
    except Exception as e:  # noqa: BLE001 - trafilatura raises many kinds; report, never crash
        return InputError(origin, f"HTML: {e}")
    published = fields.get("published") or meta.get("published")
    return Article(
        text=text,
        origin=origin,
        id=fields.get("id"),
        title=fields.get("title") or meta.get("title"),
        url=fields.get("url") or meta.get("url"),
        source=fields.get("source") or meta.get("source"),
        published=published,
        published_source="metadata" if published else None,
    )


def read_html_file(path: Path) -> Iterator[Item]:
    try:
        html, _ = decode_bytes(path.read_bytes())
    except DecodeError as e:
        yield InputError(str(path), str(e))
        return
    yield article_from_html(html, str(path))


_JSONL_FIELDS = ("id", "title", "url", "source", "published")


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional id, title, url, source, published."""
    for n, raw in enumerate(lines, 1):
        origin = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
            obj = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            yield InputError(origin, f"malformed JSON line: {e}")
            continue
        if not isinstance(obj, dict):
            yield InputError(origin, "a JSONL line must be an object with 'text' or 'html'")
            continue
        fields = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in _JSONL_FIELDS}
        if isinstance(obj.get("text"), str) and obj["text"].strip():
            yield from _split_large(
                Article(
                    text=obj["text"],
                    origin=origin,
                    published_source="metadata" if fields["published"] else None,
                    **fields,
                )
            )
        elif isinstance(obj.get("html"), str) and obj["html"].strip():
            yield article_from_html(obj["html"], origin, **fields)
        else:
            yield InputError(origin, "no non-empty 'text' or 'html' field")


def read_jsonl_file(path: Path) -> Iterator[Item]:
    with path.open("rb") as f:  # streamed: a huge JSONL file is never held in memory
        yield from read_jsonl_lines(f, str(path))


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
}

# WARC archives and RSS/Atom feeds (corpus ingest); imported here, after the names they use are defined
from .feeds import read_feed_file, read_xml_file  # noqa: E402
from .warc import read_warc_file  # noqa: E402

READERS.update({".warc": read_warc_file, ".warc.gz": read_warc_file})
READERS.update({".rss": read_feed_file, ".atom": read_feed_file, ".xml": read_xml_file})


def _reader_for(path: Path) -> Callable[[Path], Iterator[Item]] | None:
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):  # longest first: .warc.gz before .gz
        if name.endswith(ext):
            return READERS[ext]
    return None


def _read_file(path: Path, explicit: bool) -> Iterator[Item]:
    reader = _reader_for(path)
    if reader is None:
        if not explicit:
            return  # directories: only known kinds of file
        reader = read_text_file
    try:
        yield from reader(path)
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")


def read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    try:
        text, _ = decode_bytes(data)
    except DecodeError as e:
        yield InputError("<stdin>", str(e))
        return
    yield from _split_large(Article(text=text, origin="<stdin>"))


def iter_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Articles from files, directories (recursively), globs and ``-`` (stdin), in the order given."""
    for p in paths:
        if p == "-":
            yield from read_stdin()
            continue
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(p, "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_file():
                    yield from _read_file(mp, explicit=True)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file())
            for f in files:
                yield from _read_file(f, explicit=False)
        elif path.is_file():
            yield from _read_file(path, explicit=True)
        elif path.exists():
            yield InputError(p, "not a regular file")
        else:
            yield InputError(p, "no such file or directory")


__all__ = [
    "Article",
    "InputError",
    "iter_inputs",
    "READERS",
    "decode_bytes",
    "DecodeError",
    "extract_html",
    "article_from_html",
    "read_jsonl_lines",
]
