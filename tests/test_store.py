from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.store import Store
from detente.store.migrations import MIGRATIONS
from detente.types import Article, Mention, Problem, Sentence


def _article(text: str, key: str) -> Article:
    return Article(id=key, text=text, format="txt", locator=f"{key}.txt")


def test_store_migrations_recorded_once(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
    with Store(db_path) as store:
        assert store.migrate() == []
        rows = store.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]


def test_store_refuses_a_newer_schema(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', now())")
    con.close()
    with pytest.raises(StoreError) as info:
        Store(db_path)
    assert info.value.code == "D051"


def test_store_second_writer_process_gets_a_clear_error(db_path: Path) -> None:
    with Store(db_path):
        code = (
            "import sys\nfrom detente.store import Store\nfrom detente.errors import StoreError\n"
            f"try:\n    Store({str(db_path)!r})\nexcept StoreError as e:\n    print(e.code); sys.exit(0)\nsys.exit(3)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "D050"


def test_store_read_only_on_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert info.value.code == "D050"


def test_store_write_batch_is_one_transaction(db_path: Path) -> None:
    with Store(db_path) as store:
        run_id = store.start_run("test", [])
        good = _article("Moscow and Washington met.", "a" * 16)
        store.write_batch(run_id, [(good, None)], [Sentence(good.id, 0, 0, 26, good.text)], [Mention(good.id, 0, 0, 6, "Moscow", "GPE")],
                          [Problem("bad.txt", "D010", "empty")], annotated=[good.id], annotated_by="m@1")
        other = _article("Kyiv replied.", "b" * 16)
        # A sentence row that violates NOT NULL makes the whole batch fail: the article must not be kept.
        with pytest.raises(duckdb.Error):
            store.write_batch(run_id, [(other, None)], [Sentence(other.id, 0, 0, 4, None)], annotated=[other.id], annotated_by="m@1")  # type: ignore[arg-type]
        counts = store.counts()
        assert counts["articles"] == 1 and counts["sentences"] == 1 and counts["mentions"] == 1
        assert counts["ingest_errors"] == 1
        assert store.article("aaaa")["annotated_by"] == "m@1"


def test_store_insert_is_idempotent(db_path: Path) -> None:
    with Store(db_path) as store:
        run_id = store.start_run("test", [])
        article = _article("Same text.", "c" * 16)
        for _ in range(3):
            store.write_batch(run_id, [(article, None)], [Sentence(article.id, 0, 0, 10, article.text)], annotated=[article.id], annotated_by="m@1")
        assert store.counts()["articles"] == 1 and store.counts()["sentences"] == 1


def test_store_unfinished_runs_become_interrupted(db_path: Path) -> None:
    with Store(db_path) as store:
        first = store.start_run("run", ["x"])
        second = store.start_run("run", ["x"])
        store.finish_run(second, {"ingested": 2})
        statuses = dict(store.con.execute("SELECT id, status FROM ingest_runs").fetchall())
    assert statuses == {first: "interrupted", second: "finished"}
