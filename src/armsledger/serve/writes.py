"""Who may write, and what a correction may say.

Writes happen only when the server was started with `--allow-writes`, and only with the
token: in the API as `Authorization: Bearer TOKEN`; in the dashboard through a session
cookie set by logging in with the token (HttpOnly, SameSite=Strict) plus a CSRF field in
every form, derived from the token and the session, and a same-origin check.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from ..ledger.corrections import BadCorrection, check_text, check_value  # noqa: F401  (re-exported for the routes)

SESSION_COOKIE = "armsledger_session"


class WriteRefused(Exception):
    """A write the server will not do: `status` 403 (writes off, cross-site) or 401 (no valid token)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Guard:
    """Checks write requests against the server's token."""

    def __init__(self, allow_writes: bool, token: str | None) -> None:
        if allow_writes and not token:
            raise ValueError("writes need a token")
        self.allow_writes = allow_writes
        self._key = (token or secrets.token_hex(32)).encode()
        self._token = token

    def _sign(self, *parts: str) -> str:
        return hmac.new(self._key, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()

    def token_ok(self, given: str | None) -> bool:
        return bool(self._token and given) and hmac.compare_digest(given.encode(), self._token.encode())

    def check_api(self, authorization: str | None) -> None:
        if not self.allow_writes:
            raise WriteRefused("this server is read-only; start it with --allow-writes to accept corrections", 403)
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not self.token_ok(given.strip()):
            raise WriteRefused("a valid token is needed: send 'Authorization: Bearer TOKEN'", 401)

    # -- dashboard sessions ---------------------------------------------------------

    def new_session(self) -> str:
        nonce = secrets.token_hex(16)
        return f"{nonce}.{self._sign('session', nonce)}"

    def session(self, cookie: str | None) -> str | None:
        """The session's nonce when the cookie is one this server signed, else None."""
        nonce, _, sig = (cookie or "").partition(".")
        if self.allow_writes and nonce and hmac.compare_digest(sig, self._sign("session", nonce)):
            return nonce
        return None

    def csrf(self, cookie: str | None) -> str | None:
        nonce = self.session(cookie)
        return self._sign("csrf", nonce) if nonce else None

    def check_form(self, cookie: str | None, csrf: str | None, origin_ok: bool) -> None:
        if not self.allow_writes:
            raise WriteRefused("this server is read-only; start it with --allow-writes to accept corrections", 403)
        if not origin_ok:
            raise WriteRefused("cross-site form posts are refused", 403)
        expected = self.csrf(cookie)
        if expected is None:
            raise WriteRefused("log in with the server's token first", 401)
        if not csrf or not hmac.compare_digest(csrf, expected):
            raise WriteRefused("the form is stale or was not sent by this dashboard; reload the page", 403)
