"""Scorers: CoNLL/BIO NER files (conll.py) and our gold JSON format (gold.py)."""
