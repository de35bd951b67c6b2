"""Blocks: the article's lines, each a heading, a paragraph or boilerplate left by the site."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..data import read_tsv
from .normalize import normalize

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_TERMINAL = set('.؟?!؛…:"»”')
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = regex.compile(r"\p{Arabic}")
_WORD = regex.compile(r"\w+")
HEADING_MAX_WORDS = 9
HEADING_MAX_CHARS = 80
BOILERPLATE_MAX_CHARS = 120
RELATED_MAX_WORDS = 14


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    scopes: dict[str, list[str]] = {"full": [], "part": [], "lead": []}
    for row in read_tsv("boilerplate.tsv"):
        scopes[row["scope"]].append(row["pattern"])
    return (
        regex.compile("|".join(f"(?:{p})" for p in scopes["full"] + scopes["lead"]), regex.IGNORECASE),
        regex.compile("|".join(f"(?:{p})" for p in scopes["part"])),
        regex.compile("|".join(f"(?:{p})" for p in scopes["lead"]), regex.IGNORECASE),
    )


def leads_to_link(line: str) -> bool:
    """A bare "read also" line (اقرأ أيضاً): the line after it is a related article's headline."""
    return len(line) < BOILERPLATE_MAX_CHARS and bool(_patterns()[2].search(normalize(line).strip()))


def is_related_headline(line: str) -> bool:
    """A line that can be a related article's headline: short, one sentence, no full stop at its end."""
    s = line.strip()
    return len(s) <= HEADING_MAX_CHARS and len(_WORD.findall(s)) <= RELATED_MAX_WORDS and s[-1:] not in ".:"


def is_boilerplate(line: str) -> bool:
    if len(line) >= BOILERPLATE_MAX_CHARS:  # widgets and CMS leftovers are short lines; paragraphs are not
        return False
    full, part, _ = _patterns()
    norm = normalize(line).strip()
    if full.search(norm) or part.search(norm):
        return True
    # A short line in an Arabic article that is mostly Latin letters: a CMS or widget leftover.
    if len(norm) >= 120 or not _LATIN.search(norm):
        return False
    latin = len(_LATIN.findall(norm))
    arabic = len(_ARABIC.findall(norm))
    return latin > 8 and latin > 2 * arabic


def is_heading(line: str) -> bool:
    s = line.strip().lstrip("#").strip()
    if not s or len(s) > HEADING_MAX_CHARS or s[-1] in _TERMINAL or s[-1] in ".,،":
        return False
    words = _WORD.findall(s)
    return 0 < len(words) <= HEADING_MAX_WORDS and bool(_ARABIC.search(s) or _LATIN.search(s))


def split_blocks(text: str) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` for every non-blank line; spans exclude surrounding white space."""
    lines = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        lines.append((s, e))
    blocks = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if is_boilerplate(line) or (
            # a "read also" line is boilerplate itself (its patterns are among the full ones), so the line
            # before is read again only after boilerplate, and only for a line that could be a headline
            blocks
            and blocks[-1][0] == "boilerplate"
            and is_related_headline(line)
            and leads_to_link(text[slice(*lines[i - 1])])
        ):
            kind = "boilerplate"
        elif is_heading(line) and i + 1 < len(lines) and len(lines) > 1:
            # a heading introduces something: it is not the last line, and the next line is longer
            nxt = text[lines[i + 1][0] : lines[i + 1][1]]
            kind = "heading" if len(nxt) > len(line) else "paragraph"
        else:
            kind = "paragraph"
        blocks.append((kind, s, e))
    return blocks
