"""Visit web addresses politely and concurrently, and say in Dutch what is wrong with the broken ones."""

from __future__ import annotations

import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.client import HTTPException
from itertools import zip_longest
from urllib.parse import urlsplit

USER_AGENT = "Regelingenwijzer-linkcontrole/1.0 (controleert dagelijks de bronnen van regelingen; Python-urllib)"
MAX_REDIRECTS = 8
TOO_MANY_REDIRECTS = "te veel doorverwijzingen (redirects), of een doorverwijzing in een kring"
STATUS_NAMES = {
    403: "geen toegang",
    404: "niet gevonden",
    410: "verdwenen",
    500: "fout bij de website",
    503: "website niet beschikbaar",
}


@dataclass(frozen=True)
class LinkResult:
    """The outcome for one address: fine or not, the HTTP status if there was one, and the problem in Dutch."""

    url: str
    ok: bool
    status: int | None = None
    error: str = ""


class HostThrottle:
    """Start requests to the same host at least `interval` seconds apart, so no site gets a burst from us."""

    def __init__(self, interval: float):
        self._interval = interval
        self._next: dict[str, float] = defaultdict(float)
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        """Sleep until this host may get the next request; reserve that moment under the lock, sleep outside it."""
        host = urlsplit(url).hostname or ""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next[host])
            self._next[host] = slot + self._interval
        if slot > now:
            time.sleep(slot - now)


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, and keep HEAD a HEAD (urllib turns it into GET)."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


def check_url(url: str, timeout: float = 10.0, throttle: HostThrottle | None = None) -> LinkResult:
    """Check one address with HEAD; retry with GET when the server refuses or fumbles HEAD."""
    result = LinkResult(url, False)
    for method in ("HEAD", "GET"):
        if throttle:
            throttle.wait(url)
        result = _request(url, method, timeout)
        # Many servers answer HEAD with 403, 404 or 405 while GET works; timeouts and DNS errors would only repeat.
        if result.ok or result.status is None or result.status < 400:
            return result
    return result


def check_all(
    urls: Iterable[str], timeout: float = 10.0, workers: int = 8, interval: float = 1.0
) -> dict[str, LinkResult]:
    """Check every distinct address with at most `workers` at a time and `interval` seconds between hits on one host."""
    throttle = HostThrottle(interval)
    ordered = _spread_hosts(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = pool.map(lambda url: check_url(url, timeout, throttle), ordered)
        return dict(zip(ordered, results, strict=True))


def _spread_hosts(urls: Iterable[str]) -> list[str]:
    """Interleave hosts (a, b, c, a, b, ...) so workers do not all queue behind one slow host."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).hostname or ""].append(url)
    return [url for group in zip_longest(*by_host.values()) for url in group if url is not None]


def _request(url: str, method: str, timeout: float) -> LinkResult:
    # Built per request so proxy settings from the environment (http_proxy, no_proxy) apply as they are now.
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return LinkResult(url, True, response.status)
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            return LinkResult(url, False, error.code, TOO_MANY_REDIRECTS)
        return LinkResult(url, False, error.code, f"HTTP {error.code} ({_status_text(error.code)})")
    except urllib.error.URLError as error:
        return LinkResult(url, False, None, _reason_text(error.reason, timeout))
    except (TimeoutError, HTTPException, OSError, ValueError) as error:
        return LinkResult(url, False, None, _reason_text(error, timeout))


def _reason_text(reason: object, timeout: float) -> str:
    """Name the usual network failures in plain Dutch."""
    if isinstance(reason, TimeoutError):
        return f"geen antwoord binnen {timeout:g} seconden (time-out)"
    if isinstance(reason, socket.gaierror):
        return "de naam van de website bestaat niet (DNS)"
    if isinstance(reason, ConnectionRefusedError):
        return "de website weigert de verbinding"
    if isinstance(reason, ssl.SSLError):
        return f"het beveiligingscertificaat klopt niet ({reason})"
    return f"verbinding mislukt: {reason}"


def _status_text(code: int) -> str:
    try:
        return STATUS_NAMES.get(code) or HTTPStatus(code).phrase
    except ValueError:
        return "onbekende status"
