"""Small reusable widgets: tag editor, Markdown note editor."""
