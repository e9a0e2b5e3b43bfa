"""The caller a service test speaks as: every service test builds its caller here, so when
the form a service reads it in changes, only this does.

`caller(...)` gives the request headers of a call by someone. A service answers only a
request that carries the gateway's identity for that very request (`kit.identity`: signed,
short-lived, bound to the method, the target, the request id and the body), so what
`caller` gives is a description of the caller, and the Flask test client of this test run
(`IdentityClient`, installed by `tests.fixtures` for every app) turns it, for each
request it sends, into the identity the gateway would mint for it. A request sent any
other way (over a socket, to a running service) takes `signed(...)`.
"""
from __future__ import annotations

import io
import json
import time
import uuid
from typing import Iterable, Mapping

from flask.testing import EnvironBuilder, FlaskClient

from kit import identity
from kit.caller import Caller
from kit.settings import identity_secret

DESCRIPTION = "X-Zhuyu-Test-Caller"  # read by the test client only; a service ignores it
_ENVIRON_KEY = "HTTP_" + DESCRIPTION.upper().replace("-", "_")


def caller(role: str | None, user: str | None = None, point: str | None = None, staff: str | None = None,
           scopes: Iterable[str] = ()) -> dict[str, str]:
    """The request headers of a call by this user (or API key: role `api_client`; a part of
    the suite: role `service` with its name as `user`; nobody, on a survey link: None)."""
    return {DESCRIPTION: json.dumps({"user": user, "role": role, "point": point, "staff": staff,
                                     "scopes": sorted(scopes)})}


ADMIN = caller("admin", user="u-admin")
ANONYMOUS = caller(None)


def described(headers: Mapping[str, str]) -> Caller | None:
    """The caller `caller(...)` describes in these headers (None: none)."""
    text = headers.get(DESCRIPTION)
    if text is None:
        return None
    fields = json.loads(text)
    return Caller(fields["user"], fields["role"], fields["point"], fields["staff"], frozenset(fields["scopes"]))


def signed(headers: Mapping[str, str], *, audience: str, method: str, path: str, query: str = "",
           body: bytes | None = b"", secret: str | None = None, issued_at: float | None = None,
           ttl: int = identity.TTL_SECONDS) -> dict[str, str]:
    """`headers` with the caller they describe replaced by its identity for one request to
    the service `audience` (the request id is theirs, or a new one). `secret`, `issued_at`
    and `ttl` make one the service must refuse: forged, or expired."""
    out = {k: v for k, v in headers.items() if k != DESCRIPTION}
    who = described(headers)
    if who is None:
        return out
    out.setdefault("X-Request-ID", f"test-{uuid.uuid4()}")
    out[identity.HEADER] = identity.mint(
        secret or identity_secret(), who, audience=audience, method=method, target=identity.target(path, query),
        request_id=out["X-Request-ID"], body=body, now=issued_at if issued_at is not None else time.time(), ttl=ttl)
    return out


class IdentityClient(FlaskClient):
    """A test client that sends each request described by `caller(...)` with the identity
    the gateway would mint for that request, for the service the app is (its name)."""

    def open(self, *args, buffered: bool = False, follow_redirects: bool = False, **kwargs):
        if args and not isinstance(args[0], str):
            return super().open(*args, buffered=buffered, follow_redirects=follow_redirects, **kwargs)
        kwargs["environ_base"] = self._copy_environ(kwargs.get("environ_base", {}))
        builder = EnvironBuilder(self.application, *args, **kwargs)
        try:
            request = builder.get_request()
        finally:
            builder.close()
        environ = request.environ
        if _ENVIRON_KEY in environ:
            body = environ["wsgi.input"].read()
            environ["wsgi.input"] = io.BytesIO(body)
            headers = signed({DESCRIPTION: environ.pop(_ENVIRON_KEY),
                              **({"X-Request-ID": environ["HTTP_X_REQUEST_ID"]} if "HTTP_X_REQUEST_ID" in environ else {})},
                             audience=self.application.name, method=environ["REQUEST_METHOD"],
                             path=environ.get("PATH_INFO", ""), query=environ.get("QUERY_STRING", ""),
                             body=body if environ["REQUEST_METHOD"] in ("POST", "PUT", "PATCH") else b"")
            for name, value in headers.items():
                environ["HTTP_" + name.upper().replace("-", "_")] = value
        return super().open(request, buffered=buffered, follow_redirects=follow_redirects)
