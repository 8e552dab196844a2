"""Errors raised on purpose.

ArmsLedgerError
 ├─ CatalogueError   a catalogue file is missing or inconsistent
 └─ IngestError      an input is unreadable or not an article
"""
from __future__ import annotations


class ArmsLedgerError(Exception):
    """Catch this to catch everything armsledger raises deliberately."""


class CatalogueError(ArmsLedgerError):
    """A catalogue file is missing, malformed or inconsistent."""


class IngestError(ArmsLedgerError):
    """An input could not be read as an article; the message names it and says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
