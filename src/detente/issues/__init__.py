"""Issue tagging: which issues of interstate relations a sentence is about, with evidence spans.

:func:`load_issues` reads detente's taxonomy (``detente/issues/data/issues.toml``, format and
list in ``docs/issues.md``); :meth:`Taxonomy.tag` tags a text::

    >>> [t.key for t in load_issues().tag("Kyiv and Moscow agreed on a prisoner swap.")]
    ['prisoner_exchange']
"""

from __future__ import annotations

from detente.issues.taxonomy import Issue, IssuesError, IssueTag, Taxonomy, load_issues, parse_issues

__all__ = ["Issue", "IssueTag", "IssuesError", "Taxonomy", "load_issues", "parse_issues"]
