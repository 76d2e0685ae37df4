"""The schema version this code writes (``PRAGMA user_version``).

Kept apart from ``schema.py`` so opening a library needs only ``sqlite3``:
importing the SQLModel classes (SQLAlchemy) costs a second of start-up.
"""

SCHEMA_VERSION = 6
