"""Mentions of an article: the sequence model's names and the knowledge base's matches, sentence by sentence
(model_and_kb.py), then the article-wide rules in order. Where each rule lives:

- mention.py: the Mention record and helpers every rule shares (covered tokens, exact KB ids, proclitics);
- model_spans.py: the model's BIO labels as names, cut before a name they run into;
- kb_names.py: KB matches trimmed, grown or vetted before the model is weighed;
- model_and_kb.py: one sentence's mentions from the two (``recognize_span``);
- places.py, organizations.py, persons.py: names the model missed or mistyped, by type;
- final_spans.py: months, currencies, abbreviations, the last span rules and mention_repairs' repairs;
- propagation.py: a name found once is found at its other occurrences, with its majority type.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..document import Document
from ..text.tokens import Token
from . import mention_repairs, model
from .adjective_bodies import adjective_bodies
from .adjective_countries import without_accusative_nisbas
from .class_noun_places import class_noun_places
from .cues import Cue, match_ranges
from .final_spans import (
    bracketed_abbreviations,
    currency_names,
    is_currency,
    last_span_rules,
    month_in_date,
    quote_heads,
    with_last_repairs,
)
from .generic_places import without_generic_places
from .kb import KB, StemIndex
from .kb_names import all_parties, generic_name, longer_after_descriptor, with_short_conjuncts
from .mention import Mention, covered_tokens, strip_clitics
from .model_and_kb import recognize_span
from .non_person_contexts import without_non_persons
from .organizations import (
    bare_bodies,
    bodies_of_places,
    body_tails,
    named_bodies,
    operations_commands,
    org_head_word,
    org_heads,
    outlets_told,
    party_names,
    state_services,
    with_extra_heads,
)
from .party_short_names import party_short_names
from .person_spans import title_word_surnames
from .persons import (
    lone_given_names,
    persons_after_titled_bodies,
    surnames_after_compound_given_names,
    surnames_of_named,
)
from .places import datelines, place_heads, places_after_heads, short_names_of_named, towns_of_duals
from .propagation import propagate
from .set_phrases import apply_set_phrases
from .title_portfolios import without_bare_portfolios, without_title_portfolios
from .vessel_names import without_vessel_names
from .visited_places import visited_places
from .weekday_names import without_weekday_names

# the names other modules and tests import from here
__all__ = ["Mention", "propagate", "recognize", "recognize_span", "sentence_ranges", "strip_clitics"]


def sentence_ranges(doc: Document, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [lo, hi) of the document's sentences (tokens outside any sentence form their own)."""
    out = []
    i, n = 0, len(tokens)
    for s in doc.sentences:
        while i < n and tokens[i].end <= s.start:
            out.append((i, i + 1))
            i += 1
        lo = i
        while i < n and tokens[i].start < s.end:
            i += 1
        if i > lo:
            out.append((lo, i))
    if i < n:
        out.append((i, n))
    return out


ORG_HEADS = True


def recognize(
    doc: Document,
    kb: KB | None,
    single_sentence: bool = False,
    ranges: Sequence[tuple[int, int]] | None = None,
    cues: dict[tuple[int, int], list[Cue]] | None = None,
    index: StemIndex | None = None,
) -> list[Mention]:
    """Flat, non-overlapping mentions over the document's (non-boilerplate) tokens, in text order. ``ranges``
    (the sentences' token ranges), ``cues`` (``cues.match_ranges`` of them) and ``index`` (the tokens'
    StemIndex) when the caller has them."""
    tokens = doc.tokens
    if index is None:
        index = StemIndex(tokens)
    if ranges is None:
        ranges = [(0, len(tokens))] if single_sentence else sentence_ranges(doc, tokens)
    if cues is None:
        cues = match_ranges(tokens, ranges, index)
    seen = {t.norm for t in tokens if t.kind == "word"}
    p_out = [1.0] * len(tokens)
    out: list[Mention] = []
    rejected: list[Mention] = []
    # the model tags all sentences at once (one numpy pass over the document)
    kb_matches = [kb.match(tokens, lo, hi, index) if kb is not None and len(kb) else [] for lo, hi in ranges]
    if kb is not None and len(kb):
        # وأم درمان, لسد النهضة: a two-letter stem after a clitic (the tokenizer keeps such a word whole)
        # (only in sentences with a three-letter word after a clitic letter, the words that rule reads)
        short = [i for i, t in enumerate(tokens) if len(t.norm) == 3 and t.norm[0] in "وفبلك"]
        kb_matches = [
            with_short_conjuncts(tokens, lo, hi, kb, km)
            if bisect_left(short, lo) != bisect_left(short, hi - 1)
            else km
            for (lo, hi), km in zip(ranges, kb_matches, strict=True)
        ]
        kb_matches = [
            longer_after_descriptor(tokens, hi, kb, km)
            for (_, hi), km in zip(ranges, kb_matches, strict=True)
        ]
    labels, p_model = model.tag_ranges(
        tokens, ranges, kb, kb_matches, [cues.get(r) for r in ranges], index=index
    )
    at = 0
    for (lo, hi), km in zip(ranges, kb_matches, strict=True):
        tagged = labels[at : at + hi - lo], p_model[at : at + hi - lo]
        at += hi - lo
        out.extend(
            recognize_span(
                tokens,
                lo,
                hi,
                kb,
                seen=seen,
                p_out_all=p_out,
                rejected=rejected,
                cues=cues.get((lo, hi)),
                kb_matches=km,
                tagged=tagged,
            )
        )
    if kb is not None and len(kb):
        out = datelines(doc, tokens, ranges, out, kb)
    # a KB entity named clearly once is taken at its other mentions too (الحربي after نادية الحربي)
    named = {i for m in out for i in m.kb_ids if len(m.kb_ids) == 1}
    taken = covered_tokens(out)
    for m in rejected:
        if generic_name(tokens, m) and not (kb is not None and all_parties(kb, m.kb_ids)):
            # a description (القوات الإسرائيلية) even once the army was named; a party's name that looks like
            # one is its name once the party was named (حزب القوات اللبنانية ... القوات اللبنانية)
            continue
        if named.intersection(m.kb_ids) and not taken.intersection(range(m.first, m.last + 1)):
            out.append(m)
    out = [m for m in out if not month_in_date(tokens, m)]
    currencies = currency_names()
    for m in out:
        if is_currency(tokens, m, currencies):
            m.type = "MISC"  # a currency, as ANERcorp tags it, never a place or a body (شيكل، الدينار)
    head_cues = with_extra_heads(tokens, ranges, cues, index) if ORG_HEADS else cues
    if kb is not None and len(kb):
        out += bare_bodies(tokens, ranges, out, kb, cues, index)
        out = bodies_of_places(tokens, ranges, out, kb, head_cues)
    out += outlets_told(tokens, ranges, out, kb, cues, index)
    if kb is not None and len(kb):
        out += towns_of_duals(tokens, out, p_out, kb, index)
        heads = index.starts(quote_heads())
        if heads:
            out = mention_repairs.quoted_names_after_heads(tokens, heads, out, kb)
    if ORG_HEADS:
        out = party_names(tokens, out, kb, index)
        out = operations_commands(tokens, out, index)
        out = state_services(tokens, out, kb, index)
        out += named_bodies(tokens, ranges, out, kb, index)
        out += org_heads(tokens, ranges, out, p_out, kb, head_cues)
        out += place_heads(tokens, ranges, out, p_out, kb, head_cues)
        out = body_tails(tokens, ranges, out, head_cues)
        out = adjective_bodies(tokens, ranges, out, kb, index)
    out = persons_after_titled_bodies(tokens, ranges, out, p_out, kb, cues)
    out = surnames_after_compound_given_names(tokens, out, p_out)
    out = propagate(doc, tokens, ranges, out, p_out, index)
    out = apply_set_phrases(tokens, out, index, ranges)
    out = without_vessel_names(tokens, out, index)
    out = title_word_surnames(tokens, out, index)
    out = party_short_names(tokens, out, kb, index)
    out = visited_places(tokens, out, rejected, kb, ranges)
    out = class_noun_places(tokens, out, rejected, kb, index)
    out = without_accusative_nisbas(tokens, out, kb, p_out)
    out = without_title_portfolios(tokens, out, cues)
    out = without_bare_portfolios(tokens, out, org_head_word)
    out = last_span_rules(tokens, out, kb, frozenset(lo for lo, _ in ranges))
    out.sort(key=lambda m: m.start)
    out = bracketed_abbreviations(tokens, out, kb, p_out)
    out = lone_given_names(tokens, out)
    if kb is not None and len(kb):
        out = with_last_repairs(tokens, out, kb)
        out = short_names_of_named(tokens, out, index)
    out = without_weekday_names(tokens, out)
    out = without_non_persons(tokens, out)
    out = without_generic_places(tokens, out)
    places_after_heads(tokens, out)
    surnames_of_named(tokens, out)
    return out
