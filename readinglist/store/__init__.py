"""SQLite storage: schema, engine, migrations, search, backups."""
