"""Screening: names, identifiers and vessels matched against the lists, with explanations."""
