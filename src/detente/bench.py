"""``detente bench``: speed and memory as ratios to a baseline measured in the same run.

``bench code`` adds the coding stage alone: the coder over already-parsed articles on one
core, each coded whole on its date as a run codes it, next to one-core ``nlp.pipe`` on the
same texts (its baseline); its speed is counted in sentences.

The baseline of ``bench ingest`` is raw spaCy: ``nlp.pipe`` over exactly the texts the
run stores, with the same model, worker count and batch size. The ratio (run speed /
raw speed) is the figure: how much of the physical limit the whole pipeline keeps.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from detente.ingest.options import IngestOptions
from detente.ingest.sources import discover, read_source
from detente.pipeline import RunOptions, choose_n_process, prepare, run
from detente.store import Store
from detente.types import Document

__all__ = ["bench_code", "bench_ingest", "bench_texts"]

_ROOT = Path(__file__).resolve().parents[2]
_CORPORA = (_ROOT.parent / "shared" / "corpus" / "seeds", _ROOT / "examples" / "corpus")


def bench_texts(count: int, corpora: tuple[Path, ...] = _CORPORA) -> list[str]:
    """``count`` distinct article texts made from the seed and example corpora: each
    copy numbered, its paragraphs rotated, so that no two are identical."""
    bases: list[str] = []
    sources, _ = discover([str(path) for path in corpora if path.is_dir()])
    for source in sources:
        for item in read_source(source, IngestOptions()):
            if isinstance(item, Document) and len(item.text.split()) > 50:
                bases.append(item.text)
    if not bases:
        raise RuntimeError("no corpus to benchmark: examples/corpus is missing")
    texts = []
    for i in range(count):
        paragraphs = [p for p in bases[i % len(bases)].split("\n") if p.strip()]
        turn = (i // len(bases)) % len(paragraphs)
        texts.append(f"Bulletin number {i}.\n" + "\n".join(paragraphs[turn:] + paragraphs[:turn]))
    return texts


@contextmanager
def _peak_memory() -> Iterator[dict[str, float]]:
    """Sample the resident memory of this process and its children; keep the peak."""
    result = {"peak_mb": 0.0}
    stop = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not stop.is_set():
            try:
                total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                total = 0
            result["peak_mb"] = max(result["peak_mb"], total / 1e6)
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        stop.set()
        thread.join()


def bench_ingest(articles: int = 300, n_process: int = 0, rounds: int = 2, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Time raw ``nlp.pipe`` and a whole ``detente run`` on the same corpus, alternating.

    Returns articles/s and words/s of both, their ratio (best round of each), the worker
    count and the peak memory of all processes.
    """
    from detente.nlp import load_model

    say = log or (lambda message: None)
    nlp = load_model()
    texts = bench_texts(articles)
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        sources, _ = discover([str(folder)])
        workers = n_process or choose_n_process(sources, os.cpu_count() or 1)
        prepared = [prepare(item)[0] for source in sources for item in read_source(source, IngestOptions())]
        stored_texts = [a.text for a in prepared if a is not None]
        words = sum(len(text.split()) for text in stored_texts)
        best_raw = best_run = float("inf")
        peak = 0.0
        for round_number in range(1, rounds + 1):
            with _peak_memory() as memory:
                started = time.perf_counter()
                for _ in nlp.pipe(stored_texts, n_process=workers, batch_size=16):
                    pass
                raw = time.perf_counter() - started
            peak = max(peak, memory["peak_mb"])
            db = Path(tmp) / f"round{round_number}.duckdb"
            with _peak_memory() as memory, Store(db) as store:
                started = time.perf_counter()
                summary = run([str(folder)], store, RunOptions(n_process=workers), nlp=nlp)
                whole = time.perf_counter() - started
            peak = max(peak, memory["peak_mb"])
            if summary.ingested != len(stored_texts):
                raise RuntimeError(f"benchmark run stored {summary.ingested} of {len(stored_texts)} articles")
            best_raw, best_run = min(best_raw, raw), min(best_run, whole)
            say(f"round {round_number}: raw nlp.pipe {raw:.2f} s, detente run {whole:.2f} s")
    count = len(stored_texts)
    return {
        "articles": count,
        "words": words,
        "n_process": workers,
        "baseline_seconds": round(best_raw, 3),
        "run_seconds": round(best_run, 3),
        "baseline_articles_per_s": count / best_raw,
        "baseline_words_per_s": words / best_raw,
        "run_articles_per_s": count / best_run,
        "run_words_per_s": words / best_run,
        "ratio": best_raw / best_run,
        "peak_rss_mb": peak,
    }


#: passes of the coder over each round's parsed sentences; the fastest counts
CODER_PASSES = 5


def bench_code(articles: int = 300, n_process: int = 0, rounds: int = 2,
               log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The whole run (ingest, parse, code) against raw ``nlp.pipe``, then the coder alone.

    The coder's speed is measured on already-parsed articles in this process (one core), each
    coded whole on its date (``Coder.code_doc``, as a run does), the best of
    :data:`CODER_PASSES` passes per round, with one-core ``nlp.pipe`` over the same texts as
    its baseline.
    """
    from detente.events import load_coder
    from detente.nlp import load_model

    say = log or (lambda message: None)
    result = bench_ingest(articles=articles, n_process=n_process, rounds=rounds, log=log)
    nlp = load_model()
    coder = load_coder()
    prepared = [a for a in (prepare(Document(t, f"b{i}", "txt"))[0] for i, t in enumerate(bench_texts(articles)))
                if a is not None]
    texts = [a.text for a in prepared]
    best_parse = best_code = float("inf")
    sentences = events = 0
    for round_number in range(1, rounds + 1):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        parse = time.perf_counter() - started
        spans = [(sent, a) for a, doc in enumerate(docs) for sent in doc.sents]
        passes = []
        for _ in range(CODER_PASSES):    # the best of a few passes, as timeit does: the machine is shared
            started = time.perf_counter()
            found = 0
            for doc, article in zip(docs, prepared):
                # as a run codes: each article whole (pronouns reach back within a paragraph), on its date
                found += len(coder.code_doc(doc, article.published))
            passes.append(time.perf_counter() - started)
        coding = min(passes)
        sentences, events = len(spans), found
        best_parse, best_code = min(best_parse, parse), min(best_code, coding)
        say(f"round {round_number}: one-core nlp.pipe {parse:.2f} s, coder alone {coding:.2f} s "
            f"(passes {', '.join(f'{p:.2f}' for p in passes)} s; {sentences} sentences, {events} events)")
    shares = _component_shares(nlp, texts)
    candidates = sum(coder.candidate([t.lower_ for t in sent]) for sent, _ in spans)
    result.update({
        "parser_share": shares.get("parser", 0.0),
        "candidate_share": candidates / max(1, len(spans)),
        "sentences": sentences,
        "events": events,
        "parse_sentences_per_s": sentences / best_parse,
        "code_sentences_per_s": sentences / best_code,
        "code_to_parse_ratio": best_parse / best_code,
    })
    return result


def _component_shares(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Each pipeline component's share of the model's time on ``texts`` (one process)."""
    docs = [nlp.make_doc(text) for text in texts]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=16)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.perf_counter() - started
    total = sum(seconds.values()) or 1.0
    return {name: value / total for name, value in seconds.items()}
