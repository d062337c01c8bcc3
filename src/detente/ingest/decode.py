"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from detente.errors import ReadError

__all__ = ["check_bytes", "decode_bytes", "looks_binary"]

_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh")
_TEXT_CONTROLS = {8, 9, 10, 12, 13, 27}
_SAMPLE = 8192
_DETECT_BYTES = 256 * 1024
# When the detector finds Windows-1252 (the usual legacy encoding of English news) about
# as plausible as its first choice, take it: short Latin texts fool it into cp1257/cp1250.
_CP1252_SLACK = 0.1
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures, NUL bytes, or many control characters."""
    head = data[:_SAMPLE]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > max(8, len(head) // 20)


def check_bytes(data: bytes, locator: str = "") -> None:
    """Refuse an item that holds no text at all (text with a byte-order mark is never binary).

    Raises:
        ReadError: D010 (empty or blank) or D011 (binary).

    Example:
        >>> for data in (b" \\n", b"\\x89PNG\\r\\n\\x1a\\n", b"Talks resumed."):
        ...     try:
        ...         print(check_bytes(data, "item"))
        ...     except ReadError as exc:
        ...         print(exc.code)
        D010
        D011
        None
    """
    where = f"{locator} " if locator else ""
    if not data.strip():
        raise ReadError("D010", f"{where}has no content")
    if not data.startswith(tuple(bom for bom, _ in _BOMS)) and looks_binary(data):
        raise ReadError("D011", f"{where}looks like a binary file ({len(data):,} bytes)")


def decode_bytes(data: bytes, locator: str = "") -> tuple[str, str]:
    """Decode ``data`` and name the encoding used.

    Raises:
        ReadError: D010 (empty), D011 (binary) or D012 (no encoding fits).

    Example:
        >>> decode_bytes("Лавров заявил, что Москва готова к переговорам.".encode("cp1251"))[1]
        'cp1251'
    """
    where = f"{locator} " if locator else ""
    check_bytes(data, locator)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError("D012", f"{where}starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data[:_DETECT_BYTES])
    best = matches.best()
    if best is None:
        raise ReadError("D012", f"{where}is neither UTF-8 nor any known text encoding")
    encoding = best.encoding
    for match in matches:
        # a match lists the encodings that decode the bytes to the same text: cp1252 may hide there
        if "cp1252" in {match.encoding, *match.could_be_from_charset} and match.chaos <= best.chaos + _CP1252_SLACK:
            encoding = "cp1252"
            break
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise ReadError("D012", f"{where}could not be decoded as {encoding}") from exc
