"""Changes to scheme files made in the browser: drafts, four-eyes review, writing and publishing."""
