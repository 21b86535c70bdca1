"""Commands of the docs room (filled in by its issue)."""
