"""Pure readers: article text in, dataclasses with spans out. No database, CLI or Datasette here."""
