"""Bad input never stops a run: each bad item is one numbered problem, recorded in the
database, counted in the summary, while the good items beside it are ingested."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from detente import IngestOptions, Problem, RunOptions, RunSummary, Store, run
from helpers import ingest, query, stored

# --- helpers -------------------------------------------------------------------------

GOOD_TEXT = "Foreign ministers of Ghana and Togo met in Lome on Monday to discuss border security."











def good_file(folder: Path, name: str = "good.txt", text: str = GOOD_TEXT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_one_problem(summary: RunSummary, db_path: Path, code: str, locator: str, level: str = "error") -> Problem:
    """Exactly one problem, with this code and locator, reported and recorded in ingest_errors."""
    assert [(p.locator, p.code, p.level) for p in summary.problems] == [(locator, code, level)], summary.problems
    problem = summary.problems[0]
    assert problem.message.strip()
    assert f"[{code}]" in str(problem) and str(problem).startswith(locator)
    recorded = query(db_path, "SELECT locator, code, level, message FROM ingest_errors WHERE run_id = ?", [summary.run_id])
    assert recorded == [{"locator": locator, "code": code, "level": level, "message": problem.message}]
    run_row = query(db_path, "SELECT failed, warnings, items_read, status FROM ingest_runs WHERE id = ?", [summary.run_id])[0]
    assert run_row == {"failed": summary.failed, "warnings": summary.warnings, "items_read": summary.read, "status": "finished"}
    return problem


def assert_good_ingested(summary: RunSummary, db_path: Path, *locators: str) -> None:
    assert summary.ingested == len(locators)
    assert set(stored(db_path)) == set(locators)


# --- bytes that are not text -----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(range(256))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("logo.txt", PNG, id="png-as-txt"),
        pytest.param("nul.txt", b"Envoys\x00 met\x00 in\x00 Accra\x00.", id="nul-bytes"),
        pytest.param("archive.md", gzip.compress(GOOD_TEXT.encode() * 20), id="gzip-as-md"),
        pytest.param("controls.txt", bytes(range(1, 8)) * 40, id="control-characters"),
        pytest.param("image.jsonl", PNG + b'\n{"text": "x"}\n', id="png-as-jsonl"),  # one problem, not one per "line"
        pytest.param("image.rss", PNG, id="png-as-rss"),
        pytest.param("image.html", PNG, id="png-as-html"),
    ],
)
def test_decode_binary_file_d011(tmp_path: Path, db_path: Path, name: str, data: bytes) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D011", str(bad))
    assert str(bad) in problem.message and "binary" in problem.message
    assert_good_ingested(summary, db_path, str(good))
    assert summary.failed == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("empty.txt", b"", id="empty-txt"),
        pytest.param("blank.txt", b" \n\t\n   \r\n", id="whitespace-txt"),
        pytest.param("empty.md", b"", id="empty-md"),
        pytest.param("blank.jsonl", b"\n\n  \n", id="whitespace-jsonl"),
        pytest.param("empty.json", b"", id="empty-json"),
        pytest.param("empty.csv", b"", id="empty-csv"),
        pytest.param("empty.rss", b"", id="empty-rss"),
        pytest.param("empty.html", b"\n", id="blank-html"),
    ],
)
def test_decode_empty_file_d010(tmp_path: Path, db_path: Path, name: str, data: bytes) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D010", str(bad))
    assert str(bad) in problem.message
    assert_good_ingested(summary, db_path, str(good))


@pytest.mark.parametrize(
    ("name", "content", "locator"),
    [
        pytest.param("invisible.txt", "\u200b\u2060\ufeff\u00a0\n\u3000", "", id="only-invisible-characters"),
        pytest.param("none.json", "[]", "", id="empty-json-list"),
        pytest.param("none-wrapped.json", '{"articles": []}', "", id="empty-articles-list"),
        pytest.param("header-only.csv", "id,title,text\n", "", id="csv-header-only"),
        pytest.param("blank-record.jsonl", json.dumps({"text": "  \u00a0 "}) + "\n", "#L1", id="jsonl-blank-text"),
    ],
)
def test_decode_no_text_left_d010(tmp_path: Path, db_path: Path, name: str, content: str, locator: str) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    code = "D021" if name.endswith(".jsonl") else "D010"  # a record whose text field is blank has no text field
    assert_one_problem(summary, db_path, code, f"{bad}{locator}")
    assert_good_ingested(summary, db_path, str(good))


# --- encodings ---------------------------------------------------------------------------

RUSSIAN = (
    "Москва и Вашингтон договорились продолжить консультации\n\n"
    "Министр иностранных дел России заявил во вторник, что Москва готова продолжить консультации с Вашингтоном "
    "о работе посольств. По его словам, следующая встреча делегаций может пройти в Стамбуле в апреле. "
    "Представитель Госдепартамента подтвердил, что стороны обсуждают график переговоров."
)


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        pytest.param("moscow.txt", RUSSIAN.encode("cp1251"), "cp1251", id="cp1251-russian"),
        pytest.param("moscow-bom.txt", RUSSIAN.encode("utf-8-sig"), "utf-8-sig", id="utf-8-bom"),
        pytest.param("moscow-utf16.txt", RUSSIAN.encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param("moscow.md", RUSSIAN.encode("utf-8"), "utf-8", id="utf-8"),
    ],
)
def test_decode_legacy_encoding_read(tmp_path: Path, db_path: Path, name: str, data: bytes, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    good = good_file(tmp_path)

    summary = ingest([path, good], db_path)

    assert summary.problems == []
    row = stored(db_path)[str(path)]
    assert row["encoding"] == encoding
    title, _, body = RUSSIAN.partition("\n\n")
    assert row["title"] == title
    assert row["text"] == body  # Cyrillic intact, nothing replaced
    assert "\ufffd" not in row["text"] and "Ð" not in row["text"]
    assert_good_ingested(summary, db_path, str(path), str(good))


def test_decode_cp1251_csv_records_read(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "lenta.csv"
    body = RUSSIAN.partition("\n\n")[2]
    path.write_bytes(("id,title,text\nr1,Консультации,\"" + body + "\"\n").encode("cp1251"))

    summary = ingest([path], db_path)

    assert summary.problems == []
    row = stored(db_path)[f"{path}#row=1"]
    assert (row["text"], row["title"], row["encoding"]) == (body, "Консультации", "cp1251")


def test_decode_cp1252_english_read(tmp_path: Path, db_path: Path) -> None:
    text = "The envoy\u2019s visit to Montr\u00e9al was described as \u201cfrank\u201d by officials \u2014 talks will resume in Qu\u00e9bec."
    path = tmp_path / "montreal.txt"
    path.write_bytes(text.encode("cp1252"))

    summary = ingest([path], db_path)

    assert summary.problems == []
    row = stored(db_path)[str(path)]
    assert (row["text"], row["encoding"]) == (text, "cp1252")


# --- size limits ------------------------------------------------------------------------------

TEN_MB = 10 * 1024 * 1024


def test_pipeline_huge_single_line_text_d013(tmp_path: Path, db_path: Path) -> None:
    sentence = "Delegates debated the wording of the final communique. "
    bad = tmp_path / "huge.txt"
    bad.write_text(sentence * (TEN_MB // len(sentence) + 1), encoding="utf-8")  # one 10 MB line, under max_bytes
    assert bad.stat().st_size > TEN_MB
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)  # the default max_chars: 1,000,000

    problem = assert_one_problem(summary, db_path, "D013", str(bad))
    assert "1,000,000" in problem.message
    assert_good_ingested(summary, db_path, str(good))


def test_records_huge_jsonl_line_d013(tmp_path: Path, db_path: Path) -> None:
    # No small max_bytes is needed: the 10 MB line is well under the 25 MB default byte
    # limit, so the whole file is read and the record is refused for its text length
    # (over max_chars, 1,000,000 by default), which is the limit an article must meet.
    path = tmp_path / "wire.jsonl"
    lines = [
        {"id": "a", "text": "Ecuador and Colombia reopened their border crossing on Friday."},
        {"id": "huge", "text": "The summit communique was amended again. " * (TEN_MB // 41 + 1)},
        {"id": "c", "text": "The Peruvian foreign minister visited Quito for talks on trade."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > TEN_MB

    summary = ingest([path], db_path)

    problem = assert_one_problem(summary, db_path, "D013", f"{path}#L2")
    assert "over the limit of 1,000,000" in problem.message
    assert_good_ingested(summary, db_path, f"{path}#L1", f"{path}#L3")


def test_sources_file_over_max_bytes_d013(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "long.txt"
    bad.write_text("Talks on the border dispute continued late into the night. " * 100, encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path, max_bytes=1000)

    problem = assert_one_problem(summary, db_path, "D013", str(bad))
    assert str(bad) in problem.message and "1,000-byte limit" in problem.message
    assert_good_ingested(summary, db_path, str(good))


# --- HTML ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<html><body><script>window.app = {render: true};</script><div", id="truncated-script-only"),
        pytest.param("<html><head><title>Loading</title></head><body><div id='root'></div></body></html>", id="script-rendered"),
        pytest.param("<html><head><style>p { color: red }</style></head><body><!-- story goes here --></body></html>", id="style-and-comment"),
        pytest.param("<!DOCTYPE html><html><body></body></html>", id="empty-body"),
    ],
)
def test_html_broken_no_text_d030(tmp_path: Path, db_path: Path, html: str) -> None:
    bad = tmp_path / "broken.html"
    bad.write_text(html, encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D030", str(bad))
    assert str(bad) in problem.message
    assert_good_ingested(summary, db_path, str(good))


def test_html_broken_but_recoverable_ingested(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "recoverable.html"
    path.write_text(
        "<html><head><title>Envoys meet in Washington</title><body><div class=story><p>Envoys from Armenia and Azerbaijan met in "
        "Washington on Friday to discuss the text of a peace treaty.<p>The talks lasted six hours, a spokesperson said, "
        "and will continue next month in Brussels.<div><p>Both sides praised the progress made on border demarcation",
        encoding="utf-8",
    )  # unclosed head, body, paragraphs and divs; cut off mid-sentence

    summary = ingest([path], db_path)

    assert summary.problems == []
    row = stored(db_path)[str(path)]
    assert row["format"] == "html"
    assert "Envoys from Armenia and Azerbaijan met in Washington on Friday" in row["text"]
    assert "will continue next month in Brussels." in row["text"]
    assert "<p>" not in row["text"]
    assert row["title"] == "Envoys meet in Washington"


# --- records -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_line",
    [
        pytest.param('{"id": "b", "text": "The talks in Doha were', id="unterminated-string"),
        pytest.param("{'id': 'b', 'text': 'single quotes are not JSON'}", id="single-quotes"),
        pytest.param('{"id": "b", "text": "trailing comma",}', id="trailing-comma"),
        pytest.param("not json at all, just a sentence about talks.", id="plain-text"),
    ],
)
def test_records_malformed_jsonl_line_d020(tmp_path: Path, db_path: Path, bad_line: str) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "The Qatari mediator met both delegations in Doha."}) + "\n"
        + bad_line + "\n"
        + json.dumps({"id": "c", "text": "Egyptian officials travelled to Doha to join the talks."}) + "\n",
        encoding="utf-8",
    )

    summary = ingest([path], db_path)

    problem = assert_one_problem(summary, db_path, "D020", f"{path}#L2")
    assert problem.locator.endswith("#L2")
    assert "column" in problem.message and " at at " not in problem.message
    assert_good_ingested(summary, db_path, f"{path}#L1", f"{path}#L3")
    assert {row["external_id"] for row in stored(db_path).values()} == {"a", "c"}


def test_records_malformed_json_file_d020(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('[{"id": "a", "text": "Talks in Doha resumed."},\n {"id": "b", "text": "unfinished', encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D020", str(bad))
    assert "line 2" in problem.message
    assert_good_ingested(summary, db_path, str(good))


@pytest.mark.parametrize(
    "record",
    [
        pytest.param({"id": "b", "title": "Talks in Doha", "summary": "A short summary is not the text field."}, id="no-text-field"),
        pytest.param({"id": "b", "text": 42}, id="text-not-a-string"),
        pytest.param({"id": "b", "text": "", "body": None}, id="empty-text"),
        pytest.param(["a", "list", "not", "an", "object"], id="not-an-object"),
    ],
)
def test_records_jsonl_record_without_text_d021(tmp_path: Path, db_path: Path, record: Any) -> None:
    path = tmp_path / "fields.jsonl"
    path.write_text(
        json.dumps(record) + "\n" + json.dumps({"id": "ok", "body": "The Omani foreign minister hosted the delegations in Muscat."}) + "\n",
        encoding="utf-8",
    )

    summary = ingest([path], db_path)

    problem = assert_one_problem(summary, db_path, "D021", f"{path}#L1")
    assert "--text-field" in problem.message or "object" in problem.message
    assert_good_ingested(summary, db_path, f"{path}#L2")


def test_records_csv_ragged_row_d022(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        "id,title,text\n"
        "r1,Talks,The Lithuanian and Polish presidents met in Vilnius.\n"
        "r2,Extra,too,many,fields,here\n"
        "r3,Visit,The Latvian prime minister visited Tallinn on Friday.\n",
        encoding="utf-8",
    )

    summary = ingest([path], db_path)

    assert_one_problem(summary, db_path, "D022", f"{path}#row=2")
    assert_good_ingested(summary, db_path, f"{path}#row=1", f"{path}#row=3")


# --- feeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("cut.rss", '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>'
                     "<link>https://news.example.org/</link></chan", id="truncated-before-items"),
        pytest.param("words.rss", "<rss> this feed was replaced by an error message & nothing else", id="not-xml"),
        pytest.param("noentries.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty desk</title></feed>',
                     id="valid-but-no-entries"),
    ],
)
def test_feeds_malformed_feed_d031(tmp_path: Path, db_path: Path, name: str, content: str) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D031", str(bad))
    assert problem.message.startswith("malformed feed")
    assert_good_ingested(summary, db_path, str(good))


def test_feeds_damaged_feed_keeps_readable_entries(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "damaged.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Talks in Rome</title><guid>g1</guid><description>Italian and Libyan ministers met in Rome.</description></item>"
        "<item><title>Talks in Tunis</title><guid>g2</guid><description>Tunisian and Algerian envoys met in Tunis.</description></item>"
        "<item><title>Cut off",
        encoding="utf-8",
    )

    summary = ingest([path], db_path)

    problems = {(p.locator, p.code, p.level) for p in summary.problems}
    assert (str(path), "D031", "warning") in problems  # the XML is damaged, but entries were read
    assert {p.level for p in summary.problems if p.locator != str(path)} <= {"error"}
    assert {row["external_id"] for row in stored(db_path).values()} == {"g1", "g2"}
    recorded = query(db_path, "SELECT locator, code, level FROM ingest_errors WHERE run_id = ?", [summary.run_id])
    assert {(r["locator"], r["code"], r["level"]) for r in recorded} == problems
    assert summary.warnings == 1


def test_feeds_xml_that_is_not_a_feed_d003(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "sitemap.xml"
    bad.write_text('<?xml version="1.0"?><urlset><url><loc>https://news.example.org/a</loc></url></urlset>', encoding="utf-8")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    assert_one_problem(summary, db_path, "D003", str(bad))
    assert_good_ingested(summary, db_path, str(good))


# --- paths --------------------------------------------------------------------------------------


def test_sources_missing_path_d001(tmp_path: Path, db_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "story.txt"
    good = good_file(tmp_path)

    summary = ingest([missing, good], db_path)

    problem = assert_one_problem(summary, db_path, "D001", str(missing))
    assert str(missing) in problem.message
    assert_good_ingested(summary, db_path, str(good))


def test_sources_broken_link_in_folder_d001(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    good = good_file(folder)
    link = folder / "moved.txt"
    link.symlink_to(tmp_path / "gone.txt")

    summary = ingest([folder], db_path)

    problem = assert_one_problem(summary, db_path, "D001", str(link))
    assert str(link) in problem.message
    assert_good_ingested(summary, db_path, str(good))


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A world-writable folder outside pytest's private (0700) tmp tree, for another user."""
    folder = Path(tempfile.mkdtemp(prefix="detente-d002-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_UNPRIVILEGED_RUN = textwrap.dedent(
    """
    import json, os, sys
    from detente import IngestOptions, RunOptions, Store, run  # imported as root: the interpreter lives under /root

    folder, db = sys.argv[1], sys.argv[2]
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)  # nobody: file permissions apply again
    with Store(db) as store:
        summary = run([folder], store, RunOptions(annotate=False, ingest=IngestOptions()))
    print(json.dumps(summary.as_dict(), default=str))
    """
)


def test_sources_unreadable_file_d002(shared_tmp: Path) -> None:
    folder = shared_tmp / "news"
    folder.mkdir()
    folder.chmod(0o777)
    good = good_file(folder)
    good.chmod(0o644)
    locked = good_file(folder, "locked.txt", "The secret cable from the embassy in Bern was never read.")
    locked.chmod(0o000)
    db_path = shared_tmp / "test.duckdb"

    if os.geteuid() == 0:
        if not hasattr(os, "setuid"):
            pytest.skip("cannot drop root privileges on this platform")
        command = [sys.executable, "-c", _UNPRIVILEGED_RUN, str(folder), str(db_path)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 and "PermissionError" in result.stderr and "setuid" in result.stderr:
            pytest.skip(f"cannot drop root privileges here: {result.stderr.strip().splitlines()[-1]}")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout.strip().splitlines()[-1])
        assert data["read"] == data["ingested"] + data["duplicates"] + data["failed"]
        summary = RunSummary(run_id=data["run_id"], read=data["read"], ingested=data["ingested"], duplicates=data["duplicates"],
                             failed=data["failed"], warnings=data["warnings"], problems=[Problem(**p) for p in data["problems"]])
    else:  # an ordinary user cannot read a file with mode 000
        summary = ingest([folder], db_path)

    problem = assert_one_problem(summary, db_path, "D002", str(locked))
    assert str(locked) in problem.message and "permission" in problem.message
    assert_good_ingested(summary, db_path, str(good))


@pytest.mark.parametrize("name", ["report.pdf", "minutes.docx", "README", "notes.rtf"])
def test_sources_unsupported_extension_d003(tmp_path: Path, db_path: Path, name: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"%PDF-1.7\n" if name.endswith(".pdf") else b"Talks notes in some other format.")
    good = good_file(tmp_path)

    summary = ingest([bad, good], db_path)

    problem = assert_one_problem(summary, db_path, "D003", str(bad))
    assert str(bad) in problem.message
    assert_good_ingested(summary, db_path, str(good))


def test_sources_many_bad_items_one_run(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-binary.txt").write_bytes(PNG)
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "d-broken.html").write_text("<html><body><script>x()</script><div", encoding="utf-8")
    (folder / "e-lines.jsonl").write_text('{"text": "Talks in Baku resumed."}\n{oops\n{"title": "no text"}\n', encoding="utf-8")
    (folder / "f-cut.rss").write_text("<rss><channel><title>Cut</title></cha", encoding="utf-8")
    good = good_file(folder, "g-good.txt")

    summary = ingest([folder, tmp_path / "missing.txt"], db_path)

    assert summary.reasons() == {"D011": 1, "D010": 1, "D003": 1, "D030": 1, "D020": 1, "D021": 1, "D031": 1, "D001": 1}
    assert (summary.failed, summary.ingested, summary.read) == (8, 2, 10)
    assert_good_ingested(summary, db_path, str(good), f"{folder / 'e-lines.jsonl'}#L1")
    recorded = query(db_path, "SELECT code FROM ingest_errors WHERE run_id = ? ORDER BY code", [summary.run_id])
    assert sorted(summary.reasons().elements()) == [row["code"] for row in recorded]


def test_ingest_fifo_is_refused_not_blocking(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "with-fifo"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text("Envoys met\n\nThe envoys of both states met in Oslo on Friday to discuss the truce.")

    with Store(db_path) as store:
        summary = run([str(folder)], store, RunOptions(annotate=False))
    assert summary.ingested == 1
    assert [(Path(p.locator).name, p.code) for p in summary.problems] == [("pipe.txt", "D002")]
