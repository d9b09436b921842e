"""newsgraph: who said what, and who did what to whom, when — traced to the source characters.

The one-call API is :func:`process`: text in, a :class:`~newsgraph.model.Document` with its
quotations out, without touching a database.
"""

from newsgraph.model import Article, Document, Mention, Quote, QuoteKind, Record, Span
from newsgraph.pipeline import process, process_record

__all__ = [
    "Article",
    "Document",
    "Mention",
    "Quote",
    "QuoteKind",
    "Record",
    "Span",
    "process",
    "process_record",
]
__version__ = "0.1.0"
