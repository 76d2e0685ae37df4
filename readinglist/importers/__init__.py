"""Importers: pasted listing text and PDF files."""
