"""The site toolkit's command line and the list of its sections (``toolkit.cli``)."""

__version__ = "0.9.0"
