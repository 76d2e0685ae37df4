"""Export of papers and notes to Markdown and bibliographic formats."""
