"""Options for reading inputs: field names, size limits, network safety."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FieldMap", "IngestOptions"]


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which record fields (JSON, JSONL, CSV) hold what. The first present name wins.

    Example:
        >>> FieldMap.with_overrides(text="body").text
        ('body',)
    """

    text: tuple[str, ...] = ("text", "body", "content", "article", "full_text", "maintext")
    id: tuple[str, ...] = ("id", "guid", "uid", "doc_id", "article_id")
    title: tuple[str, ...] = ("title", "headline", "heading")
    url: tuple[str, ...] = ("url", "link", "href", "source_url")
    date: tuple[str, ...] = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp")
    source: tuple[str, ...] = ("source", "publisher", "outlet", "site", "domain", "source_name")

    @classmethod
    def with_overrides(cls, **names: str | None) -> FieldMap:
        """Replace the candidate names of the given fields by one configured name."""
        chosen = {key: (value,) for key, value in names.items() if value}
        return cls(**chosen)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read. Defaults suit news; every limit can be raised.

    Attributes:
        fields: record field names for JSON/JSONL/CSV.
        max_chars: longest article text accepted (spaCy's own default limit).
        max_bytes: largest file or HTTP response read.
        timeout: seconds to wait for a server (connect and each read).
        max_redirects: redirects followed per URL.
        allow_private: fetch private, loopback and link-local addresses too.
        stdin_format: format of ``-`` (``auto`` sniffs it).
    """

    fields: FieldMap = field(default_factory=FieldMap)
    max_chars: int = 1_000_000
    max_bytes: int = 25_000_000
    timeout: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False
    stdin_format: str = "auto"
    user_agent: str = "detente (news event coder; +https://example.org/detente)"
