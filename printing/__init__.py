"""PDF printing that cannot take the site down: bounded render slots, reused browsers, kept guide PDFs."""
