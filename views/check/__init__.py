"""The residents' check in the browser: one question per page, then the result."""
