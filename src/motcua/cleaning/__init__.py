"""Population data cleaning: addresses onto the two-level map, names, dates, IDs, duplicates."""
