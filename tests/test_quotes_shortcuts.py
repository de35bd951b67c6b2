"""The quotes layer's early exits give the answers of the full rules: an attribution phrase rejected at the
token after its first word (TokInfo.attr_next), the verb cues kept by drop_out_of_place's short path, and the
entity mentions checked in bulk (bad spans still left out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd import entities, text
from rasd.document import Entity, Span
from rasd.pipeline import new_document
from rasd.quotes import _token_infos
from rasd.quotes.context import build_context
from rasd.quotes.cues import _attribution_at, attribution_at

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"

ARTICLE = (
    "أكد وزير الخارجية أن المحادثات ستستمر، على حد قوله، وذلك وفقا لما ذكرته وكالة الأنباء الرسمية.\n"
    "وبحسب البيان، فإن الاجتماع المقبل سيعقد في القاهرة، بحسب ما أفادت به مصادر دبلوماسية.\n"
    "ونقلت الصحيفة عن مسؤول قوله إن الوفد وصل، نقلا عن مصدر في الرئاسة، وعلى الطاولة ملفات عدة.\n"
    "وجاء في البيان أن الطرفين اتفقا على التهدئة، على أن تستأنف المفاوضات وفق جدول زمني.\n"
)


def _context(s: str):
    doc = new_document(s)
    text.annotate(doc)
    entities.annotate(doc)
    ctx = build_context(doc)
    _token_infos(ctx)
    return ctx


def _texts() -> list[str]:
    return [ARTICLE] + ([SEED.read_text(encoding="utf-8")] if SEED.exists() else [])


@pytest.mark.parametrize("k", range(2))
def test_attribution_shortcut_matches_the_full_match(k: int) -> None:
    texts = _texts()
    if k >= len(texts):
        pytest.skip("reference article not available")
    ctx = _context(texts[k])
    n = len(ctx.toks)
    found = 0
    for i in range(n):
        if not ctx.info[i].attr_cands:
            continue
        for end in {n, min(n, i + 1), min(n, i + 2), min(n, i + 4)}:
            want = _attribution_at(ctx, i, end)
            got = attribution_at(ctx, i, end)
            assert (got is None) == (want is None), (ctx.texts[i], end)
            if want is not None:
                assert (got.i, got.j, got.source, got.pronoun) == (want.i, want.j, want.source, want.pronoun)
                found += 1
    if k == 0:
        assert found >= 4  # على حد قوله، وفقا لما ذكرته، وبحسب، بحسب ما أفادت به… are found


def test_attr_next_is_set_only_for_phrases_of_two_words_or_more() -> None:
    ctx = _context(ARTICLE)
    for info in ctx.info:
        if info.attr_next is not None:
            assert info.attr_cands and all(len(seq) > 1 for seq, _mode in info.attr_cands)
            assert set(info.attr_next) == {seq[1] for seq, _mode in info.attr_cands}


def test_verbs_with_a_role_of_their_own_still_meet_the_full_rules() -> None:
    # nothing before ويذكر and مطالبة has a role (a full stop, a verb), so only their own roles send them
    # through the full rules: the writer's formula and the verbal noun are no cues; وأكد is kept
    s = "وأكد الوزير أن الهدنة صامدة. ويذكر أن الوزير زار المدينة أمس. وجددت مطالبة المجتمع الدولي بوقف القتال.\n"
    ctx = _context(s)
    verbs = {ctx.texts[i]: i in ctx.verb_at for i, info in enumerate(ctx.info) if info.verb}
    assert verbs == {"وأكد": True, "ويذكر": False, "مطالبة": False}


def test_plain_verbs_are_dropped_inside_a_name() -> None:
    s = "قال الرئيس إن الوضع مستقر. وصرح محمد بن راشد آل مكتوم بأن الأمر محسوم. وأكد الوزير أن الهدنة صامدة.\n"
    ctx = _context(s)
    for i, info in enumerate(ctx.info):
        if info.verb and not info.roles and not (ctx.info[i - 1].roles if i > 0 else ()):
            assert (i in ctx.verb_at) == (not ctx.inside(i))
    assert any(ctx.norms[i] in ("قال", "وصرح", "واكد") for i in ctx.verb_at)


def test_bad_mention_spans_are_left_out() -> None:
    doc = new_document("قال الرئيس إن الوضع مستقر.\n")
    text.annotate(doc)
    n = len(doc.text)
    good = Span(start=4, end=10, text=doc.text[4:10])
    bad = [
        Span.model_construct(start=-1, end=3, text=""),
        Span.model_construct(start=5, end=5, text=""),
        Span.model_construct(start=n - 2, end=n + 5, text=""),
    ]
    ent = Entity(id="e1", type="PER", name="x", mentions=[good])
    ent.mentions.extend(bad)  # spans no validation would let in, as a faulty layer might leave them
    doc.entities.append(ent)
    ctx = build_context(doc)
    assert [(s, t) for s, t, _e in ctx.mentions] == [(4, 10)]
    assert ctx.longest == 6


def test_visited_tokens_by_text_match_the_token_facts() -> None:
    # the second document's words are all cached: its visited tokens come from ANY_TEXTS, not TokInfo.any
    for s in _texts():
        ctx = _context(s)
        at = [i for i, info in enumerate(ctx.info) if info.any]
        assert ctx.chan_tokens == [i for i in at if ctx.info[i].chan]
        marks = {i for i in at if ctx.info[i].mark} | set(ctx.open_tok)
        assert ctx.marks == sorted(marks)
        attrs = {i for i in at if ctx.info[i].attr}
        assert set(ctx.cue_tokens) == set(ctx.verb_at) | attrs
