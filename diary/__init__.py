"""diary: an offline symptom diary shared with a physiotherapist in encrypted files."""

__version__ = "0.1.0"
