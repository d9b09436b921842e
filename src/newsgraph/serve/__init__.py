"""Serve: the JSON API and the web page over a store (FastAPI, Jinja2, no build step).

``create_app(store, token=...)`` builds the app; ``newsgraph serve`` runs it on uvicorn.
"""

from newsgraph.serve.app import create_app

__all__ = ["create_app"]
