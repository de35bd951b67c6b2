"""The ما of سرعان ما (soon) is no negation: وسرعان ما ندد X بالقرار happened."""

from __future__ import annotations

from rasd.pipeline import analyze


def _modalities(text: str) -> list[tuple[str, str]]:
    doc = analyze(text, published="2022-10-17")
    return [(ev.type, ev.modality) for ev in doc.events]


def test_soon_condemned_occurred() -> None:
    text = "وسرعان ما ندد المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني بالقرار."
    assert _modalities(text) == [("ACCUSE", "occurred")]


def test_a_plain_ma_still_negates() -> None:
    text = "وما ندد المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني بالقرار."
    assert _modalities(text) == [("ACCUSE", "negated")]
