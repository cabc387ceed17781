"""Knowledge of languages, apart from the machinery that uses it (one folder per language)."""
