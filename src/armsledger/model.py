"""The article as the extractor reads it. Plain data, no I/O."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

MAX_BYTES = 10 * 1024 * 1024  # one article; a larger file is almost surely not one


@dataclass
class Article:
    """One news report: its body text and what is known of where it came from."""

    text: str
    source: str = "-"
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A stable content id: the same body text always has the same id."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A stretch of the article body: `text == body[start:end]`."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}
