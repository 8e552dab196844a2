"""Bytes to text: web pages decoded as browsers do, plain text as UTF-8 or detected.

A page's encoding is taken, in order, from a byte-order mark, the HTTP `Content-Type`
charset (when the page came over HTTP), the page's own `<meta charset>`, `<meta
http-equiv="Content-Type">` or XML declaration, and else detected (charset-normalizer).
Labels are read as the WHATWG Encoding Standard reads them: a page labelled ISO-8859-1 or
ASCII is windows-1252, Shift_JIS is Windows-31J, GB2312 is GBK. A declaration the bytes
contradict is passed over for the next source: they do not decode in it, or a one-byte label
(which any bytes decode in) sits on bytes that are UTF-8 with non-ASCII text, or that the
detector finds to be CJK text in a multi-byte encoding.

Plain text is UTF-8 (with or without a byte-order mark); anything else is detected, and the
result says so, so that the caller can warn.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# WHATWG labels whose Python codec is not the one of the same name (browsers decode these as the superset)
_WHATWG = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "cp819": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "chinese": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "x-user-defined": "cp1252",
}
_SINGLE_BYTE_FAMILIES = ("cp12", "cp87", "iso8859", "latin", "koi8", "mac")
_MULTI_BYTE = {"cp932", "shift_jis", "euc_jp", "iso2022_jp", "gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950",
               "cp949", "euc_kr", "johab", "utf_16", "utf_16_le", "utf_16_be", "utf_32"}
SAMPLE = 65_536  # bytes the detector looks at; the start of a page says enough


@dataclass
class Decoded:
    """Text and where its encoding came from: bom, http, meta, detected, utf-8, forced or fallback."""

    text: str
    encoding: str  # a Python codec name
    how: str
    note: str = ""  # why a declaration was passed over, if one was


def codec(label: str | None) -> str | None:
    """The Python codec browsers use for an encoding label, or None for an unknown one."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _WHATWG.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def declared(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>`, http-equiv, XML declaration)."""
    head = body[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m[1].decode("ascii") if m else None


def decode_html(body: bytes, http_charset: str | None = None) -> Decoded:
    """The text of a web page, decoded as a browser would (see the module docstring).

    Example: `decode_html(b'<meta charset="windows-1252"><p>caf\\xe9').text` ends in "café".
    """
    bom = _bom(body)
    if bom:
        return bom
    passed: list[str] = []
    for how, label in (("http", http_charset), ("meta", declared(body))):
        name = codec(label)
        if label and name is None:
            passed.append(f"unknown {how} charset {label!r}")
            continue
        if name is None:
            continue
        got = _strict(body, name, how)
        if got is None:
            passed.append(f"not {label} as its {how} charset says")
        elif _hidden_utf8(body, name):
            passed.append(f"UTF-8, not {label} as its {how} charset says")
        elif _one_byte(name) and (wide := _multi_byte(body)):
            wide.note = f"{wide.encoding}, not {label} as its {how} charset says"
            return wide
        else:
            return got
    return _detect(body, "; ".join(passed))


def decode_text(body: bytes, forced: str | None = None) -> Decoded:
    """Plain text: `forced` if given (strictly), else UTF-8, else detected (`how == "detected"`).

    Raises UnicodeDecodeError when the bytes are not in the forced encoding, LookupError when
    it is unknown.
    """
    if forced:
        name = codecs.lookup(forced).name
        if name in ("utf-16", "utf-32", "utf-8") and _bom(body):
            return _bom(body)  # type: ignore[return-value]
        return Decoded(body.decode(name), name, "forced")
    bom = _bom(body)
    if bom:
        return bom
    got = _strict(body, "utf-8", "utf-8")
    return got if got is not None else _detect(body, "not UTF-8")


def _bom(body: bytes) -> Decoded | None:
    for mark, name in _BOMS:
        if body.startswith(mark):
            return Decoded(body[len(mark):].decode(name, "replace"), name, "bom")
    return None


def _strict(body: bytes, name: str, how: str) -> Decoded | None:
    if name.startswith(("utf-16", "utf-32")) and b"\x00" not in body[:64]:
        name = "utf-8"  # WHATWG: a UTF-16 label read in ASCII-compatible bytes means UTF-8
    elif name == "utf-16":  # no byte-order mark (it was looked for first): the byte order from the NULs
        name = _utf16_without_bom(body) or "utf-16-le"
    try:
        return Decoded(body.decode(name), name, how)
    except UnicodeDecodeError:
        return None


def _multi_byte(body: bytes) -> Decoded | None:
    """The bytes in a multi-byte (CJK) encoding, if the detector is sure of one, else None."""
    if body.isascii():
        return None
    got = _detect(body, "")
    cjk = sum(1 for ch in got.text if ord(ch) >= 0x2E80)
    return got if cjk >= 3 and got.encoding.replace("-", "_") in _MULTI_BYTE else None


def _one_byte(name: str) -> bool:
    return name.startswith(_SINGLE_BYTE_FAMILIES)


def _hidden_utf8(body: bytes, name: str) -> bool:
    """Bytes labelled with a one-byte encoding that are valid UTF-8 with non-ASCII text are UTF-8:
    that happens by chance almost never, and mislabelled UTF-8 pages are common. (So do bytes
    that make sense in a multi-byte encoding; `decode_html` asks the detector about those.)"""
    if not _one_byte(name) or body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(body: bytes, note: str) -> Decoded:
    if _strict(body, "utf-8", "detected") is not None:
        return Decoded(body.decode("utf-8"), "utf-8", "detected", note)
    utf16 = _utf16_without_bom(body)
    if utf16:
        try:
            return Decoded(body.decode(utf16), utf16, "detected", note)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    sample = body[:SAMPLE]
    results = list(from_bytes(sample, preemptive_behaviour=False))  # the declarations were weighed already
    if results:
        least = min(r.chaos for r in results)
        tied = [r.encoding for r in results if r.chaos <= least + 0.01]
        # Bytes that make sense in a multi-byte encoding almost never do so by chance, while any
        # bytes make some sense in a one-byte code page; among those, Western text decodes alike in
        # several, and the web's own default, windows-1252, wins the tie.
        wide = [r.encoding for r in results if r.chaos <= least and r.encoding.replace("-", "_") in _MULTI_BYTE]
        name = wide[0] if wide else "cp1252" if "cp1252" in tied else tied[0]
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            pass  # the sample decoded, the whole did not
        else:
            if name != "cp1252" and not wide and _same_in_cp1252(body, text):
                name = "cp1252"
            return Decoded(text, codecs.lookup(name).name, "detected", note)
    return Decoded(body.decode("cp1252", "replace"), "cp1252", "fallback", note)


def _same_in_cp1252(body: bytes, text: str) -> bool:
    try:
        return body.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def _utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 without a byte-order mark shows itself by NULs in every other byte of ASCII markup."""
    head = body[:512]
    if len(head) < 8 or head.count(0) < len(head) // 3:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 3 * max(even, 1):
        return "utf-16-le"
    if even > 3 * max(odd, 1):
        return "utf-16-be"
    return None
