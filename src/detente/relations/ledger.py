"""The negotiation ledger: per issue, what each party proposed, demanded, agreed, rejected,
conceded or broke, in time order, with the sentence behind every line.

Lines come from coded events and from statements that carry an issue tag (``issue_tags``
rows of kind ``event``, ref = event id, and ``statement``, ref = quote id). A line belongs to
a party when the event's *source* (or the statement's speaker) is that party, compared by
:func:`detente.relations.dyads.actor_key` at country level (``RUSGOV`` is ``RUS``;
``IGOWSTNAT`` stays whole). The ledger records each party's own moves on each issue, whoever
they were aimed at: Russia's pause in strikes agreed "with Ukraine" is on the USA–RUS ledger
when Russia is one of its parties.

Which kind a line is (the first rule that applies):

Events (near-duplicate articles skipped; one line per occurrence and party, so the two rows
a symmetric event is stored as make one line):

- negated: no line (a negated AGREE is not an agreement; "did not reject" is no rejection);
- hypothetical AGREE → ``proposal`` (at most); any other hypothetical event → no line;
- CAMEO ``057`` (sign a formal agreement) → ``agreement``;
- AGREE (CAMEO 03x, "express intent to ...") whose trigger is an agreement verb (agree,
  accept, sign, approve, consent, commit, ratify, endorse) → ``agreement``, except "agree
  *with*" (an opinion: "Moscow agrees with the idea of a truce") → ``support``; any other
  03x (offers, proposals, "ready to") → ``proposal``;
- REQUEST → ``condition`` when its sentence has conditional words (below, but not "demand":
  a demand is what a REQUEST is), else ``request``;
- REJECT → ``rejection``; CONCEDE, RETREAT → ``concession``;
- ASSAULT, COERCE on an issue that already has an agreement (earlier in ledger order) →
  ``violation``; before any agreement they are no ledger line (the dyad series has them).

Statements (speaker known and a party; the quote's words decide):

- "violated", "breach" → ``violation`` (an accusation);
- conditional words: "only if", "unless", "on condition", "provided that", "demand(s)",
  "condition(s)", "hinges on", "contingent on/upon", "in exchange for", "preceded by",
  "as long as", "precondition" → ``condition``;
- rejection words: "reject", "refuse", "will not/won't (accept, agree, entertain, allow,
  tolerate, ...)", "unacceptable", "out of the question", "rule(s) out" (not after "not")
  → ``rejection``;
- "propose", "proposal", "offer", "suggest" → ``proposal``;
- "support", "welcome", "ready to", "willing to", "amenable", "agree with" → ``support``;
- anything else → ``statement`` (listed, no stance).

Stances: ``agreement``, ``proposal``, ``support`` and ``concession`` lines say *supports*;
``rejection`` and a violation *event* say *opposes*; ``condition`` and ``request`` say
*conditional*; a party's stance is the one of its latest line that has one, else
*unknown*.

Status of an issue, first that applies:

1. ``violated``: a violation line comes after the first agreement;
2. ``implemented``: a concession by a party that agreed comes after its agreement;
3. ``agreed``: some agreement line (later rejections and conditions do not undo an
   agreement reached; they are listed against it, and stances show them);
4. ``rejected``: the latest of the proposal/support/rejection lines is a rejection;
5. ``proposed``: some proposal, support, request or condition line;
6. ``open``: only statements.

Order: by date (the event's date, else the statement's or the article's), undated lines
after dated ones, then by article (ingestion order) and character offset.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from detente.errors import UsageError
from detente.relations.dyads import actor_key

__all__ = ["KINDS", "STANCES", "STATUSES", "IssueLedger", "Ledger", "LedgerLine", "build_ledger", "classify_event",
           "classify_statement", "issue_status", "ledger_from_rows", "ledger_rows"]

#: The kinds of ledger line.
KINDS: tuple[str, ...] = ("proposal", "support", "request", "condition", "agreement", "rejection", "concession",
                          "violation", "statement")
#: A party's stance on an issue.
STANCES: tuple[str, ...] = ("supports", "opposes", "conditional", "unknown")
#: The status of an issue.
STATUSES: tuple[str, ...] = ("proposed", "agreed", "implemented", "rejected", "violated", "open")

_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")
_AGREE_VERB = re.compile(r"^(agree|accept|sign|approv|consent|commit|ratif|endors|conclud)", re.I)
_CONDITION = re.compile(
    r"\b(only if|unless|on (the )?condition|provided that|(pre)?conditions?|hinges? on|"
    r"contingent (up)?on|in exchange for|preceded by|as long as)\b", re.I)
_DEMAND = re.compile(r"\bdemand(s|ed|ing)?\b", re.I)
_NOT_RULE_OUT = re.compile(r"\b(not|never|n't)\s+(\w+\s+)?rul(e|es|ing) out\b", re.I)
_REJECTION = re.compile(
    r"\b(reject\w*|refus\w*|(will|would|shall|can) ?not (accept|agree|entertain|allow|tolerate|consider|permit)|"
    r"won[’']t (accept|agree|entertain|allow|tolerate|consider|permit)|unacceptable|out of the question|"
    r"rul(e|es|ed|ing) out)\b", re.I)
_VIOLATION = re.compile(r"\b(violat\w*|breach\w*)\b", re.I)
_PROPOSAL = re.compile(r"\b(propos\w*|offer\w*|suggest\w*)\b", re.I)
_SUPPORT = re.compile(r"\b(support\w*|welcom\w*|ready to|willing to|amenable|agree\w* with)\b", re.I)
_STANCE = {"agreement": "supports", "proposal": "supports", "support": "supports", "concession": "supports",
           "rejection": "opposes", "condition": "conditional", "request": "conditional"}


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One move of one party on one issue, with its evidence.

    ``ref`` is the event id or quote id (``ref_kind`` says which); ``start_char``/``end_char``
    are the offsets of ``sentence`` (events) or of the quoted words (statements) in the
    article text; ``issue_text`` is the tagged words that put it on this issue.
    """

    issue: str
    date: dt.date | None
    party: str
    actor: str
    kind: str
    stance: str | None
    text: str
    ref_kind: str
    ref: str
    article_id: str
    start_char: int
    end_char: int
    sentence: str
    cameo: str | None = None
    plover: str | None = None
    issue_text: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


@dataclass(frozen=True, slots=True)
class IssueLedger:
    """One issue: its status (and the rule that gave it), each party's stance, its lines."""

    issue: str
    status: str
    status_rule: str
    stances: dict[str, str]
    lines: tuple[LedgerLine, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"issue": self.issue, "status": self.status, "status_rule": self.status_rule,
                "stances": dict(self.stances), "lines": [line.as_dict() for line in self.lines]}


@dataclass(frozen=True, slots=True)
class Ledger:
    """The ledger of a set of parties, issue by issue (most lines first)."""

    parties: tuple[str, ...]
    issues: tuple[IssueLedger, ...] = field(default_factory=tuple)

    def issue(self, key: str) -> IssueLedger | None:
        return next((item for item in self.issues if item.issue == key), None)

    def as_dict(self) -> dict[str, Any]:
        return {"parties": list(self.parties), "issues": [item.as_dict() for item in self.issues]}


# -- classification (pure) ---------------------------------------------------------------

def classify_event(cameo: str, plover: str | None, trigger: str, sentence: str, trigger_end: int | None,
                   sentence_start: int, negated: bool, hypothetical: bool) -> str | None:
    """The ledger kind of an event, before the violation rule (ASSAULT/COERCE return
    ``"force"``, made a violation only after an agreement); None when it makes no line.

    Example:
        >>> classify_event("0356", "AGREE", "agreed", "Putin agreed to a pause.", 12, 0, False, False)
        'agreement'
        >>> classify_event("0356", "AGREE", "agrees", "Moscow agrees with the idea.", 13, 0, False, False)
        'support'
        >>> classify_event("030", "AGREE", "agreed", "They agreed.", 11, 0, True, False) is None
        True
    """
    if negated:
        return None
    if hypothetical:
        return "proposal" if plover == "AGREE" or cameo.startswith("03") else None
    if cameo.startswith("057"):
        return "agreement"
    if plover == "AGREE" or cameo.startswith("03"):
        if _AGREE_VERB.match(trigger.strip()):
            after = sentence[trigger_end - sentence_start:] if trigger_end is not None else ""
            if re.match(r"\s+with\b", after, re.I):
                return "support"
            return "agreement"
        return "proposal"
    if plover == "REQUEST":
        return "condition" if _CONDITION.search(sentence) else "request"
    if plover == "REJECT":
        return "rejection"
    if plover in ("CONCEDE", "RETREAT"):
        return "concession"
    if plover in ("ASSAULT", "COERCE"):
        return "force"
    return None


def classify_statement(text: str) -> str:
    """The ledger kind of a statement from its words.

    Example:
        >>> classify_statement("a ceasefire hinges on several essential conditions")
        'condition'
        >>> classify_statement("Russia does not rule out this option")
        'statement'
        >>> classify_statement("Kyiv violated the truce")
        'violation'
    """
    if _VIOLATION.search(text):
        return "violation"
    if _CONDITION.search(text) or _DEMAND.search(text):
        return "condition"
    cleaned = _NOT_RULE_OUT.sub(" ", text)
    if _REJECTION.search(cleaned):
        return "rejection"
    if _PROPOSAL.search(text):
        return "proposal"
    if _SUPPORT.search(text):
        return "support"
    return "statement"


# -- reading rows ------------------------------------------------------------------------

_EVENT_SQL = """
    SELECT 'event' AS ref_kind, e.event_id AS ref, e.article_id, t.issue, t.text AS issue_text,
           coalesce(e.event_date, a.published) AS day, a.ingested_at, e.start_char, e.end_char,
           s.text AS sentence, e.trigger, e.trigger_start, e.trigger_end, e.cameo, e.plover, e.negated, e.hypothetical,
           [p.code FOR p IN e.source] AS actors, [p.code FOR p IN e.target] AS targets
    FROM issue_tags t
    JOIN events e ON t.kind = 'event' AND t.ref = e.event_id
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
    WHERE a.duplicate_of IS NULL {issue}
"""
_STATEMENT_SQL = """
    SELECT 'statement' AS ref_kind, q.quote_id AS ref, q.article_id, t.issue, t.text AS issue_text,
           coalesce(q.statement_date, a.published) AS day, a.ingested_at, q.start_char, q.end_char,
           q.text AS sentence, q.cue AS trigger, q.cue_start AS trigger_start, q.cue_end AS trigger_end,
           NULL AS cameo, NULL AS plover, FALSE AS negated, FALSE AS hypothetical,
           CASE WHEN q.speaker_code IS NULL THEN []::VARCHAR[] ELSE [q.speaker_code] END AS actors,
           q.about AS targets, q.speaker_name
    FROM issue_tags t
    JOIN statements q ON t.kind = 'statement' AND t.ref = q.quote_id
    JOIN articles a ON a.id = q.article_id
    WHERE a.duplicate_of IS NULL AND q.speaker_code IS NOT NULL {issue}
"""


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in result.description or []]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def ledger_rows(con: duckdb.DuckDBPyConnection, issue: str | None = None) -> list[dict[str, Any]]:
    """The issue-tagged event and statement rows of canonical articles (the ledger's input)."""
    where, params = ("AND t.issue = $issue", {"issue": issue}) if issue else ("", {})
    rows = _dicts(con.execute(_EVENT_SQL.format(issue=where), params))
    rows += _dicts(con.execute(_STATEMENT_SQL.format(issue=where), params))
    return rows


def _party_keys(parties: Sequence[str]) -> tuple[str, ...]:
    keys: list[str] = []
    for code in parties:
        clean = code.strip().upper()
        if not _CODE.fullmatch(clean):
            raise UsageError("D080", f"party {code!r} is not a CAMEO-style code", "give codes such as USA RUS or IGOWSTNAT")
        key = actor_key(clean)
        if key not in keys:
            keys.append(key)
    if not keys:
        raise UsageError("D080", "no parties given", "give at least one actor code, e.g. USA RUS")
    return tuple(keys)


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    day = row.get("day")
    return (day is None, day or dt.date.min, row.get("ingested_at") or dt.datetime.min, row["article_id"],
            row["start_char"], row["ref"])


def _line_text(row: dict[str, Any], kind: str, actor: str) -> str:
    if row["ref_kind"] == "statement":
        who = row.get("speaker_name") or actor
        cue = row.get("trigger") or "said"
        return f"{who} ({actor}) {cue}: “{row['sentence']}”"
    flags = " (hypothetical)" if row.get("hypothetical") else ""
    targets = ", ".join(t for t in row.get("targets") or [] if t)
    to = f" → {targets}" if targets else ""
    return f"{actor} {row['trigger']}{to} [{row['cameo']} {row['plover'] or '-'}]{flags}"


def ledger_from_rows(rows: Iterable[dict[str, Any]], parties: Sequence[str]) -> Ledger:
    """Build the ledger from :func:`ledger_rows` rows (pure; see the module docstring).

    Example:
        >>> ledger_from_rows([], ["USA", "RUSGOV"]).as_dict()
        {'parties': ['USA', 'RUS'], 'issues': []}
    """
    keys = _party_keys(parties)
    by_issue: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=_order):
        by_issue.setdefault(row["issue"], []).append(row)
    issues = [item for item in (_issue_ledger(issue, items, keys) for issue, items in by_issue.items()) if item]
    issues.sort(key=lambda item: (-len(item.lines), item.issue))
    return Ledger(keys, tuple(issues))


def _issue_ledger(issue: str, rows: list[dict[str, Any]], keys: tuple[str, ...]) -> IssueLedger | None:
    lines: list[LedgerLine] = []
    seen: set[tuple[Any, ...]] = set()
    agreed = False
    for row in rows:
        matched: list[tuple[str, str]] = []
        for code in row.get("actors") or []:
            if code and code != "---" and actor_key(code) in keys and actor_key(code) not in {k for k, _ in matched}:
                matched.append((actor_key(code), code))
        if not matched:
            continue
        if row["ref_kind"] == "event":
            kind = classify_event(row["cameo"], row["plover"], row["trigger"] or "", row["sentence"] or "",
                                  row["trigger_end"], row["start_char"], row["negated"], row["hypothetical"])
            if kind == "force":
                kind = "violation" if agreed else None
            stance = "opposes" if kind == "violation" else _STANCE.get(kind or "")
            occurrence: tuple[Any, ...] = (row["article_id"], row["trigger_start"], row["trigger_end"], row["cameo"])
        else:
            kind = classify_statement(row["sentence"] or "")
            stance = _STANCE.get(kind)
            occurrence = (row["ref"],)
        if kind is None:
            continue
        agreed = agreed or kind == "agreement"
        for party, actor in matched:
            if (occurrence, party) in seen:
                continue
            seen.add((occurrence, party))
            lines.append(LedgerLine(
                issue=issue, date=row["day"], party=party, actor=actor, kind=kind, stance=stance,
                text=_line_text(row, kind, actor), ref_kind=row["ref_kind"], ref=row["ref"],
                article_id=row["article_id"], start_char=row["start_char"], end_char=row["end_char"],
                sentence=row["sentence"] or "", cameo=row.get("cameo"), plover=row.get("plover"),
                issue_text=row.get("issue_text")))
    if not lines:
        return None
    status, rule = issue_status(lines)
    stances = {party: "unknown" for party in keys}
    for line in lines:
        if line.stance:
            stances[line.party] = line.stance
    return IssueLedger(issue, status, rule, stances, tuple(lines))


def issue_status(lines: Sequence[LedgerLine]) -> tuple[str, str]:
    """The status of an issue from its ordered lines, and the rule that decided it.

    Example:
        >>> issue_status([])
        ('open', 'no proposal, agreement or rejection yet')
    """
    first_agreement = next((i for i, line in enumerate(lines) if line.kind == "agreement"), None)
    if first_agreement is not None:
        after = lines[first_agreement + 1:]
        violation = next((line for line in after if line.kind == "violation"), None)
        if violation:
            return "violated", f"violation by {violation.party} ({violation.ref}) after the agreement"
        agreeing = {line.party for line in lines if line.kind == "agreement"}
        done = next((line for i, line in enumerate(lines) if line.kind == "concession" and line.party in agreeing
                     and any(x.kind == "agreement" and x.party == line.party for x in lines[:i])), None)
        if done:
            return "implemented", f"concession by {done.party} ({done.ref}) after its agreement"
        first = lines[first_agreement]
        return "agreed", f"agreement by {first.party} ({first.ref}); later rejections and conditions do not undo it"
    decisive = [line for line in lines if line.kind in ("proposal", "support", "rejection")]
    if decisive and decisive[-1].kind == "rejection":
        return "rejected", f"latest move is a rejection by {decisive[-1].party} ({decisive[-1].ref})"
    moved = next((line for line in lines if line.kind in ("proposal", "support", "request", "condition")), None)
    if moved:
        return "proposed", f"{moved.kind} by {moved.party} ({moved.ref}), no agreement yet"
    return "open", "no proposal, agreement or rejection yet"


def build_ledger(con: duckdb.DuckDBPyConnection, parties: Sequence[str], issue: str | None = None) -> Ledger:
    """The negotiation ledger of ``parties`` (country codes; ``RUSGOV`` means ``RUS``), for every
    issue or only ``issue``.

    Raises:
        UsageError: D080 for a malformed code or no parties.

    Example:
        >>> from detente.store import Store
        >>> with Store(":memory:") as store:
        ...     build_ledger(store.con, ["USA", "RUS"]).issues
        ()
    """
    keys = _party_keys(parties)
    return ledger_from_rows(ledger_rows(con, issue), keys)
