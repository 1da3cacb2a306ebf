"""What municipal staff use: the CLI commands, new-file template, field reference, link check, overview, preview."""
