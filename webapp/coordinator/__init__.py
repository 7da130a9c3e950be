"""The coordinator's side of the site (administrators see it too)."""
