"""The entity layer can run in several threads at once (a web server's worker threads)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import rasd


@pytest.fixture
def frequent_thread_switches():
    # switch threads every microsecond so that shared per-sentence state (a crfsuite Tagger) would be clobbered
    # between set() and tag(): with a shared tagger this test fails with ValueError, as we checked
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def test_concurrent_analyses_match_sequential(examples_dir, frequent_thread_switches):
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))] * 4

    def mentions(t: str):
        d = rasd.analyze(t)
        return [(e.type, m.start, m.end) for e in d.entities for m in e.mentions]

    expected = [mentions(t) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(mentions, texts))
    assert got == expected
