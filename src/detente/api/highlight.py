"""Article text as HTML with its evidence marked: every piece of text is escaped, and the
only markup is ours (``<span class="sentence" id="s3">`` and ``<mark class="...">``).

Spans may overlap (a source actor inside a quote): the text is cut at every span edge and
each piece carries the classes of all the spans that cover it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Mark", "evidence_marks", "highlight"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the article text to mark: offsets, a CSS class, a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""


def evidence_marks(events: Iterable[dict[str, Any]], statements: Iterable[dict[str, Any]]) -> list[Mark]:
    """Marks for the parties and triggers of ``events`` and the quotes, speakers and cues of
    ``statements`` (rows as the store's queries return them)."""
    marks: list[Mark] = []
    for e in events:
        label = f"{e.get('cameo', '')} {e.get('plover') or ''}".strip()
        marks.append(Mark(e["trigger_start"], e["trigger_end"], "trigger", f"trigger: {label}"))
        for side, kind in (("source", "source"), ("target", "target")):
            for party in e.get(side) or []:
                if party.get("start_char") is not None and party.get("end_char") is not None:
                    marks.append(Mark(party["start_char"], party["end_char"], kind, f"{kind}: {party.get('code') or '?'}"))
    for s in statements:
        marks.append(Mark(s["start_char"], s["end_char"], "quote", "quote" if s.get("direct") else "reported speech"))
        if s.get("speaker_start") is not None and s.get("speaker_end") is not None:
            who = s.get("speaker_name") or s.get("speaker_text") or "?"
            marks.append(Mark(s["speaker_start"], s["speaker_end"], "speaker", f"speaker: {who} {s.get('speaker_code') or ''}".strip()))
        if s.get("cue_start") is not None and s.get("cue_end") is not None:
            marks.append(Mark(s["cue_start"], s["cue_end"], "cue", "speech cue"))
    return marks


def _pieces(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[lo:hi])
        cover = [m for m in inside if m.start <= lo and m.end >= hi]
        if not cover:
            out.append(piece)
            continue
        kinds = " ".join(sorted({m.kind for m in cover}))
        titles = "; ".join(dict.fromkeys(m.title for m in cover if m.title))
        title = f' title="{escape(titles)}"' if titles else ""
        out.append(f'<mark class="{escape(kinds)}"{title}>{piece}</mark>')
    return "".join(out)


def highlight(text: str, sentences: Sequence[dict[str, Any]], marks: Sequence[Mark],
              evidence: Iterable[int] = ()) -> Markup:
    """The whole ``text`` as HTML: each sentence a ``<span id="s{idx}">`` (class ``evidence``
    for the indices in ``evidence``), marks inside sentences, everything else escaped.

    Example:
        >>> str(highlight("<b>Hi</b> Putin.", [{"idx": 0, "start_char": 0, "end_char": 16}],
        ...               [Mark(10, 15, "source", "RUS")], evidence=[0]))
        '<span class="sentence evidence" id="s0">&lt;b&gt;Hi&lt;/b&gt; <mark class="source" title="RUS">Putin</mark>.</span>'
    """
    chosen = set(evidence)
    out: list[str] = []
    pos = 0
    for s in sorted(sentences, key=lambda s: s["start_char"]):
        start, end = max(pos, s["start_char"]), s["end_char"]
        if end <= start:
            continue
        out.append(str(escape(text[pos:start])))
        css = "sentence evidence" if s["idx"] in chosen else "sentence"
        out.append(f'<span class="{css}" id="s{int(s["idx"])}">{_pieces(text, start, end, marks)}</span>')
        pos = end
    out.append(_pieces(text, pos, len(text), marks) if pos < len(text) else "")
    return Markup("".join(out))
