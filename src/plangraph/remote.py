"""The store over HTTP: any SPARQL 1.1 endpoint, POSTed to with a timeout and bounded
retries for reads, and the checks and messages of the network (also used by publish).

Imported only when an endpoint is used: the HTTP modules cost the embedded path 8-9 ms.
``plangraph.store`` names :class:`RemoteStore` too.

Example:
    >>> RemoteStore("http://127.0.0.1:7878/query", timeout=5).endpoint
    'http://127.0.0.1:7878/query'
"""

from __future__ import annotations

import json
import time

from .errors import StoreError
from .store import Result, Term

__all__ = ["RemoteStore", "check_url", "one_line", "unwrap", "is_timeout", "network_reason"]


class RemoteStore:
    """A SPARQL 1.1 endpoint over HTTP (POST, JSON results, timeout, retries for reads)."""

    def __init__(self, endpoint: str, timeout: float = 30.0, retries: int = 2):
        check_url(endpoint, "endpoint")
        self.endpoint = endpoint
        self.timeout = timeout
        self.retries = retries

    def query(self, sparql: str) -> Result:
        import http.client
        import urllib.error
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
            method="POST",
        )
        delay = 0.5
        for attempt in range(self.retries + 1):
            deadline = time.monotonic() + self.timeout
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    payload = _read_before(response, deadline)
                break
            except urllib.error.HTTPError as error:
                detail = one_line(error.read()[:300].decode("utf-8", "replace"))
                if error.code >= 500 and attempt < self.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise StoreError(f"{self.endpoint} answered HTTP {error.code}: {detail or error.reason}") from None
            except (OSError, http.client.HTTPException) as error:
                if is_timeout(error):  # a slow query is not run again: --timeout is the limit
                    raise StoreError(f"{self.endpoint} did not answer within {self.timeout:g} s (--timeout)") from None
                if attempt < self.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                if isinstance(error, urllib.error.URLError):
                    raise StoreError(f"cannot reach {self.endpoint}: {network_reason(error)}") from None
                raise StoreError(f"{self.endpoint} broke off the exchange: {network_reason(error)}") from None
        try:
            data = json.loads(payload)
        except ValueError:
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        if "boolean" in data:
            return Result([], boolean=bool(data["boolean"]))
        try:
            variables = data["head"]["vars"]
            rows = [{k: Term.from_json(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (KeyError, TypeError):
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        return Result(variables, rows)


def check_url(url: str, what: str) -> None:
    """Refuse a URL that cannot be requested (scheme, host, port) before anything is sent.

    Example:
        >>> check_url("http://127.0.0.1:abc/query", "endpoint")
        Traceback (most recent call last):
        plangraph.errors.StoreError: not an http(s) endpoint URL: 'http://127.0.0.1:abc/query'
    """
    import urllib.parse

    parsed = urllib.parse.urlparse(url)
    try:
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        parsed = parsed._replace(netloc="")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise StoreError(f"not an http(s) {what} URL: {url!r}")


def _read_before(response, deadline: float) -> bytes:
    """The whole body, or TimeoutError once ``deadline`` passes (a server that trickles
    its answer never trips the socket timeout), or IncompleteRead if it is cut short."""
    chunks = []
    while chunk := response.read1(65536):
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("the answer took too long")
    payload = b"".join(chunks)
    expected = response.headers.get("Content-Length", "")
    if expected.isdigit() and len(payload) < int(expected):
        import http.client

        raise http.client.IncompleteRead(payload, int(expected) - len(payload))
    return payload


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def unwrap(error: BaseException):
    """The OSError (or text) a URLError wraps; any other error as it is."""
    import urllib.error

    return error.reason if isinstance(error, urllib.error.URLError) else error


def is_timeout(error: BaseException) -> bool:
    """True for a socket timeout, bare or wrapped in a URLError."""
    return isinstance(unwrap(error), TimeoutError)


def network_reason(error: BaseException) -> str:
    """One line on why an HTTP exchange failed below HTTP: refused, reset, cut off, not HTTP."""
    import http.client

    reason = unwrap(error)
    if isinstance(reason, http.client.IncompleteRead):
        text = f"the answer was cut off after {len(reason.partial)} bytes"
    elif isinstance(reason, http.client.RemoteDisconnected):
        text = "the server closed the connection without answering"
    elif isinstance(reason, http.client.BadStatusLine):
        text = f"the answer is not HTTP: {str(reason.line).strip()[:60]!r}"
    else:
        text = str(reason) or type(reason).__name__
    return one_line(text)
