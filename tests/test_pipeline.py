"""The whole run on real files, real spaCy parses and a real DuckDB file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import time

import psutil
import pytest

from detente import RunOptions, Store, run

pytestmark = pytest.mark.slow


def _check_offsets(store: Store) -> None:
    rows = store.con.execute(
        "SELECT s.article_id, s.start_char, s.end_char, s.text, a.text FROM sentences s JOIN articles a ON a.id = s.article_id"
    ).fetchall()
    assert rows
    for _, start, end, sentence, text in rows:
        assert text[start:end] == sentence
        assert "\n" not in sentence.strip("\n") or False, sentence  # sentences never cross a line break
    bad = store.con.execute(
        "SELECT count(*) FROM mentions m JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx "
        "JOIN articles a ON a.id = m.article_id "
        "WHERE m.start_char < s.start_char OR m.end_char > s.end_char OR substr(a.text, m.start_char + 1, m.end_char - m.start_char) <> m.text"
    ).fetchone()
    assert bad == (0,)


def test_pipeline_seed_corpus(seeds_dir: Path, db_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    with Store(db_path) as store:
        first = run([str(seeds_dir)], store, nlp=nlp)
        assert (first.read, first.ingested, first.failed) == (5, 5, 0)
        second = run([str(seeds_dir)], store, nlp=nlp)
        assert (second.ingested, second.duplicates, second.annotated) == (0, 5, 0)
        assert store.counts()["articles"] == 5
        dates = {Path(a["locator"]).name[:3]: (a["published"], a["date_method"]) for a in store.articles()}
        assert dates["000"] == (dt.date(2025, 3, 19), "dateline")
        assert dates["002"] == (dt.date(2025, 2, 18), "dateline")
        assert store.con.execute("SELECT count(*) FROM articles WHERE text LIKE '%Â%'").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)
        _check_offsets(store)
        names = {row["name"] for row in store.entities(limit=30)}
        assert {"Russia", "Ukraine", "Moscow"} <= names
        people = {row["name"] for row in store.entities(limit=50, labels=["PERSON"])}
        assert "Lukyanov" in people or "Fyodor Lukyanov" in people


def test_pipeline_example_corpus(examples_dir: Path, db_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    with Store(db_path) as store:
        summary = run([str(examples_dir)], store, nlp=nlp)
        assert summary.failed == 1 and summary.reasons() == {"D031": 1}
        assert summary.near_duplicates == 1
        assert summary.read == summary.ingested + summary.duplicates + summary.failed
        pair = store.con.execute(
            "SELECT a.locator, b.locator FROM articles a JOIN articles b ON a.duplicate_of = b.id"
        ).fetchall()
        assert [(Path(x).name, Path(y).name) for x, y in pair] == [("riyadh-talks-wire-copy.txt", "riyadh-talks-us-russia.txt")]
        # Near-duplicates are stored with their sentences but counted once.
        with_dups = {(r["name"], r["label"]): r["mentions"] for r in store.entities(limit=500, include_duplicates=True)}
        without = {(r["name"], r["label"]): r["mentions"] for r in store.entities(limit=500)}
        assert sum(with_dups.values()) > sum(without.values())
        methods = {r["date_method"] for r in store.articles()}
        assert methods == {"metadata", "dateline", "none"}
        _check_offsets(store)


def test_pipeline_ingest_then_run_annotates_pending(examples_dir: Path, db_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    with Store(db_path) as store:
        ingested = run([str(examples_dir)], store, RunOptions(annotate=False))
        assert ingested.annotated == 0 and store.counts()["sentences"] == 0
        again = run([str(examples_dir)], store, nlp=nlp)
        assert again.ingested == 0 and again.annotated == ingested.ingested
        assert store.con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)


def test_pipeline_multiprocess_gives_the_same_records(examples_dir: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            summary = run([str(examples_dir)], store, RunOptions(n_process=workers), nlp=nlp)
            results.append(store.con.execute("SELECT article_id, idx, start_char, end_char FROM sentences ORDER BY ALL").fetchall())
            assert summary.n_process == min(workers, len(os.sched_getaffinity(0)))
    assert results[0] == results[1]


def test_pipeline_interrupted_in_process_then_rerun_stores_each_once(examples_dir: Path, db_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    seen = {"articles": 0}

    def interrupt(event: str, value: int) -> None:
        if event == "article":
            seen["articles"] += value
            if seen["articles"] == 5:
                raise KeyboardInterrupt

    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt):  # ingest-only reads in lock-step with the batches
            run([str(examples_dir)], store, RunOptions(batch_size=2, annotate=False), on_progress=interrupt)
        partial = store.counts()["articles"]
        assert partial == 4  # two whole batches; the fifth article's batch was never committed
        summary = run([str(examples_dir)], store, RunOptions(batch_size=2), nlp=nlp)
        assert summary.duplicates == partial and summary.ingested == 13 - partial
        assert store.counts()["articles"] == 13
        assert store.con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)
        statuses = [r["status"] for r in store.runs()]
        assert statuses == ["finished", "interrupted"]


def _still_running(pids: list[int], within: float = 10.0) -> list[int]:
    """Those of ``pids`` still running (not zombies) after up to ``within`` seconds."""
    deadline = time.monotonic() + within
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    return alive


@pytest.mark.parametrize(("kill_after_commits", "n_process"), [(1, 1), (3, 1), (1, 2), (3, 2)])
def test_pipeline_killed_process_then_rerun_stores_each_once(examples_dir: Path, tmp_path: Path, kill_after_commits: int,
                                                             n_process: int) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(examples_dir, corpus)
    db = tmp_path / "killed.duckdb"
    detente = [sys.executable, "-m", "detente.cli", "run", str(corpus), "--db", str(db), "--batch-size", "2",
               "--n-process", str(n_process)]
    commits = 0
    workers: list[int] = []
    with subprocess.Popen([*detente, "-v"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if "committed batch" in line:
                commits += 1
                if commits == kill_after_commits:
                    workers = [child.pid for child in psutil.Process(process.pid).children(recursive=True)]
                    process.send_signal(signal.SIGKILL)
                    break
        process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    if n_process > 1 and len(os.sched_getaffinity(0)) > 1:
        assert len(workers) == n_process, "the run had no worker processes when it was killed"
    assert not _still_running(workers), "worker processes outlived the killed run"
    finished = subprocess.run(detente, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 13
        assert store.con.execute("SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone() == (1,)
