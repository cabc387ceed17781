"""Triangulate: who says what, when, and where sources agree and disagree."""

__version__ = "0.1.0"
