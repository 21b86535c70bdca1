"""Commands of the clean room (filled in by its issue)."""
