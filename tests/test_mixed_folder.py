"""Done-when check of the foundation: one folder mixing good files with every bad kind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app

GOOD_TEXT = (
    "Ministers agree on prisoner swap\n\n"
    "GENEVA, April 2, 2025 — The foreign ministers of the two states agreed on Wednesday to exchange "
    "two hundred prisoners of war before the end of the month, officials said after the meeting."
)
GOOD_HTML = (
    "<html><head><title>Envoys meet in Vienna</title>"
    '<meta property="article:published_time" content="2025-05-06T08:00:00Z"></head><body>'
    "<nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>Envoys meet in Vienna</h1>"
    + "".join(f"<p>Paragraph {i}: the envoys discussed inspections, sanctions relief and the timetable of the talks in Vienna.</p>" for i in range(5))
    + "</article><footer>All rights reserved</footer></body></html>"
)
RUSSIAN = (
    "Переговоры в Женеве\n\n"
    "Министр иностранных дел заявил во вторник, что Москва готова продолжить переговоры с Вашингтоном. "
    "Встреча делегаций прошла в Женеве и продолжалась четыре часа."
)


def _write_folder(folder: Path, base_url: str) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (folder / "russian-cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": "The two delegations met in Doha on Monday to discuss a ceasefire."}) + "\n"
        + '{"id": "r2", "text": "broken line\n'
        + json.dumps({"id": "r3", "text": "The summit in Ankara ended without a joint statement."}) + "\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge-line.txt").write_text("talks " * 1_750_000, encoding="utf-8")  # 10.5 MB, one line
    (folder / "broken.html").write_text("<html><head><script>var x = 1;</script></head><body><div class=", encoding="utf-8")
    (folder / "broken.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title><item", encoding="utf-8")
    (folder / "links.urls").write_text(
        f"# fetched with --allow-private\n{base_url}/ok\n{base_url}/missing\n{base_url}/error\n{base_url}/slow\n", encoding="utf-8"
    )


@pytest.mark.slow
@pytest.mark.network
def test_mixed_folder_ingests_good_and_reports_each_bad(tmp_path: Path, http_server) -> None:  # type: ignore[no-untyped-def]
    def ok(handler) -> None:  # type: ignore[no-untyped-def]
        body = GOOD_HTML.replace("Vienna", "Oslo").encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def error(handler) -> None:  # type: ignore[no-untyped-def]
        handler.send_error(500, "Internal Server Error")

    def slow(handler) -> None:  # type: ignore[no-untyped-def]
        time.sleep(2.0)
        ok(handler)

    base = http_server({"/ok": ok, "/error": error, "/slow": slow})
    folder = tmp_path / "mixed"
    _write_folder(folder, base)
    db = tmp_path / "mixed.duckdb"
    args = ["run", str(folder), str(tmp_path / "no-such-file.txt"), "--db", str(db), "--allow-private", "--timeout", "0.5", "--json"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    # good.txt, good.html, russian-cp1251.txt, two JSONL lines, the /ok page
    assert summary["ingested"] == 6
    assert summary["read"] == summary["ingested"] + summary["duplicates"] + summary["failed"]
    reasons = {(Path(p["locator"].split("#")[0]).name if "://" not in p["locator"] else p["locator"].rsplit("/", 1)[1], p["code"])
               for p in summary["problems"] if p["level"] == "error"}
    assert reasons == {
        ("no-such-file.txt", "D001"),
        ("binary.txt", "D011"),
        ("empty.txt", "D010"),
        ("huge-line.txt", "D013"),
        ("broken.html", "D030"),
        ("broken.rss", "D031"),
        ("records.jsonl", "D020"),
        ("missing", "D042"),
        ("error", "D042"),
        ("slow", "D041"),
    }
    assert summary["failed"] == len(reasons)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM ingest_errors WHERE level = 'error'").fetchone()
        assert stored == (len(reasons),)
        russian = con.execute("SELECT encoding, text, language FROM articles WHERE locator LIKE '%russian-cp1251.txt'").fetchone()
        assert russian is not None and russian[0] == "cp1251" and "Министр иностранных дел" in russian[1] and russian[2] == "ru"
        assert con.execute("SELECT count(*) FROM articles WHERE annotated_by IS NULL").fetchone() == (0,)
    finally:
        con.close()
