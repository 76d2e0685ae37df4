"""Format-specific parsers for pasted listing text."""
