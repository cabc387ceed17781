"""Package data: trained models shipped with Triangulate (see MODEL_CARD.md)."""
