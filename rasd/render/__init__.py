"""Human-readable views of a Document: a terminal view (text.py), the English digest (digest.py)."""
