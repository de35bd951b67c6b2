"""The quotes layer's per-document indexes give what a plain scan would: the speed-ups of context.py and
spans.py (mentions by offset, quotation regions by start, speakers met so far by head word) change no answer."""

from __future__ import annotations

from rasd import entities, text
from rasd.pipeline import new_document
from rasd.quotes import _token_infos
from rasd.quotes.context import build_context
from rasd.quotes.records import SpeakerRec, speaker_words
from rasd.quotes.spans import has_quote

ARTICLE = (
    'قال وزير الخارجية الأردني أيمن الصفدي إن "الحل السياسي هو السبيل الوحيد" لإنهاء الأزمة.\n'
    "وأضاف الصفدي في مؤتمر صحافي مع نظيره الفرنسي أن «المفاوضات ستستأنف الأسبوع المقبل».\n"
    "من جهتها، أعلنت وزارة الخارجية الفرنسية أن باريس تدعم الجهود الأردنية، وقالت الوزارة إن الاجتماع "
    "المقبل سيعقد في عمّان.\n"
)


def _context():
    doc = new_document(ARTICLE)
    text.annotate(doc)
    entities.annotate(doc)
    ctx = build_context(doc)
    _token_infos(ctx)
    return ctx


def test_mentions_in_matches_a_scan_of_every_mention() -> None:
    ctx = _context()
    assert ctx.mentions
    n = len(ctx.text)
    for start in range(0, n, 3):
        for end in (start + 1, start + 7, start + 40):
            want = [m for m in ctx.mentions if m[0] < end and m[1] > start]
            assert ctx.mentions_in(start, end) == want


def test_has_quote_matches_a_scan_of_the_regions() -> None:
    ctx = _context()
    assert len(ctx.regions) == 2
    n = len(ctx.text)
    for start in range(n):
        for end in (start + 5, start + 60, n):
            first = next((r for r in ctx.regions if r[0] >= start), None)  # the regions are sorted
            want = first is not None and first[0] < end and first[1] < end
            assert has_quote(ctx, start, end) == want


def _strip(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def test_recent_with_head_is_the_last_such_speaker_before_the_offset() -> None:
    ctx = _context()
    # made-up offsets: only the records' order and starts matter here
    spans = [("وزير الخارجية", 4), ("الصفدي", 150), ("وزارة الخارجية", 180), ("الوزارة", 250)]
    for k, (words, at) in enumerate(spans):
        ctx.recent.append(SpeakerRec(at, at + len(words), words))
        for head in ("وزير", "صفدي", "وزاره", "خارجيه"):
            for before in (0, 5, 151, 200, 400):
                want = next(
                    (
                        sp
                        for sp in reversed(ctx.recent)
                        if speaker_words(sp) and _strip(speaker_words(sp)[0]) == head and sp.start < before
                    ),
                    None,
                )
                assert ctx.recent_with_head(head, before) is want, (k, head, before)
