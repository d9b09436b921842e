"""Scorers against gold files: quotes, articles (cleaning), entities, events."""
