"""The caller's identity between the gateway and a service: signed, short-lived, bound to
one request.

The gateway authenticates a user, an API key or nobody (a survey link), and mints for each
request it forwards a JWT (HS256 with `ZHUYU_IDENTITY_SECRET`) that carries the caller
and names the request it is for: the service (`aud`), the method, the target (path and
query), the request id and a digest of the body, valid for `ttl` seconds. A service
verifies it before anything else (`kit.web`) and builds its `Caller` from it alone; a
request without one, or with one made for another request, another service, with another
secret or that has expired, is 401. Calls between services and an operator's commands
carry an identity of their own: a service principal (role `service`), which only
operations declared for it accept (`kit.access.internal`).
"""
from __future__ import annotations

import base64
import hashlib
import time
from dataclasses import dataclass
from typing import Iterable

import jwt

from kit.caller import SERVICE, Caller

HEADER = "X-Zhuyu-Identity"
ISSUER = "zhuyu-gateway"
TTL_SECONDS = 30  # how long an identity may take to reach its service (a retry included)
LEEWAY_SECONDS = 5  # clocks of the gateway's and the service's hosts may differ this much
ALGORITHM = "HS256"
_REQUIRED = ["exp", "iat", "aud", "iss", "htm", "htu", "rid", "bdh"]

# Characters a request target keeps as they are; anything else is percent-encoded. The
# same sets urllib3 keeps, so that what the gateway signs is exactly what it sends.
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-~"
_PATH_SAFE = frozenset(_UNRESERVED + "!$&'()*+,;=:@/")
_QUERY_SAFE = _PATH_SAFE | {"?"}
_HEX = frozenset("0123456789abcdefABCDEF")


class Unverified(Exception):
    """No identity, or one that is not for this request."""


def _escape(raw: bytes, safe: frozenset[str], keep_escapes: bool) -> str:
    out = []
    i = 0
    while i < len(raw):
        byte = raw[i]
        char = chr(byte)
        if keep_escapes and char == "%" and i + 2 < len(raw) and chr(raw[i + 1]) in _HEX and chr(raw[i + 2]) in _HEX:
            out.append("%" + raw[i + 1:i + 3].decode().upper())
            i += 3
            continue
        out.append(char if byte < 128 and char in safe else f"%{byte:02X}")
        i += 1
    return "".join(out)


def target(path_info: str, query_string: str = "") -> str:
    """The request target as it is signed and sent: the path (as WSGI decoded it) percent-
    encoded, and the query as it came with only what is not allowed in one encoded.

    Both ends compute it from what they see: the gateway from its request, the service
    from the request the gateway sent, which a server decodes back to the same path and
    query; so the form survives the hop unchanged."""
    path = _escape(path_info.encode("latin-1", "replace"), _PATH_SAFE, keep_escapes=False)
    if not query_string:
        return path
    return path + "?" + _escape(query_string.encode("latin-1", "replace"), _QUERY_SAFE, keep_escapes=True)


def body_digest(body: bytes | None) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(body or b"").digest()).decode().rstrip("=")


def mint(secret: str, caller: Caller, *, audience: str, method: str, target: str, request_id: str,
         body: bytes | None = b"", now: float | None = None, ttl: int = TTL_SECONDS) -> str:
    """The identity of `caller` for one request to the service `audience`."""
    issued = int(time.time() if now is None else now)
    claims = {"iss": ISSUER, "aud": audience, "iat": issued, "exp": issued + ttl,
              "htm": method.upper(), "htu": target, "rid": request_id, "bdh": body_digest(body),
              "sub": caller.user_id or "", "role": caller.role, "pt": caller.service_point_id, "staff": caller.staff_id,
              "scp": sorted(caller.scopes)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify(token: str | None, secret: str, *, audience: str, method: str, target: str, request_id: str,
           body: bytes | None = b"") -> Caller:
    """The caller an identity carries, if it was made with `secret` for this very request
    and has not expired; else Unverified."""
    if not token:
        raise Unverified("no identity")
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], audience=audience, issuer=ISSUER,
                            leeway=LEEWAY_SECONDS, options={"require": _REQUIRED})
    except jwt.PyJWTError as error:
        raise Unverified(type(error).__name__) from None
    if (claims["htm"], claims["htu"], claims["rid"]) != (method.upper(), target, request_id):
        raise Unverified("made for another request")
    if claims["bdh"] != body_digest(body):
        raise Unverified("made for another body")
    scopes = claims.get("scp") or []
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise Unverified("malformed scopes")
    return Caller(user_id=_text(claims.get("sub")), role=_text(claims.get("role")),
                  service_point_id=_text(claims.get("pt")), staff_id=_text(claims.get("staff")),
                  scopes=frozenset(scopes))


def _text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise Unverified("malformed claim")


@dataclass(frozen=True)
class ServicePrincipal:
    """The identity one part of the suite calls another with (visits asking registration, the
    gateway telling notify of a revoked key): role `service`, the caller's name as its id,
    and only the scopes it needs."""

    name: str
    secret: str
    scopes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, name: str, secret: str, scopes: Iterable[str] = ()) -> ServicePrincipal:
        return cls(name, secret, frozenset(scopes))

    def headers(self, audience: str, method: str, path: str, query: str = "", request_id: str = "",
                body: bytes | None = b"") -> tuple[str, dict[str, str]]:
        """(the target to send, the headers that go with it) for one call to `audience`."""
        sent = target(path, query)
        token = mint(self.secret, Caller(self.name, SERVICE, None, None, self.scopes), audience=audience,
                     method=method, target=sent, request_id=request_id, body=body)
        return sent, {HEADER: token, "X-Request-ID": request_id}
