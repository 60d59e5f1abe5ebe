"""catalogue: an archival source catalogue for historians."""

__version__ = "0.1.0"
