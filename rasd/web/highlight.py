"""Turn a Document's spans into flat, non-overlapping pieces the page template can render safely.

Spans from different layers overlap freely (an entity inside a quote, a date inside an entity name), so the
text of each block is cut at every span boundary; each piece then knows which entity, date, quote and cue it
belongs to. The template escapes every piece's text; nothing here builds HTML.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..document import Document, Entity, Quote

SPEAKER_UNKNOWN = "متحدث غير محدد"
SPEAKER_ANONYMOUS = "مصدر غير مسمى"


@dataclass(frozen=True)
class EntityMark:
    id: str
    type: str
    name: str
    name_en: str | None
    link: str


@dataclass(frozen=True)
class TimexMark:
    id: str
    type: str
    value: str | None
    mod: str | None

    @property
    def title(self) -> str:
        value = self.value or "؟"
        return f"{self.type}: {value}" + (f" ({self.mod})" if self.mod else "")


@dataclass(frozen=True)
class EventMark:
    id: str
    type: str
    mode: str | None
    modality: str

    @property
    def title(self) -> str:
        kind = self.type + (f"/{self.mode}" if self.mode else "")
        return kind if self.modality == "occurred" else f"{kind} ({self.modality})"


@dataclass
class Piece:
    text: str
    start: int
    entity: EntityMark | None = None
    timex: TimexMark | None = None
    event: EventMark | None = None  # the piece is (part of) an event's trigger
    quote: str | None = None  # id of the innermost quote the piece lies in
    quote_kind: str | None = None
    cue: bool = False
    speaker: bool = False
    chips: list[str] = field(default_factory=list)  # speaker labels of quotes that start here

    @property
    def plain(self) -> bool:
        return not (self.entity or self.timex or self.event or self.quote or self.cue or self.speaker)


@dataclass
class RenderedBlock:
    kind: str
    start: int
    end: int
    pieces: list[Piece]


def entity_key(entity: Entity) -> str:
    """What the corpus knows an entity by: its KB id when linked, else its canonical name."""
    return entity.kb_id or entity.name


def speaker_label(doc: Document, quote: Quote) -> str:
    sp = quote.speaker
    if sp is None:
        return SPEAKER_UNKNOWN
    ent = doc.entity(sp.entity)
    if ent is not None:
        return ent.name
    if sp.text.strip():
        return sp.text
    return SPEAKER_ANONYMOUS if sp.anonymous else SPEAKER_UNKNOWN


def speaker_key(doc: Document, quote: Quote) -> str | None:
    """The name to look the speaker up by in the corpus, or None for unnamed sources."""
    sp = quote.speaker
    if sp is None:
        return None
    ent = doc.entity(sp.entity)
    if ent is not None:
        return entity_key(ent)
    return None if sp.anonymous or not sp.text.strip() else sp.text


def _valid(doc: Document, start: int, end: int) -> bool:
    return 0 <= start < end <= len(doc.text)


def _regions(doc: Document) -> list[tuple[str, int, int]]:
    """Blocks in text order; text outside every block that is not blank becomes a paragraph of its own."""
    n = len(doc.text)
    blocks = sorted(
        ((b.kind, b.start, b.end) for b in doc.blocks if 0 <= b.start < b.end <= n), key=lambda b: b[1]
    )
    regions: list[tuple[str, int, int]] = []
    pos = 0
    for kind, start, end in blocks:
        start = max(start, pos)
        if start >= end:
            continue
        if doc.text[pos:start].strip():
            regions.append(("paragraph", pos, start))
        regions.append((kind, start, end))
        pos = end
    if doc.text[pos:].strip():
        regions.append(("paragraph", pos, n))
    return regions


def render_blocks(doc: Document, entity_link=lambda key: f"/entity/{key}") -> list[RenderedBlock]:
    """The document's text as blocks of pieces; spans outside the text or empty are ignored."""
    regions = _regions(doc)
    starts = [r[1] for r in regions]
    # Per region, the spans that touch it: (start, end, layer, payload).
    local: list[list[tuple[int, int, str, object]]] = [[] for _ in regions]

    def add(start: int, end: int, layer: str, payload: object) -> None:
        if not _valid(doc, start, end):
            return
        i = max(bisect_right(starts, start) - 1, 0)
        while i < len(regions) and regions[i][1] < end:
            if regions[i][2] > start:
                local[i].append((start, end, layer, payload))
            i += 1

    for e in doc.entities:
        mark = EntityMark(e.id, e.type, e.name, e.name_en, entity_link(entity_key(e)))
        for m in e.mentions:
            add(m.start, m.end, "entity", mark)
    for t in doc.timexes:
        add(t.start, t.end, "timex", TimexMark(t.id, t.type, t.value, t.mod))
    for ev in doc.events:
        add(ev.trigger.start, ev.trigger.end, "event", EventMark(ev.id, ev.type, ev.mode, ev.modality))
    for q in doc.quotes:
        add(q.content.start, q.content.end, "quote", q)
        add(q.cue.start, q.cue.end, "cue", None)
        if q.speaker is not None:
            add(q.speaker.start, q.speaker.end, "speaker", None)

    out: list[RenderedBlock] = []
    for (kind, bstart, bend), spans in zip(regions, local, strict=True):
        if kind == "boilerplate":  # later layers ignore boilerplate: the page shows it plain and dimmed
            out.append(RenderedBlock(kind, bstart, bend, [Piece(doc.text[bstart:bend], bstart)]))
            continue
        cuts = {bstart, bend}
        for s, e, _, _ in spans:
            cuts.update(x for x in (s, e) if bstart < x < bend)
        points = sorted(cuts)
        pieces = []
        for a, b in zip(points, points[1:], strict=False):
            piece = Piece(doc.text[a:b], a)
            covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
            piece.entity = _innermost(covering, "entity")
            piece.timex = _innermost(covering, "timex")
            piece.event = _innermost(covering, "event")
            q = _innermost(covering, "quote")
            if q is not None:
                piece.quote, piece.quote_kind = q.id, q.kind
            piece.cue = any(sp[2] == "cue" for sp in covering)
            piece.speaker = any(sp[2] == "speaker" for sp in covering)
            pieces.append(piece)
        out.append(RenderedBlock(kind, bstart, bend, pieces))
    _place_chips(doc, out)
    return out


def _innermost(covering: list[tuple[int, int, str, object]], layer: str):
    best = None
    for sp in covering:
        if sp[2] == layer and (best is None or sp[1] - sp[0] < best[1] - best[0]):
            best = sp
    return None if best is None else best[3]


def _place_chips(doc: Document, blocks: list[RenderedBlock]) -> None:
    """Each quote gets one chip naming its speaker, on the first piece of its content that is shown."""
    pieces = [p for b in blocks if b.kind != "boilerplate" for p in b.pieces]
    piece_starts = [p.start for p in pieces]
    for q in sorted(doc.quotes, key=lambda q: (q.content.start, -q.content.end)):
        if not _valid(doc, q.content.start, q.content.end):
            continue
        i = bisect_left(piece_starts, q.content.start)
        if i < len(pieces) and pieces[i].start < q.content.end:
            pieces[i].chips.append(speaker_label(doc, q))
