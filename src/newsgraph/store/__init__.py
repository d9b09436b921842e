"""Store: SQLite by default (PostgreSQL later) behind one interface.

``open_store("newsgraph.db")`` creates or migrates the schema; ``Store.write(docs)`` stores
Documents idempotently; ``Store.quotes(...)``, ``Store.articles(...)``, ``Store.article(id)``
read them back.
"""

from newsgraph.store.database import (
    AmbiguousArticleIdError,
    ArticleNotFoundError,
    ArticleSummary,
    QuoteHit,
    Store,
    StoreNotFoundError,
    WriteCounts,
    open_store,
)
from newsgraph.store.migrations import SchemaError

__all__ = [
    "AmbiguousArticleIdError",
    "ArticleNotFoundError",
    "ArticleSummary",
    "QuoteHit",
    "SchemaError",
    "Store",
    "StoreNotFoundError",
    "WriteCounts",
    "open_store",
]
