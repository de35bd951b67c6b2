"""The pipeline pauses the cyclic garbage collector while the layers run, and always leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from rasd import pipeline
from rasd.pipeline import analyze

TEXT = "قال وزير الخارجية في مؤتمر صحفي يوم الأحد إن المحادثات ستستأنف الأسبوع المقبل في جنيف."


def _spy_layer(seen: list[bool]):
    def step(doc, kb):
        seen.append(gc.isenabled())

    return ("spy", step)


def test_collector_paused_during_layers_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(pipeline, "LAYERS", [*pipeline.LAYERS, _spy_layer(seen)])
    assert gc.isenabled()
    doc = analyze(TEXT, published="2024-03-10")
    assert seen == [False]
    assert gc.isenabled()
    assert doc.timexes and doc.sentences


def test_collector_left_off_when_the_caller_turned_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(pipeline, "LAYERS", [*pipeline.LAYERS, _spy_layer(seen)])
    gc.disable()
    try:
        analyze(TEXT)
        assert seen == [False]
        assert not gc.isenabled()  # not turned on behind the caller's back
    finally:
        gc.enable()


def test_collector_restored_when_a_layer_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(doc, kb):
        raise RuntimeError("layer failed")

    monkeypatch.setattr(pipeline, "LAYERS", [*pipeline.LAYERS[:1], ("boom", boom)])
    with pytest.raises(RuntimeError):
        analyze(TEXT)
    assert gc.isenabled()
