"""Qt item models over Library records: paper table, sidebar, import preview."""
