"""CoNLL/BIO NER files: reading, and scoring rasd's recognizer with exact spans per type and micro-averaged.

The tokens of a file are joined with spaces into one text per sentence, analyzed by the entities layer, and
each mention is mapped back to the file's tokens it overlaps (a mention that leaves out a clitic, أوكرانيا in
لأوكرانيا, covers that token). ANERcorp ``train.txt`` has no sentence breaks: sentences end after ``.`` tokens.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path

TAG_MAP = {
    "PERS": "PER",
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "MIS": "MISC",
    "MISC": "MISC",
    "GPE": "LOC",
}
_MAX_SENT = 200  # long runs without a full stop are cut so that no sequence is unbounded


def norm_tag(tag: str, types_map: dict[str, str] | None = None) -> str:
    """B-PERS -> B-PER, I-MIS -> I-MISC; tags outside the map (Wojood's NORP, DATE ...) -> O."""
    tag = tag.strip()
    if tag in ("", "O") or "-" not in tag:
        return "O"
    bio, typ = tag.split("-", 1)
    typ = (types_map or TAG_MAP).get(typ.upper())
    if typ is None or bio not in ("B", "I"):
        return "O"
    return f"{bio}-{typ}"


def read_conll(path: str | Path, types_map: dict[str, str] | None = None) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, BIO tag) from a ``token TAG [TAG...]`` file (first tag = outermost level)."""
    sent: list[tuple[str, str]] = []
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            if len(parts) == 1:  # an empty token with only a tag: skip
                continue
            tok, tag = parts[0], norm_tag(parts[1], types_map)
            if tag.startswith("I-") and (not sent or sent[-1][1][2:] != tag[2:]):
                tag = "B-" + tag[2:]
            sent.append((tok, tag))
            if tok in (".", "؟", "!", "?") or len(sent) >= _MAX_SENT:
                yield sent
                sent = []
    if sent:
        yield sent


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Exact (first, last, type) spans of a BIO sequence, in order (an I- of another type starts a span)."""
    out = []
    start, typ = None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and typ == t[2:]:
            continue
        if typ is not None:
            out.append((start, i - 1, typ))
            start, typ = None, None
        if t != "O":
            start, typ = i, t[2:]
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact (first, last, type) spans of a BIO sequence, as a set for scoring."""
    return set(bio_spans(tags))


def score(gold: list[list[str]], pred: list[list[str]], types=("PER", "LOC", "ORG")) -> dict:
    """Per-type and micro precision/recall/F1 (percent) and counts over sentences of BIO tags."""
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in types}
    for g, p in zip(gold, pred, strict=True):
        gs = {s for s in spans(g) if s[2] in counts}
        ps = {s for s in spans(p) if s[2] in counts}
        for s in gs & ps:
            counts[s[2]]["tp"] += 1
        for s in ps - gs:
            counts[s[2]]["fp"] += 1
        for s in gs - ps:
            counts[s[2]]["fn"] += 1
    result = {t: _prf(**c) for t, c in counts.items()}
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    result["micro"] = _prf(**total)
    return result


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 2),
        "recall": round(r, 2),
        "f1": round(f, 2),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "gold": tp + fn,
        "predicted": tp + fp,
    }


def predict_chunk(sentences: list[list[str]], kb=None) -> list[list[str]]:
    """BIO tags for consecutive sentences of file tokens, analyzed together as one article (one line per
    sentence) so that the layer's within-article consistency applies as it does on real articles."""
    from ..document import Block, Document, Sentence
    from ..entities import annotate
    from ..text import tokenize

    offsets: list[tuple[int, int, int, int]] = []  # (start, end, sentence, token)
    lines = []
    pos = 0
    for si, toks in enumerate(sentences):
        line_start = pos
        for ti, t in enumerate(toks):
            offsets.append((pos, pos + len(t), si, ti))
            pos += len(t) + 1
        lines.append((line_start, max(line_start, pos - 1)))
    text = "\n".join(" ".join(toks) for toks in sentences)
    doc = Document(id="conll", text=text)
    for i, (a, b) in enumerate(lines):
        doc.blocks.append(Block(kind="paragraph", start=a, end=b))
        doc.sentences.append(Sentence(start=a, end=b, block=i))
    doc._tokens = tokenize(text)
    tags = [["O"] * len(toks) for toks in sentences]
    starts = [o[0] for o in offsets]
    mentions = sorted((m.start, m.end, e.type) for e in annotate(doc, kb=kb).entities for m in e.mentions)
    for start, end, typ in mentions:
        i = max(0, bisect.bisect_right(starts, start) - 1)
        idx = []
        while i < len(offsets) and offsets[i][0] < end:
            if start < offsets[i][1]:
                idx.append(offsets[i])
            i += 1
        if not idx or any(tags[s][t] != "O" for _, _, s, t in idx) or idx[0][2] != idx[-1][2]:
            continue
        tags[idx[0][2]][idx[0][3]] = "B-" + typ
        for _, _, s, t in idx[1:]:
            tags[s][t] = "I-" + typ
    return tags


def evaluate_conll(
    path: str, types=("PER", "LOC", "ORG"), limit: int | None = None, kb=None, chunk: int = 20
) -> dict:
    """Score rasd's recognizer on a CoNLL file: per-type and micro P/R/F1 and counts (exact spans).

    The file's sentences are analyzed ``chunk`` at a time as one article (ANERcorp keeps its articles' order).
    """
    sents = []
    for i, sent in enumerate(read_conll(path)):
        if limit is not None and i >= limit:
            break
        sents.append(sent)
    gold = [[g for _, g in s] for s in sents]
    pred: list[list[str]] = []
    for i in range(0, len(sents), max(1, chunk)):
        pred.extend(predict_chunk([[t for t, _ in s] for s in sents[i : i + chunk]], kb=kb))
    result = score(gold, pred, types=tuple(types))
    result["sentences"] = len(gold)
    result["tokens"] = sum(len(s) for s in sents)
    result["file"] = str(path)
    return result


def format_conll_report(result: dict) -> str:
    """A plain-text table of a result of :func:`evaluate_conll`."""
    lines = [
        f"{result.get('file', '')}: {result.get('sentences', 0)} sentences, {result.get('tokens', 0)} tokens",
        f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6} {'tp':>6}",
    ]
    keys = [k for k in result if isinstance(result[k], dict) and k != "micro"] + ["micro"]
    for k in keys:
        r = result[k]
        lines.append(
            f"{k:<6} {r['precision']:>7.2f} {r['recall']:>7.2f} {r['f1']:>7.2f} "
            f"{r['gold']:>6} {r['predicted']:>6} {r['tp']:>6}"
        )
    return "\n".join(lines)
