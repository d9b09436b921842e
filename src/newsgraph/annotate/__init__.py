"""Annotate: sentences (sentences.py), entity mentions (entities.py, ner/) and actor linking
(linking/), all as spans into the article's raw text."""
