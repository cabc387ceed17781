"""English: word lists every stage reads, each listed once."""
