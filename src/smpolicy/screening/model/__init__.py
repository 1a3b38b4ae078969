"""The learned classifier for 6.4(c) and 6.4(a): encoder, artefact, scorer, training.

Importing this package is cheap; torch and sentence-transformers load only when a post is
first embedded (``encoder.load_encoder``).
"""
