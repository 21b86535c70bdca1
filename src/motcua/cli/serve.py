"""Commands of the serve room (filled in by its issue)."""
