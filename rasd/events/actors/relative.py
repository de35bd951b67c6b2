"""Relative clauses: a resumptive pronoun after the verb (خطوة نددت بها موسكو) points back at the head noun."""

from __future__ import annotations

import re

from ..context import Tok

_RESUMPTIVE = re.compile(
    r"^(?:[بل]|عن|من|في|الي|علي)?(?:ه|ها|هم|هما)$|^(?:عليه|عليها|اليه|اليها|منه|منها|فيه|فيها|عنه|عنها)$"
)


def resumptive(toks: list[Tok], k: int) -> bool:
    """A preposition with a pronoun right after a relative clause's verb (نددت بها): it points at the head noun."""
    return k < len(toks) and toks[k].token.kind == "word" and bool(_RESUMPTIVE.match(toks[k].token.norm))
