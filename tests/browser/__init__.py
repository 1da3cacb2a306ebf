"""End-to-end tests in headless Chromium: flows, accessibility, valid HTML, page weight."""
