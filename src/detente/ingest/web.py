"""Fetching URLs safely with httpx: timeouts, a size cap, few redirects, no private hosts."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from detente.errors import FetchError
from detente.ingest.options import IngestOptions

__all__ = ["Fetched", "check_address", "fetch", "make_client"]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body with the URL it finally came from."""

    url: str
    content: bytes
    content_type: str


def make_client(options: IngestOptions, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An httpx client with detente's timeouts and user agent (redirects handled by ``fetch``)."""
    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"},
        follow_redirects=False,
        transport=transport,
    )


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs that are not http(s), or whose host resolves to a non-public address.

    Raises:
        FetchError: D045 for a bad URL or unknown host, D040 for a private address.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError("D045", f"{url!r} is not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("D045", f"cannot resolve host {parts.hostname!r} of {url} ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise FetchError("D040", f"{url} resolves to the non-public address {address}")


def fetch(url: str, client: httpx.Client, options: IngestOptions) -> Fetched:
    """GET ``url``, following at most ``options.max_redirects`` redirects, each checked.

    Raises:
        FetchError: D040 refused address, D041 timeout, D042 HTTP status >= 400,
            D043 body over ``options.max_bytes``, D044 too many redirects, D045 other.
    """
    current = url
    for _ in range(options.max_redirects + 1):
        check_address(current, options.allow_private)
        try:
            with client.stream("GET", current) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError("D045", f"{current} redirects without a Location header")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    raise FetchError("D042", f"HTTP {response.status_code} {response.reason_phrase} from {current}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > options.max_bytes:
                    raise FetchError("D043", f"{current} declares {int(declared):,} bytes, over the {options.max_bytes:,}-byte limit")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > options.max_bytes:
                        raise FetchError("D043", f"{current} sent more than {options.max_bytes:,} bytes")
                return Fetched(str(response.url), bytes(body), response.headers.get("content-type", ""))
        except httpx.TimeoutException as exc:
            raise FetchError("D041", f"{current} did not answer within {options.timeout:g} s ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError("D045", f"{current}: {type(exc).__name__}: {exc}") from exc
    raise FetchError("D044", f"{url} redirected more than {options.max_redirects} times")
