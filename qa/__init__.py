"""qa package."""
