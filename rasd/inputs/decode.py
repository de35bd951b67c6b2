"""Decoding bytes honestly: BOMs, UTF-8, UTF-16, and the legacy Arabic code pages, detected without being told.

charset-normalizer does the detection; on short Arabic snippets it can mistake ISO-8859-6 for an unrelated code
page (we saw cp874), so its answer is checked against the two Arabic code pages by how much of the decoded text
is Arabic script.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_ARABIC_CP = ("cp1256", "iso8859_6")
_PLAUSIBLE = regex.compile(r"[\p{Arabic}\x20-\x7e\s«»“”…–—]")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text rasd can read (binary, empty, undecodable)."""


def _plausibility(text: str) -> float:
    if not text:
        return 0.0
    return len(_PLAUSIBLE.findall(text)) / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`DecodeError` with a one-line reason."""
    if not data:
        raise DecodeError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(
                    f"undecodable {enc} after its byte-order mark: {e.reason} at byte {e.start}"
                ) from e
            return _check_text(text), enc
    head = data[:65536]
    if b"\x00" in head:
        raise DecodeError("binary data (NUL bytes and no UTF-16 byte-order mark)")
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        candidates[best.encoding] = str(best)
    for enc in _ARABIC_CP:
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise DecodeError("undecodable: not UTF-8, UTF-16 with BOM, Windows-1256 or ISO-8859-6")
    # Prefer the reading with the most Arabic-script and ASCII text; ties go to cp1256, the commoner page.
    order = {"cp1256": 2, "iso8859_6": 1}
    enc, text = max(candidates.items(), key=lambda kv: (round(_plausibility(kv[1]), 3), order.get(kv[0], 0)))
    if _plausibility(text) < 0.85:
        raise DecodeError(f"undecodable or binary (best guess {enc} gives mostly unexpected characters)")
    return _check_text(text), enc


def _check_text(text: str) -> str:
    if not text.strip():
        raise DecodeError("no text (only white space)")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise DecodeError("binary data (control characters)")
    return text
