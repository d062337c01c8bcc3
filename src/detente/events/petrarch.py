"""Read PETRARCH-format dictionaries in place: verbs, actors, agents and discards.

detente never ships these files; a user points at the ones they have. The formats are those of
the PETRARCH/TABARI coders:

- **verbs**: ``&SYNSET`` blocks of ``+member`` lines; ``--- NAME [code] ---`` blocks listing the
  verb's words (``{irregular forms}``, ``+MULTI_WORD`` alternatives, ``WIRE_+TAP`` with the
  head marked ``+``) and ``- pattern [code]`` lines.
- **actors**: ``NAME [CODE]`` or a name followed by ``+ALIAS`` lines and indented
  ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` restrictions; ``A/B`` codes are
  compounds; ``---`` marks a known non-actor.
- **agents**: ``NAME {plurals} [~CODE]`` (suffix) or ``[CODE~]`` (prefix), with ``!SUBST! =
  A, B`` substitution lists.
- **discards**: phrases; a sentence containing one is not coded (``+`` marks story level).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.events.lexicon import ActorEntry, AgentEntry, DatedCodes, Lexicon
from detente.events.patterns import Pattern, PatternError, parse_pattern, split_words
from detente.events.verbs import VerbDictionary, VerbEntry, VerbsError, _ordered

__all__ = ["PetrarchDictionaries", "load_petrarch", "load_petrarch_actors", "load_petrarch_discards",
           "load_petrarch_verbs"]

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
_BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass
class PetrarchDictionaries:
    """The dictionaries of one PETRARCH set-up."""

    verbs: VerbDictionary
    actors: Lexicon
    discards: tuple[tuple[str, ...], ...]


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text without comments), blank lines kept as ''."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"<!\s*--.*?-->", "", text)
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line.split("#", 1)[0].rstrip()


def _words(name: str) -> str:
    """A dictionary name as plain words: ``ARNOR_`` -> ``arnor``; ``MINAS_TIRITH`` -> ``minas tirith``."""
    return " ".join(name.replace("_", " ").split()).lower()


# ---------------------------------------------------------------------------------------- verbs

def _verb_forms(word: str) -> set[str]:
    """Regular English forms of a verb (what PETRARCH generates when none are listed)."""
    w = word.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", w) and len(w) <= 4:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _verb_words(spec: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """``WIRE_+TAP`` -> (('wire',), 'tap', ()); ``BREAK_DOWN`` -> ((), 'break', ('down',))."""
    parts = [p for p in spec.lstrip("+").split("_") if p]
    head = next((k for k, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+").lower() for p in parts]
    return tuple(parts[:head]), parts[head], tuple(parts[head + 1:])


def load_petrarch_verbs(path: Path) -> VerbDictionary:
    """Read a PETRARCH verb dictionary.

    Every word of a block shares the block's patterns; a word's own ``[code]`` overrides the
    block's default. Forms are the listed ones, or the regular ones generated from the word.

    As in PETRARCH, a block's patterns are filed under its first word, so two blocks that
    start with the same word ("--- SHOT [---] ---" and "--- SHOT [223] ---") pool their
    patterns, and a word (or form) listed again later in the file takes the later listing's
    code and patterns. A block header needs no closing dashes ("--- TROUBLED [---]", left
    when a comment is cut off). Synset members also match their plural, unless the member
    or the synset's label ends in ``_``.
    """
    synsets: dict[str, list[str]] = {}
    singular: set[str] = set()      # synsets whose label ends in "_": no plurals
    blocks: list[dict] = []
    current: dict | None = None
    synset: str | None = None
    problems: list[str] = []
    for n, line in _lines(path):
        s = line.strip()
        if not s:
            synset = None
            continue
        if s.startswith("&") and not line.startswith((" ", "\t")):
            label = s.split()[0][1:]
            synset = label.rstrip("_").lower()
            synsets.setdefault(synset, [])
            if label.endswith("_"):
                singular.add(synset)
            current = None
            continue
        if s.startswith("---"):
            synset = None
            header = _block_header(s)
            if header is None:
                problems.append(f"line {n}: cannot read block header {s!r}")
                current = None
                continue
            current = {"name": header[0], "code": header[1], "words": [], "patterns": []}
            blocks.append(current)
            continue
        if synset is not None and s.startswith("+"):
            synsets[synset].append(s[1:].strip())
            continue
        if current is None:
            continue
        if s.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", s)
            if m:
                current["patterns"].append((m.group(1), m.group(2).strip()))
            else:
                problems.append(f"line {n}: cannot read pattern {s!r}")
            continue
        # a verb word line: WORD {FORMS} [code]
        m = re.match(r"(\+?[^\s{\[]+(?:\s+[^\s{\[+]+)*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s)
        if not m:
            problems.append(f"line {n}: cannot read verb {s!r}")
            continue
        word = m.group(1).replace(" ", "_")
        forms = m.group(2)[1:-1].split() if m.group(2) else []
        code = m.group(3)[1:-1].strip() if m.group(3) else None
        current["words"].append((word, forms, code))

    # synsets may name other synsets
    def expand(name: str, seen: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for member in synsets.get(name, ()):
            if member.startswith("&"):
                inner = member[1:].rstrip("_").lower()
                if inner not in seen:
                    out += expand(inner, seen | {name})
            else:
                words = split_words(member.replace("_", " "))
                if words and words not in out:
                    out.append(words)
                plural = None if member.endswith("_") or name in singular else _synset_plural(words)
                if plural and plural not in out:
                    out.append(plural)
        return out

    expanded = {name: tuple(expand(name)) for name in synsets}
    # patterns are filed under a block's first word: blocks starting with the same word pool them
    pooled: dict[str, list[Pattern]] = {}
    for b in blocks:
        if not b["words"]:
            continue
        pool = pooled.setdefault(b["words"][0][0].upper(), [])
        for text, code in b["patterns"]:
            try:
                pool.append(parse_pattern(text, code, expanded))
            except PatternError as exc:
                problems.append(f"verb {b['name']}: {exc}")
    # a word, and each of its forms, goes to the last block that lists it
    listing: dict[tuple[tuple[str, ...], str, tuple[str, ...]], tuple[dict, str, str]] = {}
    owner: dict[tuple[tuple[str, ...], str, tuple[str, ...]], tuple[tuple[str, ...], str, tuple[str, ...]]] = {}
    for b in blocks:
        for word, listed, code in b["words"]:
            before, head, after = _verb_words(word)
            key = (before, head, after)
            listing.pop(key, None)          # re-insert: the entry keeps the later position
            listing[key] = (b, b["words"][0][0].upper(), code or b["code"])
            for form in sorted(_verb_forms(head) | {_verb_words(f)[1] for f in listed}):
                owner.pop((before, form, after), None)
                owner[(before, form, after)] = key
    forms_of: dict[tuple[tuple[str, ...], str, tuple[str, ...]], set[str]] = {}
    for (_, form, _), key in owner.items():
        forms_of.setdefault(key, set()).add(form)
    ordered = {first: _ordered(pool) for first, pool in pooled.items()}
    verbs: list[VerbEntry] = []
    for key, (b, first, code) in listing.items():
        if key in forms_of:
            before, _, after = key
            verbs.append(VerbEntry(name=b["name"], code=code, forms=frozenset(forms_of[key]),
                                   patterns=ordered.get(first, ()), before=before, after=after))
    if not verbs:
        raise VerbsError(str(path), problems or ["no '--- VERB [code] ---' block found: not a PETRARCH verb dictionary"])
    d = VerbDictionary(name=path.name, verbs=verbs, synsets=expanded, lemma_mode=False)
    d.problems = problems  # type: ignore[attr-defined]
    return d


def _block_header(s: str) -> tuple[str, str] | None:
    """``--- NAME [code] ---`` -> (NAME, code): the first bracket is the block's code (``---``
    without one); the closing dashes may be missing or run into the bracket, and further
    brackets are ignored. None when there is no name or a bracket is left open."""
    body = s[3:]
    name = body.split("[", 1)[0].strip().strip("-").strip()
    if not name or body.count("[") != body.count("]"):
        return None     # no name, or a bracket left open: the code cannot be trusted
    codes = _BRACKET.findall(body)
    return name, (codes[0].strip() or "---") if codes else "---"


def _synset_plural(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The plural PETRARCH adds for a synset member, on its last word ("resolution" ->
    "resolutions"); none for a word already ending in "s" or not a word."""
    if not words or not words[-1].isalpha() or words[-1].endswith("s"):
        return None
    return split_words(_plural(" ".join(words)))


# --------------------------------------------------------------------------------------- actors

def _date(text: str) -> dt.date:
    t = text.strip()
    if len(t) == 6:
        year = int(t[:2])
        t = f"{1900 + year if year > 30 else 2000 + year}{t[2:]}"
    return dt.date(int(t[:4]), int(t[4:6]), int(t[6:8]))


def _code_block(inner: str) -> tuple[tuple[str, ...], dt.date | None, dt.date | None, bool]:
    """``HOB < 950601`` -> (('HOB',), None, 1995-05-31, True); ``ELR/GAL`` -> compound, undated."""
    inner = inner.strip()
    m = re.match(r"^(\S+)\s*(.*)$", inner)
    code, rest = (m.group(1), m.group(2).strip()) if m else (inner, "")
    codes = tuple(c for c in code.split("/") if c)
    if not rest:
        return codes, None, None, False
    if rest.startswith("<"):
        return codes, None, _date(rest[1:]) - dt.timedelta(days=1), True
    if rest.startswith(">"):
        return codes, _date(rest[1:]) + dt.timedelta(days=1), None, True
    a, _, b = rest.partition("-")
    return codes, _date(a), _date(b), True


def load_petrarch_actors(paths: Iterable[Path], agents: Iterable[Path] = ()) -> Lexicon:
    """Read PETRARCH actor and agent dictionaries into one :class:`Lexicon` (case-insensitive)."""
    lex = Lexicon("petrarch")
    for path in paths:
        names: list[str] = []
        blocks: list[tuple[tuple[str, ...], dt.date | None, dt.date | None, bool]] = []

        def flush() -> None:
            if not names:
                return
            default = next((b[0] for b in blocks if not b[3]), ())
            dated = tuple(DatedCodes(b[0], b[1], b[2]) for b in blocks if b[3])
            entry = ActorEntry(_words(names[0]), "actor", default, dated)
            for nm in names:
                lex.add(_words(nm), entry, case="any")
                words = split_words(_words(nm))
                if len(words) > 1 and " " in nm.strip():      # a blank: other words may come between
                    lex.gapped.setdefault(words[0], []).append((words, entry))

        for _, line in _lines(path):
            s = line.strip()
            if not s:
                continue
            if line[0] in " \t" and s.startswith("["):
                blocks.extend(_code_block(x) for x in _BRACKET.findall(s))
                continue
            if s.startswith("+"):
                names.append(_BRACKET.split(s[1:])[0].strip())
                blocks.extend(_code_block(x) for x in _BRACKET.findall(s))
                continue
            if s.startswith(("<", "[")):
                continue
            flush()
            names, blocks = [_BRACKET.split(s)[0].strip()], [_code_block(x) for x in _BRACKET.findall(s)]
        flush()
    for path in agents:
        subst: dict[str, list[str]] = {}
        for _, line in _lines(path):
            s = line.strip()
            if not s:
                continue
            m = re.match(r"^(!\w+!)\s*=\s*(.+)$", s)
            if m:
                subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = re.match(r"^([^{\[]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*?)\s*\]", s)
            if not m:
                continue
            name, plurals, code = m.group(1).strip(), m.group(2), m.group(3)
            prefix = code.endswith("~")
            entry = AgentEntry(_words(name), code.strip("~"), prefix=prefix)
            for variant in _substitute(name, subst):
                lex.add(_words(variant), entry, case="any")
                if plurals is None:
                    lex.add(_plural(_words(variant)), entry, case="any")
            if plurals:
                for p in plurals[1:-1].split():
                    lex.add(_words(p), entry, case="any")
    return lex


def _substitute(name: str, subst: dict[str, list[str]]) -> list[str]:
    for key, values in subst.items():
        if key in name:
            return [v for value in values for v in _substitute(name.replace(key, value, 1), subst)]
    return [name]


def _plural(words: str) -> str:
    *rest, last = words.split()
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return " ".join((*rest, last))


def load_petrarch_discards(path: Path) -> tuple[tuple[str, ...], ...]:
    """Discard phrases as token tuples (story- and sentence-level alike)."""
    out = []
    for _, line in _lines(path):
        s = line.strip().lstrip("+").strip()
        if s and not s.startswith("<"):
            out.append(split_words(_words(_BRACKET.split(s)[0])))
    return tuple(w for w in out if w)


def load_petrarch(verbs: Path, actors: Iterable[Path], agents: Iterable[Path] = (),
                  discards: Iterable[Path] = ()) -> PetrarchDictionaries:
    """Load a PETRARCH set-up from its files."""
    return PetrarchDictionaries(
        verbs=load_petrarch_verbs(verbs),
        actors=load_petrarch_actors(actors, agents),
        discards=tuple(d for p in discards for d in load_petrarch_discards(p)),
    )
