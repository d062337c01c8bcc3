"""detente: an explainable, queryable record of relations between states, from the news.

The public Python API; the command line (``detente``) wraps these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from detente.clean import clean_text  # noqa: E402
from detente.dates import find_date, parse_date  # noqa: E402
from detente.errors import DetenteError  # noqa: E402
from detente.identity import article_id  # noqa: E402
from detente.ingest.options import FieldMap, IngestOptions  # noqa: E402
from detente.pipeline import RunOptions, RunSummary, annotate_pending, prepare, run  # noqa: E402
from detente.store import Store  # noqa: E402
from detente.types import Article, Document, Mention, Problem, Sentence  # noqa: E402

__all__ = [
    "Article",
    "DetenteError",
    "Document",
    "FieldMap",
    "IngestOptions",
    "Mention",
    "Problem",
    "RunOptions",
    "RunSummary",
    "Sentence",
    "Store",
    "__version__",
    "annotate_pending",
    "article_id",
    "clean_text",
    "find_date",
    "parse_date",
    "prepare",
    "run",
]
