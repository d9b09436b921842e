"""Extract: quotations (extract.quotes) and, later, events (extract.events)."""
