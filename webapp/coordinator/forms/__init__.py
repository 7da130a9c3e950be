"""The coordinator's intake forms, one per file, with the fields and messages they share."""
