"""Editing scheme files in the browser: round-trip YAML, fields from the schema, problems per field, diffs."""
