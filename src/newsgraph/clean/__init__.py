"""Clean: boilerplate removal and metadata (title, byline, publisher, dateline, date).

Contract: ``clean_record(record) -> Article | Failure``. Every non-blank line of the raw text gets a
LineRole; metadata from the record (JSONL fields, HTML metadata) wins over text heuristics.
"""
