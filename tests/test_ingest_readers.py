"""Readers: every supported input format, end to end into a real DuckDB file.

Each test writes its own small inputs to ``tmp_path``, runs ``detente.run`` without spaCy
(``annotate=False``), and checks both the returned summary and the rows in the database.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from detente import FieldMap, IngestOptions, RunOptions, RunSummary, Store, article_id, clean_text, run
from helpers import ingest, query, stored

# --- helpers -------------------------------------------------------------------------











def recorded_errors(db_path: Path, run_id: int) -> list[dict[str, Any]]:
    return query(db_path, "SELECT locator, code, level, message FROM ingest_errors WHERE run_id = ? ORDER BY locator", [run_id])


def assert_clean_run(summary: RunSummary, db_path: Path, ingested: int) -> None:
    """No problem at all, ``ingested`` new articles, nothing in ingest_errors."""
    assert summary.problems == []
    assert (summary.ingested, summary.failed, summary.duplicates) == (ingested, 0, 0)
    assert recorded_errors(db_path, summary.run_id) == []


# --- texts (written for these tests) ------------------------------------------------------

BODY = (
    "Foreign ministers of Norway and Chile met in Oslo on Monday to discuss a joint proposal on fisheries.\n\n"
    "Both delegations described the talks as constructive and agreed to meet again in Santiago in the autumn."
)


# --- plain text and Markdown ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        pytest.param(f"Norway and Chile agree to new fisheries talks\n\n{BODY}\n", "Norway and Chile agree to new fisheries talks", BODY,
                     id="headline"),
        pytest.param(f"{BODY}\n", None, BODY, id="no-headline"),
        pytest.param("A sentence that ends with a full stop.\nThe envoy left Oslo on Tuesday.\n", None,
                     "A sentence that ends with a full stop.\nThe envoy left Oslo on Tuesday.", id="first-line-is-a-sentence"),
        pytest.param("  \n\nEnvoys meet in Oslo\nThe envoys met for three hours.", "Envoys meet in Oslo", "The envoys met for three hours.",
                     id="leading-blank-lines"),
    ],
)
def test_text_headline_split_off_as_title(tmp_path: Path, db_path: Path, content: str, title: str | None, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)[str(path)]
    assert row["title"] == title
    assert row["text"] == text
    assert row["id"] == article_id(text)
    assert (row["format"], row["encoding"], row["path"]) == ("txt", "utf-8", str(path))
    assert row["chars"] == len(text)
    if title:
        assert title not in row["text"]


def test_text_markdown_markup_stripped(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(
        "# Moscow and Washington resume embassy talks\n\n"
        "**Diplomats** from both capitals met in [Istanbul](https://example.org/istanbul) on *Thursday*.\n\n"
        "> The talks were businesslike, a spokesperson said.\n\n"
        "- staffing of embassies\n"
        "- banking for diplomats\n\n"
        "---\n\n"
        "A further round is planned for `April`.\n",
        encoding="utf-8",
    )

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)[str(path)]
    assert row["title"] == "Moscow and Washington resume embassy talks"
    assert row["format"] == "md"
    assert row["text"] == (
        "Diplomats from both capitals met in Istanbul on Thursday.\n\n"
        "The talks were businesslike, a spokesperson said.\n\n"
        "staffing of embassies\nbanking for diplomats\n\n"
        "A further round is planned for April."
    )
    for markup in ("#", "**", "](", "> ", "- ", "---", "`"):
        assert markup not in row["text"], markup


# --- HTML ----------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ceasefire talks resume in Doha</title>
<meta property="article:published_time" content="2025-04-10T08:00:00Z">
<meta property="og:site_name" content="Harbour Wire">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World desk menu</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Ceasefire talks resume in Doha</h1>
<p>Mediators from Qatar and Egypt resumed ceasefire talks in Doha on Thursday, two officials said.</p>
<p>The delegations discussed a phased exchange of prisoners and the delivery of humanitarian aid.</p>
<p>A spokesman for the foreign ministry said the talks would continue next week in Cairo.</p>
</article>
<footer><p>Copyright Harbour Wire. All rights reserved. Cookie settings and privacy policy.</p></footer>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_boilerplate_dropped_metadata_kept(tmp_path: Path, db_path: Path, suffix: str) -> None:
    path = tmp_path / f"doha{suffix}"
    path.write_text(HTML_PAGE, encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)[str(path)]
    assert row["title"] == "Ceasefire talks resume in Doha"
    assert row["published"] == dt.date(2025, 4, 10)
    assert row["date_method"] == "metadata"
    assert row["source"] == "Harbour Wire"
    assert row["format"] == "html"
    assert "Mediators from Qatar and Egypt resumed ceasefire talks in Doha" in row["text"]
    assert "talks would continue next week in Cairo." in row["text"]
    for boilerplate in ("World desk menu", "Subscribe to our newsletter", "Copyright", "Cookie settings", "<p>"):
        assert boilerplate not in row["text"], boilerplate
    assert not row["text"].startswith("Ceasefire talks resume in Doha")  # the <h1> repeating the title is dropped


# --- records: JSONL, JSON, CSV -----------------------------------------------------------------

RECORDS = [
    {"id": "wire-001", "title": "Ankara hosts grain talks", "url": "https://news.example.org/grain", "date": "2025-03-04",
     "source": "Example Wire", "text": "Turkish officials hosted talks on grain exports in Ankara on Tuesday."},
    {"id": 2, "title": "Envoys meet in Vienna", "url": "https://news.example.org/vienna", "date": "Thu, 06 Mar 2025 09:30:00 GMT",
     "source": "Example Wire", "text": "Envoys from Iran and three European states met in Vienna on Thursday."},
]


def test_records_jsonl_fields_kept(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in RECORDS) + "\n\n", encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 2)
    rows = stored(db_path)
    first, second = rows[f"{path}#L1"], rows[f"{path}#L2"]
    assert (first["external_id"], first["title"], first["url"], first["source"]) == (
        "wire-001", "Ankara hosts grain talks", "https://news.example.org/grain", "Example Wire")
    assert (first["published"], first["date_method"], first["date_text"]) == (dt.date(2025, 3, 4), "metadata", "2025-03-04")
    assert first["text"] == RECORDS[0]["text"]
    assert (first["format"], first["encoding"]) == ("jsonl", "utf-8")
    assert second["external_id"] == "2"  # numeric ids are kept as text
    assert (second["published"], second["date_method"]) == (dt.date(2025, 3, 6), "metadata")


def test_records_text_field_override(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    records = [
        {"id": "a", "text": "Teaser: talks in Rome.", "body": "Italian and Libyan ministers met in Rome to discuss migration and energy."},
        {"id": "b", "text": "Only a teaser field here about talks in Tunis."},
        {"id": "c", "body": "The Tunisian envoy travelled to Algiers for consultations on border security."},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")

    summary = ingest([path], db_path, fields=FieldMap.with_overrides(text="body"))

    rows = stored(db_path)
    assert set(rows) == {f"{path}#L1", f"{path}#L3"}
    assert rows[f"{path}#L1"]["text"] == records[0]["body"]  # the override wins over the default "text"
    assert rows[f"{path}#L3"]["text"] == records[2]["body"]
    assert [(p.locator, p.code) for p in summary.problems] == [(f"{path}#L2", "D021")]
    assert "body" in summary.problems[0].message
    assert [(e["locator"], e["code"]) for e in recorded_errors(db_path, summary.run_id)] == [(f"{path}#L2", "D021")]


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param(lambda records: records, id="list"),
        pytest.param(lambda records: {"articles": records}, id="articles-object"),
        pytest.param(lambda records: {"meta": {"count": 2}, "results": records}, id="results-object"),
    ],
)
def test_records_json_list_and_wrapped_list(tmp_path: Path, db_path: Path, layout: Any) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(layout(RECORDS), indent=2), encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 2)
    rows = stored(db_path)
    assert set(rows) == {f"{path}#item=1", f"{path}#item=2"}
    first = rows[f"{path}#item=1"]
    assert (first["external_id"], first["title"], first["url"], first["published"], first["format"]) == (
        "wire-001", "Ankara hosts grain talks", "https://news.example.org/grain", dt.date(2025, 3, 4), "json")


def test_records_json_single_object(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(RECORDS[0]), encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    assert stored(db_path)[str(path)]["external_id"] == "wire-001"


@pytest.mark.parametrize(("suffix", "delimiter"), [(".csv", ","), (".csv", ";"), (".tsv", "\t")])
def test_records_csv_header_and_quoted_fields(tmp_path: Path, db_path: Path, suffix: str, delimiter: str) -> None:
    multiline = "Negotiators met in Oslo, Norway, on Sunday.\nThey agreed, after long talks, to meet again in June."
    rows = [
        ["id", "title", "date", "source", "text"],
        ["c1", "Talks in Oslo, again", "2025-03-02", "Fjord Post", multiline],
        ["c2", "Envoy visits Cairo", "2025-03-03", "Fjord Post", 'The envoy said the "aid corridor" plan was close.'],
    ]

    def cell(value: str) -> str:
        if any(char in value for char in (delimiter, "\n", '"', ",")):
            return '"' + value.replace('"', '""') + '"'
        return value

    path = tmp_path / f"table{suffix}"
    path.write_text("\r\n".join(delimiter.join(cell(value) for value in row) for row in rows) + "\r\n", encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 2)
    stored_rows = stored(db_path)
    first, second = stored_rows[f"{path}#row=1"], stored_rows[f"{path}#row=2"]
    assert first["text"] == multiline
    assert (first["title"], first["external_id"], first["source"], first["published"]) == (
        "Talks in Oslo, again", "c1", "Fjord Post", dt.date(2025, 3, 2))
    assert second["text"] == 'The envoy said the "aid corridor" plan was close.'
    assert (first["format"], first["encoding"]) == ("csv", "utf-8")


# --- feeds ---------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Harbour Wire: World</title><link>https://news.example.org/</link><description>World news</description>
<item>
  <title>Ministers meet in Riyadh</title>
  <link>https://news.example.org/riyadh</link>
  <guid isPermaLink="false">urn:harbour:1001</guid>
  <pubDate>Tue, 18 Feb 2025 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;Foreign ministers met in Riyadh on Tuesday.&lt;/p&gt;&lt;p&gt;They agreed to restore embassy staff.&lt;/p&gt;</description>
</item>
<item>
  <title>Envoys hold grain talks in Ankara</title>
  <link>https://news.example.org/ankara</link>
  <guid isPermaLink="false">urn:harbour:1002</guid>
  <pubDate>Wed, 19 Feb 2025 08:15:00 +0000</pubDate>
  <description>Envoys held talks in Ankara about grain exports &amp; shipping lanes.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Summit Desk</title><id>urn:summit-desk</id><updated>2025-03-02T00:00:00Z</updated>
<entry>
  <title>Summit ends with maritime statement</title>
  <link href="https://news.example.org/summit"/>
  <id>tag:news.example.org,2025:summit</id>
  <updated>2025-03-01T12:00:00Z</updated>
  <summary>The summit ended with a joint statement on maritime security.</summary>
</entry>
<entry>
  <title>Foreign ministers to meet in Lisbon</title>
  <link href="https://news.example.org/lisbon"/>
  <id>tag:news.example.org,2025:lisbon</id>
  <updated>2025-03-02T07:00:00Z</updated>
  <content type="html">&lt;p&gt;Foreign ministers will meet in Lisbon next week to prepare the summit.&lt;/p&gt;</content>
</entry>
</feed>
"""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        pytest.param("world.rss", RSS, [
            ("Ministers meet in Riyadh", "https://news.example.org/riyadh", "urn:harbour:1001", dt.date(2025, 2, 18),
             "Foreign ministers met in Riyadh on Tuesday.\nThey agreed to restore embassy staff.", "Harbour Wire: World"),
            ("Envoys hold grain talks in Ankara", "https://news.example.org/ankara", "urn:harbour:1002", dt.date(2025, 2, 19),
             "Envoys held talks in Ankara about grain exports & shipping lanes.", "Harbour Wire: World"),
        ], id="rss2"),
        pytest.param("summit.atom", ATOM, [
            ("Summit ends with maritime statement", "https://news.example.org/summit", "tag:news.example.org,2025:summit", dt.date(2025, 3, 1),
             "The summit ended with a joint statement on maritime security.", "Summit Desk"),
            ("Foreign ministers to meet in Lisbon", "https://news.example.org/lisbon", "tag:news.example.org,2025:lisbon", dt.date(2025, 3, 2),
             "Foreign ministers will meet in Lisbon next week to prepare the summit.", "Summit Desk"),
        ], id="atom"),
        pytest.param("feed.xml", RSS, [
            ("Ministers meet in Riyadh", "https://news.example.org/riyadh", "urn:harbour:1001", dt.date(2025, 2, 18),
             "Foreign ministers met in Riyadh on Tuesday.\nThey agreed to restore embassy staff.", "Harbour Wire: World"),
            ("Envoys hold grain talks in Ankara", "https://news.example.org/ankara", "urn:harbour:1002", dt.date(2025, 2, 19),
             "Envoys held talks in Ankara about grain exports & shipping lanes.", "Harbour Wire: World"),
        ], id="rss-as-xml"),
    ],
)
def test_feeds_entries_become_articles(tmp_path: Path, db_path: Path, name: str, content: str, expected: list[tuple[Any, ...]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, len(expected))
    rows = stored(db_path)
    assert set(rows) == {f"{path}#entry={number}" for number in range(1, len(expected) + 1)}
    for number, (title, url, guid, published, text, source) in enumerate(expected, 1):
        row = rows[f"{path}#entry={number}"]
        assert (row["title"], row["url"], row["external_id"], row["published"], row["date_method"]) == (title, url, guid, published, "metadata")
        assert row["text"] == text
        assert row["source"] == source
        assert row["format"] == "feed"
        assert row["path"] == str(path)


# --- folders and standard input ---------------------------------------------------------------


def test_sources_directory_walked_recursively_hidden_skipped(tmp_path: Path, db_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "2025" / "march").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "top.txt").write_text("The Danish foreign minister visited Nuuk on Monday.", encoding="utf-8")
    (root / "2025" / "mid.md").write_text("# Talks\n\nCanadian and Mexican trade officials met in Ottawa.", encoding="utf-8")
    (root / "2025" / "march" / "deep.jsonl").write_text(
        json.dumps({"id": "d1", "text": "Japan and South Korea held a security dialogue in Seoul."}) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("A hidden note about a secret summit in Bern.", encoding="utf-8")
    (root / ".cache" / "cached.txt").write_text("A cached page about talks in Lima.", encoding="utf-8")
    (root / "2025" / ".draft.md").write_text("Draft about talks in Quito.", encoding="utf-8")

    summary = ingest([root], db_path)

    assert_clean_run(summary, db_path, 3)
    assert summary.sources == 3
    assert set(stored(db_path)) == {str(root / "top.txt"), str(root / "2025" / "mid.md"), f"{root / '2025' / 'march' / 'deep.jsonl'}#L1"}
    texts = " ".join(row["text"] for row in stored(db_path).values())
    for hidden in ("Bern", "Lima", "Quito"):
        assert hidden not in texts


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "Moldova and Romania sign energy pact\n\nThe two prime ministers signed the pact in Chisinau.\n".encode(),
            {"<stdin>": ("txt", "Moldova and Romania sign energy pact", "The two prime ministers signed the pact in Chisinau.")},
            id="text",
        ),
        pytest.param(
            (json.dumps({"id": "s1", "title": "Baltic talks", "text": "Baltic foreign ministers met in Riga."}) + "\n"
             + json.dumps({"id": "s2", "title": "Nordic talks", "text": "Nordic defence ministers met in Helsinki."}) + "\n").encode(),
            {"<stdin>#L1": ("jsonl", "Baltic talks", "Baltic foreign ministers met in Riga."),
             "<stdin>#L2": ("jsonl", "Nordic talks", "Nordic defence ministers met in Helsinki.")},
            id="jsonl",
        ),
        pytest.param(
            json.dumps([{"text": "Argentina and Chile discussed a border treaty in Mendoza."}]).encode(),
            {"<stdin>#item=1": ("json", None, "Argentina and Chile discussed a border treaty in Mendoza.")},
            id="json",
        ),
        pytest.param(
            HTML_PAGE.encode(),
            {"<stdin>": ("html", "Ceasefire talks resume in Doha", None)},
            id="html",
        ),
    ],
)
def test_sources_stdin_format_sniffed(monkeypatch: pytest.MonkeyPatch, db_path: Path, data: bytes, expected: dict[str, tuple[Any, ...]]) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))

    summary = ingest(["-"], db_path)

    assert_clean_run(summary, db_path, len(expected))
    rows = stored(db_path)
    assert set(rows) == set(expected)
    for locator, (fmt, title, text) in expected.items():
        assert (rows[locator]["format"], rows[locator]["title"], rows[locator]["path"]) == (fmt, title, None)
        if text is not None:
            assert rows[locator]["text"] == text


def test_sources_stdin_format_forced(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    data = b'{"text": "not parsed as JSON when the format is txt"}\n{"text": "second line"}\n'
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))

    summary = ingest(["-"], db_path, stdin_format="txt")

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)["<stdin>"]
    assert row["format"] == "txt"
    # read as plain text: the JSON lines are kept verbatim (the first, headline-like, as the title)
    assert (row["title"], row["text"]) == tuple(data.decode().strip().split("\n"))


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "date_text"),
    [
        ("RIYADH, Feb. 18, 2025 — Senior diplomats from both countries met for four hours.", dt.date(2025, 2, 18), "Feb. 18, 2025"),
        ("Moscow (Interfax), 19 March 2025: The foreign ministry summoned the ambassador.", dt.date(2025, 3, 19), "19 March 2025"),
        ("Published: 30 April 2025\nThe two governments signed a framework agreement.", dt.date(2025, 4, 30), "30 April 2025"),
        ("Talks in Geneva\ndate 2025-02-18\nThe envoys agreed on a prisoner exchange.", dt.date(2025, 2, 18), "2025-02-18"),
        # a dateline alone on the first line is not mistaken for a headline
        ("MOSCOW, March 19, 2025\nThe foreign ministry summoned the ambassador.", dt.date(2025, 3, 19), "March 19, 2025"),
        ("date 2025-02-18\nThe envoys agreed on a prisoner exchange.", dt.date(2025, 2, 18), "2025-02-18"),
    ],
)
def test_dates_dateline_found(tmp_path: Path, db_path: Path, text: str, published: dt.date, date_text: str) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(text, encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)[str(path)]
    assert (row["published"], row["date_method"], row["date_text"]) == (published, "dateline", date_text)
    assert row["text"][row["date_start"] : row["date_end"]] == date_text  # offsets point into the stored text


@pytest.mark.parametrize(
    "text",
    [
        "The delegations met in Geneva on Tuesday and agreed to continue the talks.",
        "On March 18, 2025, the two leaders spoke by telephone for two hours.",  # an event date, not a dateline
        "Diplomats said yesterday that talks would resume in March 2025.",  # relative and partial dates
    ],
)
def test_dates_none_found(tmp_path: Path, db_path: Path, text: str) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(text, encoding="utf-8")

    summary = ingest([path], db_path)

    assert_clean_run(summary, db_path, 1)
    row = stored(db_path)[str(path)]
    assert (row["published"], row["date_method"], row["date_text"], row["date_start"], row["date_end"]) == (None, "none", None, None, None)


@pytest.mark.parametrize(
    ("bad_date", "text", "published", "method"),
    [
        ("sometime next spring", "GENEVA, March 3, 2025 — Diplomats from both countries met in Geneva.", dt.date(2025, 3, 3), "dateline"),
        ("2025-13-45", "Diplomats from both countries met in Geneva on Monday.", None, "none"),
        ("yesterday", "VIENNA, 12 May 2025 — The nuclear talks resumed after a break.", dt.date(2025, 5, 12), "dateline"),
        ("3025-01-01", "The two sides exchanged letters about the border.", None, "none"),
    ],
)
def test_dates_bad_metadata_date_warns_d032(
    tmp_path: Path, db_path: Path, bad_date: str, text: str, published: dt.date | None, method: str
) -> None:
    path = tmp_path / "dates.jsonl"
    good = {"id": "ok", "date": "2025-01-20", "text": "The new envoy arrived in Canberra to present her credentials."}
    path.write_text(json.dumps({"id": "bad", "date": bad_date, "text": text}) + "\n" + json.dumps(good) + "\n", encoding="utf-8")

    summary = ingest([path], db_path)

    # a warning: both records are ingested, nothing failed
    assert (summary.ingested, summary.failed, summary.warnings) == (2, 0, 1)
    [problem] = summary.problems
    assert (problem.locator, problem.code, problem.level) == (f"{path}#L1", "D032", "warning")
    assert bad_date in problem.message
    assert [(e["locator"], e["code"], e["level"]) for e in recorded_errors(db_path, summary.run_id)] == [(f"{path}#L1", "D032", "warning")]
    rows = stored(db_path)
    assert (rows[f"{path}#L1"]["published"], rows[f"{path}#L1"]["date_method"]) == (published, method)
    assert (rows[f"{path}#L2"]["published"], rows[f"{path}#L2"]["date_method"]) == (dt.date(2025, 1, 20), "metadata")


# --- re-ingestion and near-duplicates ------------------------------------------------------------

LONG = (
    "Foreign ministers from Brazil, India and South Africa met in Pretoria on Wednesday to coordinate their positions "
    "before the next round of climate negotiations. The three ministers agreed that richer countries should deliver the "
    "finance they had promised for adaptation, and they called for a new fund to help coastal states that are losing land "
    "to rising seas. In a joint statement the ministers also welcomed a proposal to reform the governance of development banks, "
    "saying that emerging economies deserved a larger share of the votes. The host minister told reporters that the meeting "
    "had been frank and useful, and that officials would continue to work on a common text over the coming weeks. A further "
    "meeting of senior officials is planned in New Delhi before the summer, where the group hopes to agree on a joint paper "
    "about trade, debt relief and the transfer of clean energy technology to poorer countries."
)
EXTRA = " A spokesperson for the Indian delegation said the talks had ended later than planned."


def test_pipeline_reingest_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Ministers meet in Pretoria\n\n{LONG}", encoding="utf-8")
    (folder / "b.txt").write_text(LONG + EXTRA, encoding="utf-8")  # a near-duplicate of a.txt: ingested and linked
    record = {"id": "j1", "text": "The Kenyan envoy met Somali officials in Mogadishu."}
    (folder / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "d.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "e.rss").write_text(RSS, encoding="utf-8")
    (folder / "f.txt").write_bytes(b"")  # a failure, counted in both runs

    first = ingest([folder], db_path)
    count_after_first = query(db_path, "SELECT count(*) AS n FROM articles")[0]["n"]
    second = ingest([folder], db_path)

    assert (first.ingested, first.near_duplicates, first.failed) == (6, 1, 1)
    assert (second.ingested, second.near_duplicates, second.duplicates, second.failed) == (0, 0, first.ingested, 1)
    assert second.read == first.read
    assert query(db_path, "SELECT count(*) AS n FROM articles")[0]["n"] == count_after_first == 6
    runs = {row["id"]: row for row in query(db_path, "SELECT * FROM ingest_runs")}
    assert (runs[second.run_id]["ingested"], runs[second.run_id]["duplicates"], runs[second.run_id]["status"]) == (0, 6, "finished")
    assert query(db_path, "SELECT DISTINCT run_id FROM articles") == [{"run_id": first.run_id}]


@pytest.mark.parametrize("separate_runs", [False, True], ids=["same-run", "later-run"])
def test_identity_near_duplicate_linked(tmp_path: Path, db_path: Path, separate_runs: bool) -> None:
    original, copy = tmp_path / "a-original.txt", tmp_path / "b-copy.txt"
    original.write_text(LONG, encoding="utf-8")
    copy.write_text(LONG + EXTRA, encoding="utf-8")
    unrelated = tmp_path / "c-other.txt"
    unrelated.write_text("Peruvian and Bolivian officials discussed water rights for Lake Titicaca in La Paz on Friday, "
                         "and they agreed to form a joint commission that will report within six months.", encoding="utf-8")

    if separate_runs:
        ingest([original], db_path)
        summary = ingest([copy, unrelated], db_path)
    else:
        summary = ingest([original, copy, unrelated], db_path)

    assert summary.near_duplicates == 1
    rows = stored(db_path)
    first, second = rows[str(original)], rows[str(copy)]
    assert first["id"] == article_id(clean_text(LONG))
    assert second["id"] != first["id"]
    assert first["duplicate_of"] is None and first["similarity"] is None
    assert second["duplicate_of"] == first["id"]
    assert 0.8 <= second["similarity"] < 1.0
    assert rows[str(unrelated)]["duplicate_of"] is None
