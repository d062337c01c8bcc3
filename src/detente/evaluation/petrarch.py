"""Run PETRARCH's unit-test records through detente's coder, from their text only.

The records file (``PETR.UnitTest.records.xml``) names its dictionaries in ``<Environment>``;
they are read in place from the same folder. ``<Config>`` elements between records change
options (``require_dyad``, ``new_actor_length``) for the records after them, as in PETRARCH.
Each record's text is parsed with our spaCy model (the records' own Penn Treebank trees are
ignored) and coded with the PETRARCH dictionaries, following PETRARCH's conventions where they differ from ours (the
subject of a passive without a "by" agent is coded as its source). A record is *exactly right* when the set of (source, target, code)
triples equals the gold set (an empty gold set means "no event").

An underscore in a record's text joins words, as in the dictionaries ("Dol_Amroth"): the
record's own parse, which is what PETRARCH codes, has them as separate words
(``(NNP Dol) (NNP Amroth)``), so the text is parsed with a space in its place.

``new_actor_length=N`` (N > 0) codes a source or target noun phrase that names no actor and
no agent and has at most N words as its own actor, quoted (``"THE MINISTRY OF MAGIC"``); N = 0,
the default, turns it off. A coder is built for each (``require_dyad``, ``new_actor_length``)
pair the records use.

Not honoured: the ``comma_*`` lengths of PETRARCH's comma-delimited clause deletion, which
works on the parse tree, skips commas inside noun phrases, and changes no record's outcome
when approximated on our own parse.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from detente.errors import UsageError
from detente.evaluation.scores import Score, score
from detente.events.coder import Coder
from detente.events.petrarch import load_petrarch

__all__ = ["PetrarchRecord", "PetrarchReport", "RecordResult", "coding_text", "evaluate_petrarch", "read_records"]

RECORDS = "PETR.UnitTest.records.xml"


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    id: str
    category: str
    date: dt.date
    text: str
    gold: frozenset[tuple[str, str, str]]
    options: tuple[tuple[str, str], ...]
    is_sentence: bool


@dataclass(frozen=True, slots=True)
class RecordResult:
    record: PetrarchRecord
    predicted: frozenset[tuple[str, str, str]]
    score: Score

    @property
    def exact(self) -> bool:
        return self.predicted == self.record.gold


@dataclass
class PetrarchReport:
    results: list[RecordResult] = field(default_factory=list)

    @property
    def exact(self) -> int:
        return sum(r.exact for r in self.results)

    @property
    def total(self) -> Score:
        out = Score()
        for r in self.results:
            out = out + r.score
        return out

    def by_category(self) -> dict[str, tuple[int, int, Score]]:
        out: dict[str, tuple[int, int, Score]] = {}
        for r in self.results:
            n, ok, s = out.get(r.record.category, (0, 0, Score()))
            out[r.record.category] = (n + 1, ok + r.exact, s + r.score)
        return dict(sorted(out.items()))


def _date(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def read_records(path: Path) -> tuple[dict[str, str], list[PetrarchRecord]]:
    """The environment (file names) and every record, with the options in force for each."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise UsageError("D080", f"cannot read PETRARCH records {path}: {exc}") from exc
    env = root.find("Environment")
    files = {c.tag: (c.text or "").strip() for c in env} if env is not None else {}
    options: dict[str, str] = {}
    records: list[PetrarchRecord] = []
    sentences = root.find("Sentences")
    for el in (sentences if sentences is not None else root):
        if el.tag == "Config":
            options[el.get("option", "")] = el.get("value", "")
            continue
        if el.tag != "Sentence":
            continue
        gold = set()
        for ev in el.findall("EventCoding"):
            s, t, c = ev.get("sourcecode"), ev.get("targetcode"), ev.get("eventcode")
            if s is None and t is None and c is None:
                continue
            gold.add((s or "", t or "", c or ""))
        text_el = el.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        records.append(PetrarchRecord(
            id=el.get("id", ""), category=el.get("category", ""), date=_date(el.get("date", "19000101")),
            text=text, gold=frozenset(gold), options=tuple(sorted(options.items())),
            is_sentence=el.get("sentence", "true").lower() == "true"))
    return files, records


def coding_text(text: str) -> str:
    """A record's text as it is parsed: underscores joining words ("Dol_Amroth", the
    dictionaries' way of writing a multi-word name) become spaces, as in the record's parse."""
    return " ".join(text.replace("_", " ").split())


def _new_actor_length(options: dict[str, str]) -> int:
    """The ``new_actor_length`` in force (0, off, when unset or not an integer, as PETRARCH ignores it)."""
    try:
        return max(0, int(options.get("new_actor_length", "0").strip()))
    except ValueError:
        return 0


def evaluate_petrarch(folder: Path, nlp: Language) -> PetrarchReport:
    """Code every ``sentence="true"`` record of ``folder``'s unit-test file and score it."""
    path = folder / RECORDS if folder.is_dir() else folder
    folder = path.parent
    files, records = read_records(path)
    needed = {k: folder / files[k] for k in ("Verbfile", "Actorfile", "Agentfile", "Discardfile") if files.get(k)}
    missing = [str(p) for p in needed.values() if not p.is_file()]
    if missing or "Verbfile" not in needed or "Actorfile" not in needed:
        raise UsageError("D001", f"PETRARCH dictionaries not found: {', '.join(missing) or 'Verbfile/Actorfile'}")
    dicts = load_petrarch(needed["Verbfile"], [needed["Actorfile"]],
                          [needed["Agentfile"]] if "Agentfile" in needed else [],
                          [needed["Discardfile"]] if "Discardfile" in needed else [])
    coders: dict[tuple[bool, int], Coder] = {}
    todo = [r for r in records if r.is_sentence]
    report = PetrarchReport()
    for record, doc in zip(todo, nlp.pipe(coding_text(r.text) for r in todo), strict=True):
        opts = dict(record.options)
        key = (opts.get("require_dyad", "true").strip().lower() != "false", _new_actor_length(opts))
        coder = coders.get(key)
        if coder is None:
            coder = coders[key] = Coder(dicts.verbs, dicts.actors, discards=dicts.discards, conventions="petrarch",
                                        require_dyad=key[0], new_actor_length=key[1], name="petrarch")
        predicted = frozenset((s, t, e.cameo) for e in coder.code_doc(doc, record.date) for s, t in e.pairs())
        report.results.append(RecordResult(record, predicted, score(record.gold, predicted)))
    return report
