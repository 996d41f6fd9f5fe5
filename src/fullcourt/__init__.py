"""fullcourt: sanctions-evasion intelligence on one entity store."""

__version__ = "0.1.0"
