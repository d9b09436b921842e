"""Store: SQLite by default (PostgreSQL later) behind one interface."""
