"""The command line through Typer's CliRunner, on real DuckDB files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def _invoke(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    result = _invoke("run", str(examples_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.slow
def test_cli_run_summary_counts_and_reasons(demo_db: Path) -> None:
    result = _invoke("runs", "--db", str(demo_db), "--json")
    runs = json.loads(result.stdout)
    assert runs[0]["ingested"] == 13 and runs[0]["failed"] == 1 and runs[0]["near_duplicates"] == 1
    errors = json.loads(_invoke("errors", "--db", str(demo_db), "--json").stdout)
    assert [(e["code"], Path(e["locator"]).name) for e in errors] == [("D031", "broken-feed.rss")]


@pytest.mark.slow
def test_cli_run_twice_prints_zero_new(demo_db: Path, examples_dir: Path) -> None:
    result = _invoke("run", str(examples_dir), "--db", str(demo_db), "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert (summary["ingested"], summary["duplicates"], summary["failed"]) == (0, 13, 1)
    assert summary["problems"][0]["code"] == "D031"


@pytest.mark.slow
def test_cli_articles_show_entities(demo_db: Path) -> None:
    articles = json.loads(_invoke("articles", "--db", str(demo_db), "--json").stdout)
    assert len(articles) == 13
    assert len(json.loads(_invoke("articles", "--db", str(demo_db), "--json", "--no-duplicates").stdout)) == 12
    since = json.loads(_invoke("articles", "--db", str(demo_db), "--json", "--since", "2025-06-01").stdout)
    assert since and all(a["published"] >= "2025-06-01" for a in since)
    shown = json.loads(_invoke("show", articles[0]["id"][:8], "--db", str(demo_db), "--json").stdout)
    assert shown["id"] == articles[0]["id"] and shown["sentences"] and shown["mentions"]
    for sentence in shown["sentences"]:
        assert shown["text"][sentence["start_char"] : sentence["end_char"]] == sentence["text"]
    table = _invoke("show", articles[0]["id"], "--db", str(demo_db), "--sentences")
    assert table.exit_code == 0 and "Entities" in table.stdout
    top = json.loads(_invoke("entities", "--db", str(demo_db), "--json", "--limit", "5").stdout)
    assert len(top) == 5 and top[0]["mentions"] >= top[-1]["mentions"]
    people = json.loads(_invoke("entities", "--db", str(demo_db), "--json", "--label", "PERSON").stdout)
    assert people and {p["label"] for p in people} == {"PERSON"}


def test_cli_show_unknown_id_is_one_line_error(db_path: Path, examples_dir: Path) -> None:
    _invoke("ingest", str(examples_dir / "wire.jsonl"), "--db", str(db_path))
    result = _invoke("show", "ffffffff", "--db", str(db_path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[D060]")


def test_cli_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = _invoke("ingest", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "[D081]" in result.stderr and "[D010]" in result.stderr and "[D011]" in result.stderr


def test_cli_missing_path_only_exits_nonzero(tmp_path: Path) -> None:
    result = _invoke("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1 and "[D001]" in result.stderr


def test_cli_partial_failure_still_exits_zero(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Envoys met in Geneva\n\nThe envoys of both states met in Geneva on Monday to discuss prisoners.")
    (folder / "empty.txt").write_text("   \n")
    result = _invoke("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 0
    assert "ingested 1" in result.stdout and "failed 1" in result.stdout and "[D010]" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("ingest", "x.txt", "--near-duplicate-threshold", "1.5"),
        ("ingest", "x.txt", "--stdin-format", "pdf"),
        ("ingest", "x.txt", "--batch-size", "0"),
        ("articles", "--since", "yesterday"),
    ],
)
def test_cli_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = _invoke(*args, "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 2


def test_cli_stdin_text(tmp_path: Path) -> None:
    text = "Ministers meet in Ankara\n\nANKARA, March 3, 2025 — The foreign ministers of both states met in Ankara."
    db = tmp_path / "x.duckdb"
    result = _invoke("ingest", "-", "--db", str(db), "--json", stdin=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == 1
    article = json.loads(_invoke("articles", "--db", str(db), "--json").stdout)[0]
    assert (article["title"], article["published"], article["locator"]) == ("Ministers meet in Ankara", "2025-03-03", "<stdin>")


def test_cli_help_lists_every_command() -> None:
    result = _invoke("--help")
    for command in ("run", "ingest", "articles", "show", "entities", "errors", "runs", "bench"):
        assert command in result.stdout
