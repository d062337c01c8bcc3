"""Annotating and coding articles, in this process or in forked worker processes.

What one article becomes after spaCy (:func:`annotate_doc`): its sentences and entity
mentions, and, with a coder, its events and its reading (statements, issues, tone). The
result, an :class:`Annotation`, is made of plain picklable records, so a worker process can
send it back instead of a spaCy ``Doc``.

:func:`annotate_stream` runs that stage over a stream of articles. With one process it parses
in this process. With more, forked workers (they inherit the loaded model and coder, which are
neither reloaded nor rebuilt by name: a user's PETRARCH-dictionary coder works as ours does)
each take a chunk of articles, parse it with ``nlp.pipe``, annotate and code it, and send back
the records. Why: the main process is left with reading, cleaning, de-duplicating and writing,
so it no longer competes with the parse workers for the cores (``detente bench code``).

Both paths run the same per-chunk code, so the stored rows are the same whatever the number
of processes. An article that spaCy or the coder fails on gets an ``error`` (one line) and the
run goes on: unparsed, it is stored without annotation; uncoded, with its sentences and
mentions but no coding.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import io
import itertools
import logging
import multiprocessing
import operator
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from detente.types import Event, IssueMention, Mention, Party, Quote, Reading, Sentence

__all__ = ["Annotation", "Item", "annotate_chunk", "annotate_doc", "annotate_stream", "code_article", "code_doc"]

log = logging.getLogger("detente.workers")

C = TypeVar("C")
#: one article to annotate: (text, article id, publication date, context). The context stays
#: in the calling process and comes back with the article's Annotation.
Item = tuple[str, str, Any, C]

#: articles per chunk a worker parses with one ``nlp.pipe`` call. Small, so that the workers
#: finish together at the end of a run (a chunk is ~0.5 s of one core): the model parses
#: batches of 2, 4, 8 or 16 articles at the same speed (13.3-14.8 s of CPU for 120 articles,
#: within noise), so larger chunks would buy nothing
WORKER_CHUNK = 4
#: articles per chunk in this process (the batch size ``run`` always used)
LOCAL_CHUNK = 16
#: chunks sent to the workers and not yet handed back, per worker: keeps every worker busy
#: while the main process reads and writes a batch, and memory flat on any corpus size
CHUNKS_PER_WORKER = 4
#: how often (seconds) a waiting main process checks that its workers live, and a worker
#: that its parent does
_POLL = 0.5


@dataclass(frozen=True, slots=True)
class Annotation:
    """What one article became: records only, no spaCy objects (picklable).

    ``sentences`` and ``mentions`` are None when spaCy failed on the article; ``events`` and
    ``reading`` are None when there is no coder or the coder failed. ``error`` says what failed
    (one line), ``stage`` where: ``"parse"`` or ``"code"``.
    """

    article_id: str
    sentences: list[Sentence] | None = None
    mentions: list[Mention] | None = None
    events: list[Event] | None = None
    reading: Reading | None = None
    error: str | None = None
    stage: str | None = None


def code_article(coder: Any, doc: Any, article_id: str, published: Any, sentences: Sequence[Sentence]) -> list[Event]:
    """The stored events of one parsed article (pure)."""
    from detente.events import event_records

    return event_records(coder.code_doc(doc, published), article_id, sentences, coder.name)


def code_doc(coder: Any, doc: Any, article_id: str, published: Any,
             sentences: Sequence[Sentence]) -> tuple[list[Event], Reading]:
    """Events, statements, issue mentions and tone of one parsed article (pure)."""
    from detente.reading import read_article

    events = code_article(coder, doc, article_id, published, sentences)
    return events, read_article(doc, article_id, published, sentences, events, coder.lexicon)


def _failure(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def annotate_doc(doc: Any, article_id: str, published: Any, coder: Any = None) -> Annotation:
    """Sentences, mentions and (with ``coder``) events and reading of one parsed article.

    A coder error is caught: the Annotation keeps the sentences and mentions and says what
    failed, so one article the coder cannot read does not stop a run.
    """
    from detente.nlp import doc_records

    sentences, mentions = doc_records(doc, article_id)
    if coder is None:
        return Annotation(article_id, sentences, mentions)
    try:
        events, reading = code_doc(coder, doc, article_id, published, sentences)
    except Exception as exc:  # a coder bug on one article must not stop the batch
        log.debug("coding %s failed", article_id, exc_info=True)
        return Annotation(article_id, sentences, mentions, error=_failure(exc), stage="code")
    return Annotation(article_id, sentences, mentions, events, reading)


def annotate_chunk(nlp: Any, coder: Any, items: Sequence[tuple[str, str, Any]]) -> list[Annotation]:
    """Parse ``(text, article id, published)`` items with one ``nlp.pipe`` call and annotate
    each; when spaCy fails on the chunk, each article is parsed alone, so only the article
    spaCy cannot parse is marked as failed."""
    try:
        docs = list(nlp.pipe([text for text, _, _ in items], batch_size=max(1, len(items))))
    except Exception:
        return [_annotate_alone(nlp, coder, item) for item in items]
    return [_annotate_parsed(doc, key, published, coder) for doc, (_, key, published) in zip(docs, items)]


def _annotate_alone(nlp: Any, coder: Any, item: tuple[str, str, Any]) -> Annotation:
    text, key, published = item
    try:
        doc = nlp(text)
    except Exception as exc:
        log.debug("parsing %s failed", key, exc_info=True)
        return Annotation(key, error=_failure(exc), stage="parse")
    return _annotate_parsed(doc, key, published, coder)


def _annotate_parsed(doc: Any, key: str, published: Any, coder: Any) -> Annotation:
    try:
        return annotate_doc(doc, key, published, coder)
    except Exception as exc:  # reading the parse failed: the article counts as unparsed
        log.debug("annotating %s failed", key, exc_info=True)
        return Annotation(key, error=_failure(exc), stage="parse")


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """Pickle a record as its class and its field values (unpickled by calling the class):
    several times faster both ways than the default for slotted dataclasses, which looks up
    the fields of every object."""
    names = [f.name for f in dataclasses.fields(cls)]
    values = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(obj)

    return reduce


#: how a worker pickles the records it sends back (only there: the default stays as it is)
_DISPATCH = {**copyreg.dispatch_table,
             **{cls: _by_fields(cls) for cls in (Annotation, Sentence, Mention, Event, Party, Reading, Quote,
                                                 IssueMention)}}


def _dumps(obj: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(obj)
    return buffer.getvalue()


def _pickled(annotations: list[Annotation]) -> bytes:
    """The chunk's Annotations pickled; an article whose records cannot be pickled (a user's
    coder may put anything in them) keeps its sentences and mentions and is marked uncoded."""
    try:
        return _dumps(annotations)
    except Exception:
        pass
    safe = []
    for a in annotations:
        try:
            _dumps(a)
        except Exception as exc:
            a = Annotation(a.article_id, a.sentences, a.mentions, error=_failure(exc), stage="code")
        safe.append(a)
    return _dumps(safe)


def annotate_stream(items: Iterable[Item[C]], nlp: Any, coder: Any = None, n_process: int = 1,
                    chunk_size: int | None = None) -> Iterator[tuple[C, Annotation]]:
    """Annotate (and code) a stream of articles; yield ``(context, Annotation)`` in input order.

    ``items`` is read lazily: at most a few chunks per worker are read ahead of what has been
    handed back. With ``n_process > 1`` the work runs in that many forked worker processes,
    which stop when the stream ends, when the caller stops early (close the generator, e.g.
    with :func:`contextlib.closing`), on an exception or KeyboardInterrupt, and on their own
    when this process dies.

    Raises:
        RuntimeError: a worker process died (killed, out of memory): the articles it held
            cannot be annotated; the batches written so far are kept.
    """
    if n_process > 1 and "fork" not in multiprocessing.get_all_start_methods():
        log.info("no 'fork' start method on this platform: annotating in one process")
        n_process = 1
    if n_process <= 1:
        yield from _local(items, nlp, coder, chunk_size or LOCAL_CHUNK)
        return
    stream = iter(items)
    first = next(stream, None)
    if first is not None:    # nothing new (all duplicates): no workers to start
        yield from _Workers(nlp, coder, n_process).run(itertools.chain([first], stream), chunk_size or WORKER_CHUNK)


def _local(items: Iterable[Item[C]], nlp: Any, coder: Any, chunk_size: int) -> Iterator[tuple[C, Annotation]]:
    stream = iter(items)
    while chunk := list(itertools.islice(stream, chunk_size)):
        annotations = annotate_chunk(nlp, coder, [(text, key, published) for text, key, published, _ in chunk])
        yield from zip((context for *_, context in chunk), annotations)


class _Workers(Generic[C]):
    """Forked worker processes fed chunks through one task queue (the first free worker takes
    the next chunk), answering on one result queue; answers are put back in input order."""

    def __init__(self, nlp: Any, coder: Any, n_process: int) -> None:
        self.nlp, self.coder, self.n_process = nlp, coder, n_process

    def run(self, items: Iterable[Item[C]], chunk_size: int) -> Iterator[tuple[C, Annotation]]:
        _warm_up(self.nlp, self.coder)
        context = multiprocessing.get_context("fork")
        tasks: Any = context.Queue()
        results: Any = context.Queue()
        parent = os.getpid()
        procs = [context.Process(target=_work, args=(self.nlp, self.coder, tasks, results, parent),
                                 name=f"detente-worker-{i + 1}", daemon=True) for i in range(self.n_process)]
        finished = False
        try:
            for proc in procs:
                proc.start()
            yield from self._exchange(iter(items), chunk_size, tasks, results, procs)
            finished = True
        finally:
            _stop(procs, tasks, results, orderly=finished)

    def _exchange(self, stream: Iterator[Item[C]], chunk_size: int, tasks: Any, results: Any,
                  procs: list[Any]) -> Iterator[tuple[C, Annotation]]:
        limit = CHUNKS_PER_WORKER * self.n_process
        contexts: deque[list[C]] = deque()    # per chunk in flight, in input order
        done: dict[int, list[Annotation]] = {}
        sent = handed = 0
        exhausted = False
        while True:
            while not exhausted and sent - handed < limit:
                chunk = list(itertools.islice(stream, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                tasks.put((sent, [(text, key, published) for text, key, published, _ in chunk]))
                contexts.append([context for *_, context in chunk])
                sent += 1
            if handed == sent:
                return
            while handed not in done:
                number, payload = _receive(results, procs)
                done[number] = pickle.loads(payload)
            yield from zip(contexts.popleft(), done.pop(handed))
            handed += 1


def _receive(results: Any, procs: list[Any]) -> tuple[int, bytes]:
    """The next answer of any worker; raises when a worker has died instead."""
    while True:
        try:
            return results.get(timeout=_POLL)  # type: ignore[no-any-return]
        except queue.Empty:
            dead = [p for p in procs if not p.is_alive()]
            if dead:
                raise RuntimeError(f"a worker process ended unexpectedly ({dead[0].name}, exit code "
                                   f"{dead[0].exitcode}); the batches written so far are kept, run again to "
                                   f"finish") from None


def _stop(procs: list[Any], tasks: Any, results: Any, orderly: bool) -> None:
    """Let the workers finish (all answers read) or end them now (anything else)."""
    started = [p for p in procs if p.pid is not None]
    if orderly:
        for _ in started:
            tasks.put(None)
    else:
        for proc in started:
            proc.terminate()
    for proc in started:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
            proc.join(timeout=5)
    for q in (tasks, results):
        q.cancel_join_thread()    # never wait at exit to flush chunks no worker will read
        q.close()


def _warm_up(nlp: Any, coder: Any) -> None:
    """Load, before forking, what annotating loads lazily (issue taxonomy, VADER, the coder's
    caches), so that the workers share it instead of each reading it again."""
    with contextlib.suppress(Exception):
        annotate_doc(nlp("Warm up: Russia said it would talk."), "warm-up", None, coder)


def _work(nlp: Any, coder: Any, tasks: Any, results: Any, parent: int) -> None:
    """A worker's loop: take a chunk, annotate it, send the pickled Annotations back, until
    ``None`` comes; exit at once when the parent process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)   # ``watch`` and ``serve`` catch it in the parent
    threading.Thread(target=_watch_parent, args=(parent,), name="detente-parent-watch", daemon=True).start()
    while True:
        task = tasks.get()
        if task is None:
            return
        number, items = task
        results.put((number, _pickled(annotate_chunk(nlp, coder, items))))


def _watch_parent(parent: int) -> None:
    """End this worker when its parent has died (killed with SIGKILL, it could not stop us)."""
    while os.getppid() == parent:
        time.sleep(_POLL)
    os._exit(1)
