"""Plain-Python building blocks: no Qt, no database."""
