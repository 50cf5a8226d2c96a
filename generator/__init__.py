"""Turn raw government work reports into a cross-linked static site (MkDocs + Material)."""

__version__ = "0.1.0"
