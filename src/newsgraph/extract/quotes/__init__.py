"""Quotations and their speakers.

Contract: ``extract_quotes(article, sentences, mentions) -> tuple[Quote, ...]`` sorted by span.
"""
