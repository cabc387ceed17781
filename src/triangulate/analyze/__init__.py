"""Per-document analysis: one module per stage, run in order by ``pipeline``."""
