"""The coach's work: plans, guides per scheme and shared trips."""
