"""The coach's pages: guides, the step-by-step plan, its PDF and QR code."""
