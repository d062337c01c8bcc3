"""The ingestion run: sources -> documents -> articles -> (spaCy) -> store, in batches.

``prepare`` is the pure stage (clean, check, identify, date). ``run`` drives it over the
inputs, finds duplicates, and writes one transaction per batch; annotating with spaCy and
coding run in :mod:`detente.workers`, in worker processes when there are several.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.clean import clean_text
from detente.dates import find_date
from detente.identity import NearDuplicateIndex, article_id, signature
from detente.ingest.options import IngestOptions
from detente.language import detect_language
from detente.ingest.sources import Source, discover, read_source
from detente.store import Store
from detente.types import Article, Document, Event, Mention, Problem, Reading, Sentence
from detente.workers import Annotation, annotate_stream, code_article, code_doc

__all__ = ["ProgressCallback", "RunOptions", "RunSummary", "annotate_pending", "choose_n_process", "code_article",
           "code_pending", "prepare", "run"]

#: called with ("sources", total), ("source", 1) after each source, ("article", 1) per article
ProgressCallback = Callable[[str, int], None]
_AUTO_BYTES_PER_PROCESS = 400_000
log = logging.getLogger("detente.pipeline")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run behaves.

    Attributes:
        ingest: how inputs are read.
        annotate: split sentences and find named entities (``detente ingest`` turns it off).
        batch_size: articles per transaction.
        n_process: processes that parse, annotate and code (above one, forked workers and this
            process only reads and writes); 0 chooses from the input size and the cores.
        near_duplicate_threshold: estimated Jaccard similarity that makes a near-duplicate.
        command: the name recorded for the run.
        code: code events from the parsed sentences (needs ``annotate``).
        coder: the event coder (default: our own dictionaries, :func:`detente.events.load_coder`).
    """

    ingest: IngestOptions = field(default_factory=IngestOptions)
    annotate: bool = True
    batch_size: int = 64
    n_process: int = 0
    near_duplicate_threshold: float = 0.8
    command: str = "run"
    code: bool = True
    coder: Any = None


@dataclass(slots=True)
class RunSummary:
    """What a run did. ``read == ingested + duplicates + failed`` always holds;
    near-duplicates are ingested articles linked to an earlier one."""

    run_id: int = 0
    sources: int = 0
    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    warnings: int = 0
    annotated: int = 0
    sentences: int = 0
    mentions: int = 0
    coded: int = 0
    events: int = 0
    statements: int = 0
    issue_mentions: int = 0
    seconds: float = 0.0
    n_process: int = 1
    problems: list[Problem] = field(default_factory=list)

    def add_annotation(self, annotation: Annotation) -> None:
        """Count what one article's annotation holds (made here or in a worker process)."""
        if annotation.sentences is not None:
            self.annotated += 1
            self.sentences += len(annotation.sentences)
            self.mentions += len(annotation.mentions or ())
        if annotation.events is not None:
            self.coded += 1
            self.events += len(annotation.events)
            if annotation.reading is not None:
                self.statements += len(annotation.reading.quotes)
                self.issue_mentions += len(annotation.reading.issues)

    def add_problem(self, problem: Problem) -> None:
        self.problems.append(problem)
        if problem.level == "error":
            self.failed += 1
            self.read += 1
        else:
            self.warnings += 1

    def counts(self) -> dict[str, int]:
        return {
            "items_read": self.read, "ingested": self.ingested, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates, "failed": self.failed, "warnings": self.warnings,
            "annotated": self.annotated,
        }

    def reasons(self) -> Counter[str]:
        """Failures by error code."""
        return Counter(p.code for p in self.problems if p.level == "error")

    def as_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in ("run_id", "sources", "read", "ingested", "duplicates", "near_duplicates",
                                               "failed", "warnings", "annotated", "sentences", "mentions", "coded", "events",
                                               "statements", "issue_mentions", "n_process")}
        data["seconds"] = round(self.seconds, 3)
        data["problems"] = [dataclasses.asdict(p) for p in self.problems]
        return data


def prepare(document: Document, max_chars: int = 1_000_000) -> tuple[Article | None, list[Problem]]:
    """Clean, check, identify and date one document (pure).

    Returns the Article (None when the document cannot be used) and its problems.

    Example:
        >>> article, problems = prepare(Document("RIYADH, Feb. 18, 2025 — Talks began.", "a.txt", "txt"))
        >>> article.published, article.date_method, problems
        (datetime.date(2025, 2, 18), 'dateline', [])
    """
    if len(document.text) > max_chars:
        return None, [Problem(document.locator, "D013", f"input too large: {len(document.text):,} characters, over the limit of {max_chars:,}; split the item or raise --max-chars")]
    text = clean_text(document.text)
    if not text:
        return None, [Problem(document.locator, "D010", "empty input: no text left after cleaning")]
    found = find_date(text, document.date, document.locator)
    title = clean_text(document.title) if document.title else None
    article = Article(
        id=article_id(text), text=text, format=document.format, locator=document.locator, title=title or None,
        path=document.path, url=document.url, source=document.source, external_id=document.external_id,
        encoding=document.encoding, published=found.date, date_method=found.method, date_text=found.text,
        date_start=found.start, date_end=found.end, language=detect_language(text),
    )
    return article, list(found.problems)


def choose_n_process(sources: Sequence[Source], requested: int = 0) -> int:
    """Worker processes for spaCy: as requested, else one per ~400 kB of input, up to the cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if requested > 0:
        return min(requested, cores)
    total = sum(source.size for source in sources)
    return max(1, min(cores, total // _AUTO_BYTES_PER_PROCESS))


class _Batches:
    """Buffers a batch of records and writes it in one transaction."""

    def __init__(self, store: Store, run_id: int, size: int, annotated_by: str | None, coder: str | None = None) -> None:
        self.store, self.run_id, self.size, self.annotated_by, self.coder = store, run_id, size, annotated_by, coder
        self.articles: list[tuple[Article, np.ndarray | None]] = []
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []
        self.problems: list[Problem] = []
        self.annotated: list[str] = []
        self.events: list[Event] = []
        self.coded: list[str] = []
        self.readings: list[Reading] = []

    def add(self, article: Article | None, sig: np.ndarray | None, sentences: list[Sentence] | None = None,
            mentions: list[Mention] | None = None, events: list[Event] | None = None,
            reading: Reading | None = None) -> None:
        if article is not None:
            self.articles.append((article, sig))
        if sentences is not None and article is not None:
            self.annotated.append(article.id)
            self.sentences.extend(sentences)
            self.mentions.extend(mentions or [])
        if events is not None and article is not None:
            self.coded.append(article.id)
            self.events.extend(events)
        if reading is not None:
            self.readings.append(reading)
        if max(len(self.articles), len(self.annotated), len(self.coded)) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not (self.articles or self.problems or self.annotated or self.coded):
            return
        self.store.write_batch(self.run_id, self.articles, self.sentences, self.mentions, self.problems,
                               self.annotated, self.annotated_by, self.events, self.coded, self.coder, self.readings)
        log.info("committed batch: %d articles, %d annotated, %d coded, %d events, %d problems (run %d)",
                 len(self.articles), len(self.annotated), len(self.coded), len(self.events), len(self.problems),
                 self.run_id)
        self.articles, self.sentences, self.mentions, self.problems, self.annotated = [], [], [], [], []
        self.events, self.coded, self.readings = [], [], []


def code_and_read(coder: Any, doc: Any, article_id: str, published: Any, sentences: list[Sentence],
                  summary: RunSummary) -> tuple[list[Event], Reading]:
    """Events, statements, issue mentions and tone of one parsed article, counted in ``summary``."""
    events, reading = code_doc(coder, doc, article_id, published, sentences)
    summary.add_annotation(Annotation(article_id, events=events, reading=reading))
    return events, reading


def _failure_problem(locator: str, stage: str | None, error: str | None) -> Problem:
    """The warning for an article spaCy (``stage="parse"``) or the coder failed on: it is
    stored all the same, and the run goes on."""
    if stage == "parse":
        what, after = "parsing", "stored without sentences; the next run tries again"
    else:
        what, after = "coding", "stored with its sentences but not coded; the next run or 'detente code' tries again"
    return Problem(locator, "D099", f"unexpected error {what} the article: {error}; {after}", "warning")


def _articles(
    sources: Sequence[Source], options: RunOptions, store: Store, summary: RunSummary, batches: _Batches, on_progress: ProgressCallback
) -> Iterator[tuple[Article, np.ndarray | None]]:
    """New articles from the sources, duplicates counted and near-duplicates linked."""
    known = store.article_ids()
    index = NearDuplicateIndex(options.near_duplicate_threshold)
    for key, values in store.canonical_signatures():
        index.add(key, values)

    def problem(item: Problem) -> None:
        summary.add_problem(item)
        batches.problems.append(item)

    for source in sources:
        try:
            for item in read_source(source, options.ingest):
                if isinstance(item, Problem):
                    problem(item)
                    continue
                article, problems = prepare(item, options.ingest.max_chars)
                for found in problems:
                    problem(found)
                if article is None:
                    continue
                summary.read += 1
                if article.id in known:
                    summary.duplicates += 1
                    continue
                known.add(article.id)
                sig = signature(article.text)
                match = index.find(sig)
                if match is not None:
                    article = dataclasses.replace(article, duplicate_of=match[0], similarity=match[1])
                    summary.near_duplicates += 1
                else:
                    index.add(article.id, sig)
                summary.ingested += 1
                on_progress("article", 1)
                yield article, sig
        except Exception as exc:  # a reader bug must not stop the batch: record it for this source
            problem(Problem(source.location, "D099", f"unexpected error: {type(exc).__name__}: {exc}"))
        on_progress("source", 1)


def _ignore(event: str, value: int) -> None:
    return None


def run(
    paths: Sequence[str],
    store: Store,
    options: RunOptions | None = None,
    nlp: Any = None,
    on_progress: ProgressCallback | None = None,
) -> RunSummary:
    """Read every input, store new articles, and (by default) annotate and code them.

    With ``n_process`` above one, worker processes parse, annotate and code; this process
    reads, cleans and de-duplicates the inputs and writes the batches. The stored rows are the
    same either way. An article spaCy or the coder fails on is a ``D099`` warning and is
    stored all the same; the run goes on.

    Example::

        with Store("news.duckdb") as store:
            summary = run(["examples/corpus"], store)
            print(summary.ingested, summary.reasons())
    """
    options = options or RunOptions()
    on_progress = on_progress or _ignore
    started = time.perf_counter()
    sources, missing = discover(paths)
    summary = RunSummary(sources=len(sources))
    summary.run_id = store.start_run(options.command, list(paths))
    on_progress("sources", len(sources))
    annotated_by = None
    coder = None
    if options.annotate:
        from detente.nlp import load_model, model_version

        nlp = nlp or load_model()
        annotated_by = model_version(nlp)
        if options.code:
            from detente.events import load_coder

            coder = options.coder or load_coder()
    batches = _Batches(store, summary.run_id, options.batch_size, annotated_by, coder.name if coder else None)
    for item in missing:
        summary.add_problem(item)
        batches.problems.append(item)
    stream = _articles(sources, options, store, summary, batches, on_progress)
    failed: set[str] = set()    # articles spaCy or the coder failed on in this run: not retried in it
    if options.annotate:
        summary.n_process = choose_n_process(sources, options.n_process)
        items = ((a.text, a.id, a.published, (a, s)) for a, s in stream)
        with contextlib.closing(annotate_stream(items, nlp, coder, summary.n_process)) as annotated:
            for (article, sig), annotation in annotated:
                summary.add_annotation(annotation)
                if annotation.error is not None:
                    failed.add(article.id)
                    _record(summary, batches, _failure_problem(article.locator, annotation.stage, annotation.error))
                batches.add(article, sig, annotation.sentences, annotation.mentions, annotation.events,
                            annotation.reading)
    else:
        for article, sig in stream:
            batches.add(article, sig)
    batches.flush()
    if options.annotate:
        failed |= annotate_pending(store, nlp, summary, options.batch_size, coder, skip=failed)
        if coder is not None:
            code_pending(store, nlp, coder, summary, options.batch_size, skip=failed)
    summary.seconds = time.perf_counter() - started
    store.finish_run(summary.run_id, summary.counts())
    return summary


def _record(summary: RunSummary, batches: _Batches, problem: Problem) -> None:
    summary.add_problem(problem)
    batches.problems.append(problem)


def annotate_pending(store: Store, nlp: Any, summary: RunSummary, batch_size: int = 64, coder: Any = None,
                     skip: Collection[str] = ()) -> set[str]:
    """Annotate (and code) articles stored by earlier ``ingest`` runs or interrupted annotation
    (in this process), except those in ``skip``. An article spaCy or the coder fails on is a
    warning; the others go on. Returns the ids of those failed articles."""
    from detente.nlp import model_version

    failed: set[str] = set()
    batches = _Batches(store, summary.run_id, batch_size, model_version(nlp), coder.name if coder else None)
    for chunk in store.pending_articles(batch_size):
        chunk = [(key, text) for key, text in chunk if key not in skip]
        published = store.published_of([key for key, _ in chunk])
        items = ((text, key, published.get(key), key) for key, text in chunk)
        for key, annotation in annotate_stream(items, nlp, coder):
            summary.add_annotation(annotation)
            if annotation.error is not None:
                failed.add(key)
                _record(summary, batches, _failure_problem(key, annotation.stage, annotation.error))
            if annotation.sentences is None:
                continue
            batches.annotated.append(key)
            batches.sentences.extend(annotation.sentences)
            batches.mentions.extend(annotation.mentions or ())
            if annotation.events is not None:
                batches.coded.append(key)
                batches.events.extend(annotation.events)
                if annotation.reading is not None:
                    batches.readings.append(annotation.reading)
        batches.flush()
    return failed


def code_pending(store: Store, nlp: Any, coder: Any, summary: RunSummary, batch_size: int = 64,
                 skip: Collection[str] = ()) -> None:
    """Code annotated articles the coder has not read (stored before coding existed, or after
    ``detente code --again`` forgot the old codings), except those in ``skip``. An article
    the coder fails on is a warning; the others go on."""
    batches = _Batches(store, summary.run_id, batch_size, None, coder.name)
    for chunk in store.uncoded_articles(batch_size):
        chunk = [row for row in chunk if row[0] not in skip]
        for doc, (key, published) in nlp.pipe(((text, (key, published)) for key, text, published in chunk),
                                              as_tuples=True):
            try:
                events, reading = code_and_read(coder, doc, key, published, store.sentences_of(key), summary)
            except Exception as exc:  # one article the coder cannot read must not stop the batch
                _record(summary, batches, _failure_problem(key, "code", " ".join(f"{type(exc).__name__}: {exc}".split())))
                continue
            batches.coded.append(key)
            batches.events.extend(events)
            batches.readings.append(reading)
        batches.flush()
