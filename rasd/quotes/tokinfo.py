"""What the quotes layer needs to know about one token, computed once per distinct token text: its function
word roles, whether it is a complementizer, a reporting verb, or may open an attribution or channel phrase.
The rules then ask these questions with a lookup instead of re-reading the token's clitic forms."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..text import normalize
from ..text.tokens import Token
from .context import PUNCT_END
from .cues import verb_cue
from .lexicon import Cue, Lexicon
from .spans import COMMAS

_COMP_PREFIXES = frozenset({"", "ب", "و", "وب", "ف"})
_FIRST_COMP_PREFIXES = frozenset({"", "ب"})
TOKEN_CACHE: dict[str, TokInfo] = {}
# the texts in TOKEN_CACHE whose TokInfo.any is true: a set lookup per token finds the few the rules visit
# without reading every token's TokInfo (see quotes._token_infos)
ANY_TEXTS: set[str] = set()
TOKEN_CACHE_MAX = 200_000


@dataclass(frozen=True, slots=True)
class TokInfo:
    roles: frozenset[str]
    comp: bool  # أن، إن، بأن، وأن…
    comp_first: bool  # the same without a conjunction: a verb's first complement
    verb: tuple[Cue, bool] | None  # reporting verb or participle, and whether it carries an object pronoun
    attr: bool  # may start an attribution phrase
    chan: bool  # may start a channel phrase
    lpp: bool = False  # opens a phrase with ل: للرئيس، لـ، لوكالة
    audience: bool = False  # ل before those spoken to: للصحافيين، لنظيره
    # the attribution phrases (cues.tsv) that may start here, as (words, mode): read by cues.attribution_at
    attr_cands: tuple[tuple[tuple[str, ...], str], ...] = ()
    # the second words of those phrases when all have two words or more: a phrase matches only if the next
    # token starts with one of them (cues._match_seq), so most tokens (على without حد) are rejected at once
    attr_next: tuple[str, ...] | None = None
    # a word at which spans.clause_end must stop and look (a comma, an attribution, a contrast word), so that
    # it can jump from one such word to the next instead of visiting every token
    mark: bool = False
    any: bool = False  # verb, attr, chan or mark: the token is one the rules visit (set by token_info)
    # a word none of spans.scan_after's tests stops at (no function-word role, not a cue, complementizer,
    # ل/ب phrase or a verb's preposition): inside a speaker's phrase it only extends the phrase
    plain: bool = False


NONE = TokInfo(frozenset(), False, False, None, False, False)
_CONTRAST = frozenset({"contrast", "contrast_comp"})
# word lists read by a lookup in lex.words, not token roles: a role would make the word stop a name's scan
_LOOKUP_ONLY = frozenset(
    {
        "name_particle",
        "after_words",
        "quantifier",
        "manner",
        "stance_noun",
        "stance_announcer",
        "before_verb",
        "honorific_pronoun",
        "object_only",
        "to_pronoun",
        "lead_adverbial",
    }
)


def _l_pp(lex: Lexicon, tok: Token) -> bool:
    """لل+noun, لـ written apart, or ل before a channel, a medium or a title (قال للرئيس، لوكالة، لقناة)."""
    norm = tok.norm
    if norm == "ل" or tok.text.startswith("لـ"):
        return True
    if not norm.startswith("ل") or len(norm) < 4:
        return False
    if norm.startswith("لل"):
        return True
    stem = norm[1:]
    return stem in lex.anonymous or stem in lex.titles or (stem,) in lex.channels


def _audience(lex: Lexicon, tok: Token) -> bool:
    norm = tok.norm
    if not norm.startswith("ل") or len(norm) < 4:
        return False
    words = lex.words["audience"]
    return norm[1:] in words or (norm.startswith("لل") and "ال" + norm[2:] in words)


def _roles(lex: Lexicon, tok: Token) -> frozenset[str]:
    norm = tok.norm
    out = set()
    for role, words in lex.words.items():
        if role in _LOOKUP_ONLY:
            continue
        if norm in words or (len(norm) > 1 and norm[0] in "وف" and norm[1:] in words):
            out.add(role)
        elif norm and norm[0] in "وف" and any(k == 1 and stem in words for k, stem in tok.forms):
            out.add(role)
    return frozenset(out)


def _comp(lex: Lexicon, tok: Token, prefixes: frozenset[str]) -> bool:
    comps = lex.words["complementizer"]
    norm = tok.norm
    # بأن is too short for the text layer to strip, so prefixes are also read off here
    if any(norm.startswith(p) and norm[len(p) :] in comps for p in prefixes):
        return True
    return any(stem in comps and normalize(tok.text[:k]) in prefixes for k, stem in tok.forms)


def token_info(lex: Lexicon, tok: Token) -> TokInfo:
    info = TOKEN_CACHE.get(tok.text)
    if info is None and tok.kind != "word":
        roles = _roles(lex, tok)
        mark = tok.norm in COMMAS or bool(roles & _CONTRAST)
        info = (
            TokInfo(roles, False, False, None, False, False, mark=mark, any=mark) if roles or mark else NONE
        )
        TOKEN_CACHE[tok.text] = info
        if info.any:
            ANY_TEXTS.add(tok.text)
    elif info is None:
        stems = [stem for k, stem in tok.forms if k <= 1]
        roles = _roles(lex, tok)
        attr = any(s in lex.attr_first for s in stems)
        cands = tuple(c for s in stems for c in lex.attr_first.get(s, ()))
        info = TokInfo(
            roles=roles,
            comp=_comp(lex, tok, _COMP_PREFIXES),
            comp_first=_comp(lex, tok, _FIRST_COMP_PREFIXES),
            verb=verb_cue(lex, tok),
            attr=attr,
            chan=any((s,) in lex.channels or s in lex.channel_first for _k, s in tok.forms),
            lpp=_l_pp(lex, tok),
            audience=_audience(lex, tok),
            attr_cands=cands,
            attr_next=tuple({seq[1] for seq, _m in cands})
            if cands and all(len(q) > 1 for q, _m in cands)
            else None,
            mark=attr or tok.norm in COMMAS or bool(roles & _CONTRAST),
        )
        if info.verb is not None or info.attr or info.chan or info.mark:
            info = replace(info, any=True)
        norm = tok.norm
        if (
            norm
            and not roles
            and not info.comp_first
            and info.verb is None
            and not attr
            and not info.lpp
            and not info.audience
            and norm != ":"
            and norm not in PUNCT_END
            and norm[0] != "ب"
            and norm[0] != "ل"  # لرويترز: ل fused to a name may open the addressee (spans._l_name)
            and norm not in lex.preps
        ):
            info = replace(info, plain=True)
        if len(TOKEN_CACHE) < TOKEN_CACHE_MAX:
            TOKEN_CACHE[tok.text] = info
            if info.any:
                ANY_TEXTS.add(tok.text)
    return info
