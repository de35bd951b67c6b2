"""The per-article work of ingest, run by an engine (in this process or on Dask workers).

``prepare`` turns a job (a plain dict, cheap to ship to a worker) into everything the writer needs: the
document in the contract, its search terms and its MinHash signature. It never raises: a failure comes back
as ``{"error": ...}`` so one bad article cannot stop a run.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Any

from ..document import Document, content_id
from . import dedup, search


@lru_cache(maxsize=4)
def load_kb(paths: tuple[str, ...]):
    """The knowledge base for ``--kb`` files, loaded once per process (workers included)."""
    from .. import load_kb as _load

    return _load(*paths)


def job_from_item(item: Any) -> dict[str, Any]:
    """A job from an :class:`rasd.inputs.Article`, a :class:`Document`, a contract dict or a plain string."""
    if isinstance(item, Document):
        return {"doc": item.to_dict(), "origin": item.id, "id": item.id}
    if isinstance(item, dict):
        if "schema" in item and "text" in item:
            return {
                "doc": item,
                "origin": item.get("id") or "<doc>",
                "id": item.get("id") or content_id(item["text"]),
            }
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError("an article dict needs a 'text' string")
        art = dict(item)
    elif isinstance(item, str):
        art = {"text": item}
    elif hasattr(item, "text") and hasattr(item, "origin"):
        art = {
            k: getattr(item, k, None)
            for k in ("text", "origin", "id", "title", "url", "source", "published", "published_source")
        }
    else:
        raise TypeError(f"cannot ingest a {type(item).__name__}")
    text = art["text"]
    art["origin"] = art.get("origin") or "<text>"
    art["article_id"] = art.pop("id", None)
    art["id"] = content_id(text)  # the content hash identifies a document, whatever the input called it
    return {"article": art, "origin": art["origin"], "id": art["id"]}


def _finish(doc: Document) -> dict[str, Any]:
    tokens = search.doc_tokens(doc)
    words = [t.norm for t in tokens if t.kind != "punct"]
    return {
        "doc": doc.to_dict(),
        # compressed here, so that on Dask the workers do it; pydantic's serializer is the fast one
        "body": zlib.compress(doc.model_dump_json(by_alias=True).encode("utf-8"), 4),
        "terms": search.index_terms(tokens, doc.title),
        "minhash": dedup.signature(words),
    }


def prepare(job: dict[str, Any], kb_paths: tuple[str, ...] = (), kb: Any = None) -> dict[str, Any]:
    """Analyze (unless the job already holds a document) and compute terms and signature."""
    origin = job.get("origin", "?")
    try:
        if "doc" in job:
            doc = Document.from_dict(job["doc"])
        else:
            from ..pipeline import analyze

            a = job["article"]
            if kb is None and kb_paths:
                kb = load_kb(tuple(kb_paths))
            doc = analyze(
                a["text"],
                published=a.get("published"),
                kb=kb,
                title=a.get("title"),
                doc_id=a["id"],
                url=a.get("url"),
                source=a.get("source"),
                published_source=a.get("published_source"),
            )
            if a.get("article_id") and a["article_id"] != doc.id:
                doc.meta["article_id"] = a["article_id"]
        out = _finish(doc)
    except Exception as e:  # noqa: BLE001 - reported per article, never fatal
        return {"error": f"{type(e).__name__}: {e}", "origin": origin, "id": job.get("id")}
    out["origin"] = origin
    out["id"] = out["doc"]["id"]
    return out
