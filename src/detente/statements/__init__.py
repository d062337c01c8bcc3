"""Statements: who said what, as direct quotes and reported speech, from a parsed article.

:func:`extract_statements` is the one entry point; :class:`Statement` and :class:`Speaker`
are its records. What counts as a statement and how speakers are found: ``docs/statements.md``.
"""

from detente.statements.extract import extract_statements
from detente.statements.marks import Quote, find_quotes
from detente.statements.records import Speaker, Statement

__all__ = ["Quote", "Speaker", "Statement", "extract_statements", "find_quotes"]
