"""An organization head noun (البنك، المحكمة ...) takes a definite complement, never a particle after it."""

from __future__ import annotations

from entities_helpers import analyze_entities


def test_a_particle_after_a_head_noun_is_no_complement() -> None:
    # written for this test in news style
    doc = analyze_entities("وارتفع سعر الشيكل. وقال محافظ البنك إن الشيكل سيواصل الارتفاع.")
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert not [t for t in texts if "البنك" in t], texts
