"""Annotating and coding in worker processes: the same rows as in one process, in input order,
one failing article reported and the run going on, workers never outliving their work."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from detente import RunOptions, Store, run
from detente import workers
from detente.events import load_coder
from detente.workers import annotate_stream

pytestmark = pytest.mark.slow

#: every stored column that does not say when a row was written
_TABLES = {
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, idx",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "events": "SELECT * FROM events ORDER BY event_id",
    "statements": "SELECT * FROM statements ORDER BY quote_id",
    "issue_tags": "SELECT * FROM issue_tags ORDER BY ALL",
    "codings": "SELECT * EXCLUDE (coded_at) FROM codings ORDER BY article_id",
    "ingest_errors": "SELECT * EXCLUDE (recorded_at) FROM ingest_errors ORDER BY ALL",
}

_POISON = "Bulletin number 13"


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store(db, read_only=True) as store:
        return {table: store.con.execute(sql).fetchall() for table, sql in _TABLES.items()}


def _two_cores() -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: runs never use worker processes here")


def _children() -> set[int]:
    return {child.pid for child in psutil.Process().children(recursive=True)}


def _gone(pids: set[int], within: float = 10.0) -> set[int]:
    """Those of ``pids`` still running after ``within`` seconds (zombies count as gone)."""
    deadline = time.monotonic() + within
    while True:
        alive = {p for p in pids if _running(p)}
        if not alive or time.monotonic() >= deadline:
            return alive
        time.sleep(0.1)


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


class _FailingCoder:
    """Our coder, except that it raises on the one article whose text holds ``marker``."""

    def __init__(self, marker: str) -> None:
        self.inner = load_coder()
        self.marker = marker

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def code_doc(self, doc: Any, day: Any = None) -> Any:
        if self.marker in doc.text:
            raise ValueError("the coder cannot read this one")
        return self.inner.code_doc(doc, day)


class _FailingModel:
    """The spaCy model, except that it cannot parse a text holding ``marker``."""

    def __init__(self, nlp: Any, marker: str) -> None:
        self.nlp, self.marker = nlp, marker

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def __call__(self, text: str) -> Any:
        if self.marker in text:
            raise ValueError("spaCy cannot parse this one")
        return self.nlp(text)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        if any(self.marker in t for t in texts if isinstance(t, str)):
            raise ValueError("spaCy cannot parse this one")
        return self.nlp.pipe(texts, **kwargs)


def _bench_folder(tmp_path: Path, count: int) -> Path:
    from detente.bench import bench_texts

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(bench_texts(count)):
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_workers_store_the_same_rows_as_one_process(seeds_dir: Path, examples_dir: Path, tmp_path: Path, nlp: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _two_cores()
    monkeypatch.setattr(workers, "WORKER_CHUNK", 3)   # many chunks in flight, answered out of order
    summaries = []
    for n in (1, 2):
        with Store(tmp_path / f"n{n}.duckdb") as store:
            summaries.append(run([str(seeds_dir), str(examples_dir)], store, RunOptions(n_process=n, batch_size=4),
                                 nlp=nlp))
    one, two = (_rows(tmp_path / f"n{n}.duckdb") for n in (1, 2))
    assert one["events"] and one["statements"] and one["sentences"]
    for table in _TABLES:
        assert one[table] == two[table], table
    assert summaries[1].n_process == 2
    assert summaries[0].as_dict() | {"seconds": 0, "n_process": 0} == summaries[1].as_dict() | {"seconds": 0, "n_process": 0}


def test_workers_answer_in_input_order(nlp: Any) -> None:
    _two_cores()
    from detente.bench import bench_texts

    texts = bench_texts(30)
    items = [(text, f"k{i}", None, i) for i, text in enumerate(texts)]
    local = list(annotate_stream(items, nlp, None, n_process=1))
    forked = list(annotate_stream(items, nlp, None, n_process=2, chunk_size=2))
    assert [i for i, _ in forked] == list(range(30))
    assert [a.article_id for _, a in forked] == [f"k{i}" for i in range(30)]
    assert local == forked


@pytest.mark.parametrize("n_process", [1, 2])
def test_workers_coder_failure_is_a_warning_and_the_run_goes_on(tmp_path: Path, nlp: Any, n_process: int) -> None:
    if n_process > 1:
        _two_cores()
    folder = _bench_folder(tmp_path, 20)
    db = tmp_path / "coder.duckdb"
    with Store(db) as store:
        summary = run([str(folder)], store, RunOptions(n_process=n_process, coder=_FailingCoder(_POISON + ".")), nlp=nlp)
        assert (summary.ingested, summary.annotated, summary.coded, summary.failed, summary.warnings) == (20, 20, 19, 0, 1)
        (problem,) = summary.problems
        assert (Path(problem.locator).name, problem.code, problem.level) == ("a013.txt", "D099", "warning")
        assert "ValueError: the coder cannot read this one" in problem.message and "\n" not in problem.message
        assert store.errors() and store.errors()[0]["code"] == "D099"
        uncoded = store.con.execute(
            "SELECT a.locator FROM articles a WHERE a.annotated_by IS NOT NULL "
            "AND a.id NOT IN (SELECT article_id FROM codings)").fetchall()
        assert [Path(loc).name for (loc,) in uncoded] == ["a013.txt"]
        # the next run tries it again (code_pending), fails the same way and still finishes
        again = run([str(folder)], store, RunOptions(n_process=n_process, coder=_FailingCoder(_POISON + ".")), nlp=nlp)
        assert (again.duplicates, again.coded, again.warnings) == (20, 0, 1)
        # and with a coder that can read it, it is coded
        healed = run([str(folder)], store, RunOptions(n_process=n_process), nlp=nlp)
        assert (healed.coded, healed.warnings) == (1, 0)
        assert store.con.execute("SELECT count(*) FROM codings").fetchone() == (20,)


@pytest.mark.parametrize("n_process", [1, 2])
def test_workers_parse_failure_is_a_warning_and_the_run_goes_on(tmp_path: Path, nlp: Any, n_process: int) -> None:
    if n_process > 1:
        _two_cores()
    folder = _bench_folder(tmp_path, 20)
    with Store(tmp_path / "parse.duckdb") as store:
        summary = run([str(folder)], store, RunOptions(n_process=n_process), nlp=_FailingModel(nlp, _POISON + "."))
        assert (summary.ingested, summary.annotated, summary.coded, summary.failed, summary.warnings) == (20, 19, 19, 0, 1)
        (problem,) = summary.problems
        assert (Path(problem.locator).name, problem.code, problem.level) == ("a013.txt", "D099", "warning")
        assert "ValueError: spaCy cannot parse this one" in problem.message
        unparsed = store.con.execute("SELECT locator FROM articles WHERE annotated_by IS NULL").fetchall()
        assert [Path(loc).name for (loc,) in unparsed] == ["a013.txt"]
        healed = run([str(folder)], store, RunOptions(n_process=n_process), nlp=nlp)
        assert (healed.annotated, healed.coded, healed.warnings) == (1, 1, 0)


class _DyingCoder(_FailingCoder):
    """A coder that kills the worker process it runs in on one article (as the OOM killer would)."""

    def code_doc(self, doc: Any, day: Any = None) -> Any:
        if self.marker in doc.text:
            os._exit(3)
        return self.inner.code_doc(doc, day)


def test_workers_a_dead_worker_stops_the_stream_and_the_others(nlp: Any) -> None:
    _two_cores()
    from detente.bench import bench_texts

    items = [(text, f"k{i}", None, i) for i, text in enumerate(bench_texts(20))]
    before = _children()
    with pytest.raises(RuntimeError, match="worker process ended unexpectedly"):
        for _ in annotate_stream(items, nlp, _DyingCoder(_POISON + "."), n_process=2, chunk_size=2):
            pass
    assert not _gone(_children() - before)


def test_workers_stop_when_the_caller_stops_early(nlp: Any) -> None:
    _two_cores()
    from detente.bench import bench_texts

    items = ((text, f"k{i}", None, i) for i, text in enumerate(bench_texts(40)))
    before = _children()
    stream = annotate_stream(items, nlp, None, n_process=2, chunk_size=2)
    with contextlib.closing(stream):
        next(stream)
        workers_pids = _children() - before
        assert len(workers_pids) == 2
    assert not _gone(workers_pids)


def test_workers_interrupted_run_stops_them_and_a_rerun_finishes(tmp_path: Path, nlp: Any) -> None:
    _two_cores()
    folder = _bench_folder(tmp_path, 60)
    seen = {"articles": 0}

    def interrupt(event: str, value: int) -> None:   # after the first answers, before the last
        if event == "article":
            seen["articles"] += value
            if seen["articles"] == 50:
                raise KeyboardInterrupt

    before = _children()
    with Store(tmp_path / "interrupted.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            run([str(folder)], store, RunOptions(n_process=2, batch_size=4), nlp=nlp, on_progress=interrupt)
        assert not _gone(_children() - before, within=0)
        partial = store.counts()["articles"]
        assert 0 < partial < 50
        summary = run([str(folder)], store, RunOptions(n_process=2, batch_size=4), nlp=nlp)
        assert (summary.duplicates, summary.ingested) == (partial, 60 - partial)
        assert store.counts()["articles"] == 60
        assert store.con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM codings").fetchone() == (60,)
