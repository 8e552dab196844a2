"""The change feed as Atom (RFC 4287): one entry per change, linking to the deal's page."""
from __future__ import annotations

from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from .. import __version__

NS = "http://www.w3.org/2005/Atom"


def feed(changes: list[dict], *, title: str, self_url: str, site: str) -> bytes:
    """An Atom document of `changes` (newest first, as `ledger.changes.since` gives them)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}feed")
    _text(root, "id", self_url)
    _text(root, "title", title)
    updated = changes[0]["at"] if changes else datetime.now(timezone.utc).isoformat(timespec="seconds")
    _text(root, "updated", _rfc3339(updated))
    ET.SubElement(root, f"{{{NS}}}link", rel="self", href=self_url, type="application/atom+xml")
    ET.SubElement(root, f"{{{NS}}}link", rel="alternate", href=site + "/", type="text/html")
    author = ET.SubElement(root, f"{{{NS}}}author")
    _text(author, "name", "armsledger")
    _text(root, "generator", "armsledger").set("version", __version__)
    for c in changes:
        entry = ET.SubElement(root, f"{{{NS}}}entry")
        _text(entry, "id", f"{site}/changes/{c['id']}")
        _text(entry, "title", c["summary"])
        _text(entry, "updated", _rfc3339(c["at"]))
        ET.SubElement(entry, f"{{{NS}}}link", rel="alternate", href=c["deal_url"], type="text/html")
        ET.SubElement(entry, f"{{{NS}}}category", term=c["kind"])
        _text(entry, "summary", f"{c['title']}: {c['summary']}" if not c["summary"].startswith(c["title"])
              else c["summary"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(parent, tag: str, text: str):
    el = ET.SubElement(parent, f"{{{NS}}}{tag}")
    el.text = text
    return el


def _rfc3339(at: str) -> str:
    """'2026-01-31T08:00:00.123456+00:00' as Atom writes it: to the second, in UTC."""
    return datetime.fromisoformat(at).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
