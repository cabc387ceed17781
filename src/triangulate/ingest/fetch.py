"""Fetching a URL safely with httpx: http(s) only, public addresses only, bounded in time and
size, redirects followed by hand so that every hop is checked.

The host's addresses are checked before each request; httpx resolves the name again when it
connects, so a name whose DNS answer changes between the two lookups is not fully guarded.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ..errors import SourceError
from .limits import MAX_BYTES

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0
TOTAL_TIMEOUT_S = 60.0
_SCHEMES = frozenset({"http", "https"})
_USER_AGENT = "triangulate/0.1 (+https://pypi.org/project/triangulate/)"


@dataclass(frozen=True)
class FetchedBody:
    url: str  # after redirects
    content_type: str  # media type without parameters, lower case; "" when not given
    data: bytes


def fetch_url(url: str, *, allow_private: bool = False) -> FetchedBody:
    """GET ``url`` and return its body, or raise SourceError naming ``url`` and the problem."""
    import httpx  # only when a URL is read

    timeout = httpx.Timeout(CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S)
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False,
                      headers={"User-Agent": _USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise SourceError(url, f"HTTP {response.status_code} redirect "
                                                   "without a location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise SourceError(url, f"HTTP {response.status_code} "
                                               f"{response.reason_phrase}".rstrip())
                    data = _read_body(url, response)
                    content_type = response.headers.get("content-type", "")
                    return FetchedBody(current, content_type.split(";")[0].strip().lower(), data)
            except httpx.TimeoutException:
                raise SourceError(url, "timed out while fetching") from None
            except httpx.HTTPError as error:
                raise SourceError(url, f"cannot be fetched ({error})"[:200]) from None
    raise SourceError(url, f"too many redirects (more than {MAX_REDIRECTS})")


def _read_body(url: str, response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise SourceError(url, f"too big ({int(declared) / 1_048_576:.1f} MB; the limit is "
                               f"{MAX_BYTES // 1_048_576} MB)")
    deadline = time.monotonic() + TOTAL_TIMEOUT_S
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise SourceError(url, f"too big (over {MAX_BYTES // 1_048_576} MB)")
        if time.monotonic() > deadline:
            raise SourceError(url, f"timed out (download took over {TOTAL_TIMEOUT_S:.0f} s)")
        chunks.append(chunk)
    return b"".join(chunks)


def check_url(source: str, url: str, *, allow_private: bool = False) -> None:
    """Refuse other schemes and, unless ``allow_private``, hosts with a non-public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise SourceError(source, f"only http and https URLs can be read (got {url!r})")
    host = parts.hostname
    if not host:
        raise SourceError(source, f"URL without a host ({url!r})")
    if allow_private:
        return
    for address in _addresses(source, host, parts.port):
        if not is_public_address(address):
            raise SourceError(
                source,
                f"refused: {host} resolves to the non-public address {address} (private, "
                "loopback, link-local or reserved); pass allow_private=True to read it",
            )


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _addresses(source: str, host: str, port: int | None) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise SourceError(source, f"host {host} cannot be resolved ({error})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise SourceError(source, f"host {host} cannot be resolved")
    return addresses
