"""Exports read back: GDELT 2.0 TSV, PLOVER JSON lines, Parquet; hand-made rows for the edge cases."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from detente.cli import app as detente_app
from detente.cli import relations as relations_cli
from detente.errors import UsageError
from detente.events.cameo import PLOVER_TYPES, describe
from detente.exports import (
    GDELT_COLUMNS,
    GDELT_FILE,
    PLOVER_ACTOR_FIELDS,
    PLOVER_FIELDS,
    PLOVER_FILE,
    export,
    global_event_id,
    parquet_tables,
)
from detente.store import Store

runner = CliRunner()
D = dt.date
DOCS = Path(__file__).resolve().parent.parent / "docs" / "exports.md"
TEXT = "Moscow and Washington met. Russia rejected the plan. Kyiv asked for help."


# ----------------------------------------------------------------------------- hand-made rows

def add_article(con: duckdb.DuckDBPyConnection, key: str, published: dt.date | None, duplicate_of: str | None = None,
                url: str | None = None, source: str | None = None) -> None:
    con.execute(
        "INSERT INTO articles (id, locator, url, source, title, format, language, published, date_method, duplicate_of, "
        "chars, words, text, run_id, ingested_at) VALUES (?, ?, ?, ?, 'A title', 'txt', 'en', ?, 'metadata', ?, ?, 12, ?, "
        "1, TIMESTAMP '2025-03-05 10:11:12')",
        [key, f"{key}.txt", url, source, published, duplicate_of, len(TEXT), TEXT])


def add_event(con: duckdb.DuckDBPyConnection, key: str, article: str, source: list[str], target: list[str],
              cameo: str = "040", plover: str | None = "CONSULT", quad: int = 1, goldstein: float | None = 1.0,
              negated: bool = False, hypothetical: bool = False, mutual: bool = False, day: dt.date | None = None,
              sentence: int = 0) -> None:
    start, end = [(0, 26), (27, 52), (53, 73)][sentence]

    def parties(codes: list[str]) -> list[dict[str, Any]]:
        return [{"code": c, "text": f"text of {c}", "start_char": start, "end_char": start + 6, "kind": "country"}
                for c in codes]

    con.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, 'met', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test rule', 'test@0', 1)",
        [key, article, sentence, start, end, parties(source), parties(target), start + 3, start + 6, cameo, plover,
         goldstein, quad, negated, hypothetical, mutual, day])


@pytest.fixture
def synthetic(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with Store(db_path) as store:
        con = store.con
        add_article(con, "a1", D(2025, 3, 4), url="https://example.org/a1", source="Wire")
        add_article(con, "a2", D(2025, 3, 4), duplicate_of="a1", source="Other paper")
        add_article(con, "a3", None)
        add_event(con, "a100000000000000", "a1", ["RUSGOV", "USAGOV"], ["RUSGOV", "USAGOV"], mutual=True, sentence=0)
        add_event(con, "b200000000000000", "a1", ["RUSGOV"], ["IGOWSTNAT"], cameo="120", plover="REJECT", quad=3,
                  goldstein=-4.0, sentence=1, day=D(2025, 3, 2))
        add_event(con, "c300000000000000", "a1", ["UKRGOV"], [], cameo="020", plover="REQUEST", goldstein=3.0, sentence=2)
        add_event(con, "d400000000000000", "a1", ["UKR"], ["USA"], cameo="010", plover=None, goldstein=0.0, sentence=2)
        add_event(con, "e500000000000000", "a1", ["USA"], ["RUS"], cameo="190", plover="ASSAULT", quad=4,
                  goldstein=-10.0, negated=True, sentence=1)
        add_event(con, "f600000000000000", "a1", ["USA"], ["RUS"], cameo="163", plover="SANCTION", quad=4,
                  goldstein=-8.0, hypothetical=True, sentence=1)
        add_event(con, "1070000000000000", "a2", ["RUSGOV"], ["USAGOV"], sentence=0)    # near-duplicate's
        add_event(con, "1180000000000000", "a3", ["RUSGOV"], ["USAGOV"], sentence=0)    # undated
        yield con


def read_gdelt(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ----------------------------------------------------------------------------- GDELT

def test_exports_gdelt_has_the_61_columns_of_gdelt_2() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code" and GDELT_COLUMNS[24] == "Actor2Type3Code"
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[39] == "Actor1Geo_ADM2Code"
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[58] == "ActionGeo_FeatureID"
    assert GDELT_COLUMNS[59:] == ("DATEADDED", "SOURCEURL")


def test_exports_global_event_id_is_a_stable_positive_int64() -> None:
    ids = {global_event_id("ffffffffffffffff", k) for k in range(256)}
    assert len(ids) == 256 and max(ids) < 2**63
    assert global_event_id("ba5743ed76083352") == global_event_id("ba5743ed76083352")
    assert global_event_id("ba5743ed76083352", 3) >> 8 == int("ba5743ed76083", 16)
    assert 0 < global_event_id("not-hex") < 2**63
    with pytest.raises(ValueError):
        global_event_id("ba5743ed76083352", 256)


def test_exports_gdelt_edge_cases(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export(synthetic, "gdelt", tmp_path / "out")
    rows = read_gdelt(tmp_path / "out" / GDELT_FILE)
    assert result.files == {GDELT_FILE: len(rows)}
    assert result.skipped == {"near_duplicate": 1, "undated": 1, "negated_or_hypothetical": 2}
    assert all(len(row) == 61 for row in rows)
    by_event: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        record = dict(zip(GDELT_COLUMNS, row, strict=True))
        by_event.setdefault(int(record["GLOBALEVENTID"]) >> 8, []).append(record)
    assert len({r[0] for r in rows}) == len(rows)
    # the reciprocal compound event: one row a direction, no row of a party with itself
    talks = by_event[int("a100000000000000"[:13], 16)]
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in talks] == [("RUSGOV", "USAGOV"), ("USAGOV", "RUSGOV")]
    first = talks[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"], first["FractionDate"]) == ("20250304", "202503", "2025", "2025.1726")
    assert (first["Actor1CountryCode"], first["Actor1Type1Code"], first["Actor1Name"]) == ("RUS", "GOV", "TEXT OF RUSGOV")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == ("040", "040", "04", "1")
    assert (first["IsRootEvent"], first["GoldsteinScale"]) == ("1", "1")
    assert (first["NumArticles"], first["NumMentions"], first["NumSources"]) == ("2", "2", "2")  # with its wire copy
    assert (first["Actor1Geo_Type"], first["ActionGeo_Lat"], first["AvgTone"]) == ("0", "", "")
    assert (first["DATEADDED"], first["SOURCEURL"]) == ("20250305101112", "https://example.org/a1")
    # an IGO target, the sentence's own date, a later sentence
    reject = by_event[int("b200000000000000"[:13], 16)][0]
    assert (reject["Actor2Code"], reject["Actor2CountryCode"], reject["Actor2Type1Code"]) == ("IGOWSTNAT", "", "IGO")
    assert (reject["SQLDATE"], reject["EventCode"], reject["GoldsteinScale"], reject["IsRootEvent"]) == ("20250302", "120", "-4", "1")
    # no target: an empty Actor2; a CAMEO 01 event (no PLOVER type) is still a GDELT event
    request = by_event[int("c300000000000000"[:13], 16)][0]
    assert request["Actor2Code"] == request["Actor2Name"] == "" and request["IsRootEvent"] == "0"
    assert by_event[int("d400000000000000"[:13], 16)][0]["EventRootCode"] == "01"
    assert len(by_event) == 4


def test_exports_gdelt_include_negated(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export(synthetic, "gdelt", tmp_path, include_negated=True)
    codes = {row[26] for row in read_gdelt(tmp_path / GDELT_FILE)}
    assert {"190", "163"} <= codes and "negated_or_hypothetical" not in result.skipped


# ----------------------------------------------------------------------------- PLOVER

def test_exports_plover_edge_cases(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export(synthetic, "plover", tmp_path)
    records = read_jsonl(tmp_path / PLOVER_FILE)
    assert result.files == {PLOVER_FILE: 3}
    assert result.skipped == {"near_duplicate": 1, "undated": 1, "negated_or_hypothetical": 2, "no_plover_type": 1}
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == {"a100000000000000", "b200000000000000", "c300000000000000"}
    talks = by_id["a100000000000000"]
    assert list(talks) == list(PLOVER_FIELDS)
    assert [a["cameo_code"] for a in talks["source"]] == ["RUSGOV", "USAGOV"] and talks["recipient"] == []
    assert talks["source"][0] == {"code": "RUS", "sector": "GOV", "actor_text": "text of RUSGOV", "start": 0, "end": 6,
                                  "cameo_code": "RUSGOV"}
    assert (talks["event"], talks["quad_code"], talks["event_scale"], talks["context"]) == (["CONSULT"], 1, 1.0, [])
    assert talks["text"] == TEXT[0:26] and talks["text_info"] == {"sequence": 0, "start": 0, "end": 26}
    assert talks["cite_info"]["url"] == "https://example.org/a1" and talks["cite_info"]["publication"] == "Wire"
    reject = by_id["b200000000000000"]
    assert reject["date"] == "2025-03-02" and reject["recipient"][0]["code"] == "IGO"
    assert reject["recipient"][0]["sector"] is None and reject["quad_code"] == 3
    assert reject["text"] == "Russia rejected the plan."
    request = by_id["c300000000000000"]
    assert request["mode"] == describe("020").plover_mode == "appeal" and request["recipient"] == []


def test_exports_plover_include_negated_shows_the_flags(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    export(synthetic, "plover", tmp_path, include_negated=True)
    by_id = {r["id"]: r for r in read_jsonl(tmp_path / PLOVER_FILE)}
    assert by_id["e500000000000000"]["context"] == ["negation"] and by_id["e500000000000000"]["negated"] is True
    assert by_id["f600000000000000"]["context"] == ["hypothetical"] and by_id["f600000000000000"]["hypothetical"] is True
    assert by_id["e500000000000000"]["quad_code"] == 4 and by_id["f600000000000000"]["quad_code"] == 3  # PLOVER's quads
    assert len(by_id) == 5


# ----------------------------------------------------------------------------- Parquet

def test_exports_parquet_writes_every_table(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export(synthetic, "parquet", tmp_path)
    tables = parquet_tables(synthetic)
    assert "schema_migrations" not in tables and {"articles", "events", "statements", "issue_tags"} <= set(tables)
    assert set(result.files) == {f"{t}.parquet" for t in tables}
    for table in tables:
        count = synthetic.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert count is not None and result.files[f"{table}.parquet"] == count[0]
        assert pq.read_table(tmp_path / f"{table}.parquet").num_rows == result.files[f"{table}.parquet"]
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.num_rows == 8 and events.column_names == [c[0] for c in synthetic.execute("DESCRIBE events").fetchall()]


def test_exports_bad_format_and_bad_directory(synthetic: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="format 'xml'"):
        export(synthetic, "xml", tmp_path)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        export(synthetic, "gdelt", a_file)


# ----------------------------------------------------------------------------- CLI

def cli_app() -> typer.Typer:
    if "export" in {c.name for c in detente_app.registered_commands}:
        return detente_app
    app = typer.Typer()
    relations_cli.register(app)
    return app


def test_exports_cli_summary(synthetic: duckdb.DuckDBPyConnection, db_path: Path, tmp_path: Path) -> None:
    synthetic.close()
    out = tmp_path / "exports"
    result = runner.invoke(cli_app(), ["export", "--db", str(db_path), "--format", "plover", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["files"] == {PLOVER_FILE: 3} and summary["skipped"]["no_plover_type"] == 1
    result = runner.invoke(cli_app(), ["export", "--db", str(db_path), "--format", "gdelt", "--out", str(out)],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0 and GDELT_FILE in result.stdout and "1 near duplicate" in result.stdout
    result = runner.invoke(cli_app(), ["export", "--db", str(db_path), "--format", "xml", "--out", str(out)])
    assert result.exit_code == 2 and result.stderr.startswith("[D080]")
    result = runner.invoke(cli_app(), ["export", "--db", str(tmp_path / "missing.duckdb"), "--format", "gdelt",
                                       "--out", str(out)])
    assert result.exit_code == 1 and result.stderr.startswith("[D050]")


def test_exports_docs_describe_every_field() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in (*GDELT_COLUMNS, *PLOVER_FIELDS, *PLOVER_ACTOR_FIELDS, GDELT_FILE, PLOVER_FILE):
        assert f"`{name}`" in text, name
    assert "detente export" in text


# ----------------------------------------------------------------------------- the real pipeline

@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("exports") / "examples.duckdb"
    result = runner.invoke(detente_app, ["run", str(examples_dir), "--db", str(db)])
    assert result.exit_code in (0, 1), result.output  # the examples hold one broken feed on purpose
    return db


def stored_events(db: Path) -> dict[str, dict[str, Any]]:
    with Store(db, read_only=True) as store:
        result = store.con.execute(
            "SELECT e.*, coalesce(e.event_date, a.published) AS date, a.url, a.locator, a.duplicate_of, a.text "
            "FROM events e JOIN articles a ON a.id = e.article_id")
        names = [c[0] for c in result.description or []]
        return {row[0]: dict(zip(names, row, strict=True)) for row in result.fetchall()}


def exported(event: dict[str, Any], include_negated: bool = False) -> bool:
    return (event["duplicate_of"] is None and event["date"] is not None
            and (include_negated or not (event["negated"] or event["hypothetical"])))


@pytest.mark.slow
def test_exports_examples_gdelt_read_back(examples_db: Path, tmp_path: Path) -> None:
    events = stored_events(examples_db)
    with Store(examples_db, read_only=True) as store:
        result = export(store.con, "gdelt", tmp_path)
    rows = read_gdelt(tmp_path / GDELT_FILE)
    assert len(rows) == result.files[GDELT_FILE] >= 40
    assert all(len(row) == 61 for row in rows)
    by_prefix = {int(key[:13], 16): e for key, e in events.items()}
    seen = set()
    for row in rows:
        record = dict(zip(GDELT_COLUMNS, row, strict=True))
        event = by_prefix[int(record["GLOBALEVENTID"]) >> 8]
        seen.add(event["event_id"])
        assert exported(event)
        assert record["SQLDATE"] == event["date"].strftime("%Y%m%d") and re.fullmatch(r"20\d{6}", record["SQLDATE"])
        assert record["EventCode"] == event["cameo"] and record["EventRootCode"] == event["cameo"][:2]
        assert record["QuadClass"] == str(event["quad_class"])
        assert record["Actor1Code"] in {p["code"] for p in event["source"]}
        assert record["Actor2Code"] in {p["code"] for p in event["target"]} | {""}
        assert record["SOURCEURL"] == (event["url"] or event["locator"])
        assert re.fullmatch(r"\d{14}", record["DATEADDED"])
    assert seen == {key for key, e in events.items() if exported(e)}
    # DuckDB reads it as GDELT files are read: tab-separated, no header, 61 columns
    table = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / GDELT_FILE}', delim='\\t', header=false, quote='', "
                       "all_varchar=true)")
    assert len(table.columns) == 61 and len(table.fetchall()) == len(rows)
    urls = {r[60] for r in rows}
    assert any(u.startswith("https://") for u in urls)


@pytest.mark.slow
@pytest.mark.parametrize("include_negated", [False, True])
def test_exports_examples_plover_read_back(examples_db: Path, tmp_path: Path, include_negated: bool) -> None:
    events = stored_events(examples_db)
    with Store(examples_db, read_only=True) as store:
        result = export(store.con, "plover", tmp_path, include_negated=include_negated)
    records = read_jsonl(tmp_path / PLOVER_FILE)
    expected = {k for k, e in events.items() if exported(e, include_negated) and e["plover"]}
    assert {r["id"] for r in records} == expected and len(records) == result.rows >= 30
    for record in records:
        event = events[record["id"]]
        assert list(record) == list(PLOVER_FIELDS)
        assert record["event"] == [event["plover"]] and record["event"][0] in PLOVER_TYPES
        assert record["date"] == event["date"].isoformat()
        assert record["cameo"] == event["cameo"] and record["event_scale"] == event["goldstein"]
        info = record["text_info"]
        assert event["text"][info["start"]:info["end"]] == record["text"]
        assert event["text"][record["trigger_start"]:record["trigger_end"]] in record["text"]
        for actor in record["source"] + record["recipient"]:
            assert list(actor) == list(PLOVER_ACTOR_FIELDS)
            assert event["text"][actor["start"]:actor["end"]] == actor["actor_text"]
            assert actor["cameo_code"].startswith(actor["code"])
        assert record["source"], record
        flags = {"negation"} if event["negated"] else set()
        flags |= {"hypothetical"} if event["hypothetical"] else set()
        assert set(record["context"]) == flags
        assert include_negated or not flags
    if include_negated:
        assert any(r["negated"] for r in records) and any(r["hypothetical"] for r in records)


@pytest.mark.slow
def test_exports_examples_parquet_read_back(examples_db: Path, tmp_path: Path) -> None:
    with Store(examples_db, read_only=True) as store:
        result = export(store.con, "parquet", tmp_path)
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                  for t in parquet_tables(store.con)}
        texts = store.con.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    assert {"articles", "sentences", "mentions", "events", "codings"} <= set(counts)
    assert counts["events"] >= 50 and counts["articles"] >= 10
    for table, count in counts.items():
        assert result.files[f"{table}.parquet"] == count
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / (table + '.parquet')}')").fetchall() == [(count,)]
    back = duckdb.sql(f"SELECT id, text FROM read_parquet('{tmp_path / 'articles.parquet'}') ORDER BY id").fetchall()
    assert back == texts
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.schema.field("source").type.value_type.names == ["code", "text", "start_char", "end_char", "kind"]
