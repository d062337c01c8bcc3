"""Event coding: from sentences to CAMEO-coded events."""
