"""Relations between two actors over time: dyad series and the most active dyads.

Pure read functions over a detente database connection; the aggregation runs in DuckDB.
"""

from detente.relations.dyads import (
    BY,
    LEVELS,
    NON_STATE_PREFIXES,
    SERIES_COLUMNS,
    active_dyads,
    actor_key,
    dyad_series,
    parse_day,
)

__all__ = ["BY", "LEVELS", "NON_STATE_PREFIXES", "SERIES_COLUMNS", "active_dyads", "actor_key", "dyad_series", "parse_day"]
