"""Quotation marks over raw text: where each direct quote starts and ends.

:func:`find_quotes` scans an article once, left to right, and returns every top-level quoted
span with its character offsets. It knows curly (“ ”), straight (" "), low-high („ “) and
angle (« ») double quotes, and single quotes (‘ ’) both as a top-level quote and nested inside
a double one (a nested quote is part of the outer quote, never a quote of its own). An
apostrophe (’ in "doesn’t", "Russia’s") is not a quote.

A quote left open at the end of a paragraph whose next paragraph opens with the same mark
continues there (the newspaper convention for quotes that run over paragraphs): each
paragraph's part is a :class:`Quote` of its own, with the same ``group``. A quote left open
at a paragraph end without that mark is closed there (``closed`` is false).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

#: opening mark -> the marks that close it
CLOSERS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", "‹": "›", '"': '"', "‘": "’", "‚": "‘’"}
DOUBLE_OPENERS = "“„«\""
SINGLE_OPENERS = "‘‚‹"
SENTENCE_END = ".?!…:"
OPEN_BEFORE = " \t\n([{—–-/:;,"


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quoted span: ``start``/``end`` delimit the words inside the marks (trimmed),
    ``open``/``close`` the marks themselves (``close`` is the offset after the closing mark,
    or the paragraph end when the quote is not closed there)."""

    start: int
    end: int
    open: int
    close: int
    mark: str
    closed: bool = True
    group: int = 0
    continues: bool = False      # this part continues a quote opened in an earlier paragraph


def _is_open_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in OPEN_BEFORE or before in DOUBLE_OPENERS or before in SINGLE_OPENERS) and not after.isspace()


def _is_close_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quote of ``text``, in order.

    Example:
        >>> qs = find_quotes('“It is over,” he said. He called it a ‘reset’ and «a new era».')
        >>> [(q.mark, '“It is over,” he said. He called it a ‘reset’ and «a new era».'[q.start:q.end]) for q in qs]
        [('“', 'It is over,'), ('‘', 'reset'), ('«', 'a new era')]
    """
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []      # (opening mark, offset); stack[0] is the top-level quote
    group = 0
    continues = False
    n = len(text)
    i = 0

    def emit(close: int, closed: bool, inner_end: int) -> None:
        mark, opened = stack[0]
        start, end = opened + 1, inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Quote(start, end, opened, close, mark, closed, group, continues))

    while i < n:
        c = text[i]
        if c == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            breaks = text.count("\n", i, j)
            if stack:
                line_end = i
                while line_end > 0 and text[line_end - 1].isspace():
                    line_end -= 1
                outer = stack[0][0]
                if j < n and (text[j] == outer or (outer == "„" and text[j] == "„")):
                    # the quote runs on: close this paragraph's part, open the next one
                    emit(line_end, False, line_end)
                    stack = [(text[j], j)]
                    continues = True
                    i = j + 1
                    continue
                if breaks >= 2 or (line_end > 0 and text[line_end - 1] in SENTENCE_END) or j >= n:
                    emit(line_end, False, line_end)
                    stack = []
            i = j
            continue
        if not stack:
            if c in DOUBLE_OPENERS or c in SINGLE_OPENERS:
                if c == '"' and not _is_open_context(text, i):
                    i += 1
                    continue
                if c in SINGLE_OPENERS and not (_is_open_context(text, i) and i + 1 < n and text[i + 1].isalpha()):
                    i += 1          # ‘90s, a stray mark
                    continue
                group += 1
                continues = False
                stack = [(c, i)]
            elif c == "”" and _is_open_context(text, i) and not _is_close_context(text, i):
                group += 1           # a closing mark used to open (bad typography)
                continues = False
                stack = [("“", i)]
            i += 1
            continue
        # inside a quote
        closing_at = next((k for k in range(len(stack) - 1, -1, -1) if c in CLOSERS[stack[k][0]]), None)
        if c in ("’", "‘") and closing_at is not None and stack[closing_at][0] in "‘‚" and \
                not _is_close_context(text, i):
            i += 1                   # an apostrophe inside a single-quoted part
            continue
        if c == "“" and closing_at is None and stack[0][0] == "“" and _is_close_context(text, i) and \
                not _is_open_context(text, i):
            closing_at = max(k for k in range(len(stack)) if stack[k][0] == "“")   # “…“ (bad typography)
        if closing_at is not None and (c != '"' or _is_close_context(text, i) or not _is_open_context(text, i)):
            if closing_at == 0:
                emit(i + 1, True, i)
                stack = []
            else:
                del stack[closing_at:]
            i += 1
            continue
        if (c in DOUBLE_OPENERS or c in SINGLE_OPENERS) and (c in "“„«" or _is_open_context(text, i)):
            stack.append((c, i))     # a nested quote (part of the outer one)
        i += 1
    if stack:
        end = n
        while end > 0 and text[end - 1].isspace():
            end -= 1
        emit(end, False, end)
    return out
