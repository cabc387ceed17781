"""Helpers that drive a real headless Chromium against the web app."""
