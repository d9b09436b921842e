"""Ingest: turn files, folders, globs, stdin (and later URLs, WARC, feeds) into Records.

Contract (owned by the ingest module): ``iter_records(inputs, max_bytes=...)`` yields one Record
per article; a source that cannot be read yields a Record with ``text=None`` and ``error`` set, so
a batch never stops on bad input.
"""
