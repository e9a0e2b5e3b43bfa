"""The identity a service is called with: made for one request, by the holder of the secret,
for a short while; and the request target it names survives the hop to the service."""
from __future__ import annotations

import threading
import time

import jwt
import pytest
import urllib3
from hypothesis import HealthCheck, given, settings, strategies as st
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from kit import identity
from kit.caller import Caller

SECRET = "s" * 48
WHO = Caller("u-1", "point_admin", "p-1", "s-1", frozenset({"elders:read"}))
REQUEST = dict(audience="registration", method="POST", target="/elders?limit=5", request_id="r-1", body=b'{"a":1}')


def test_the_caller_comes_back_from_its_identity():
    token = identity.mint(SECRET, WHO, **REQUEST)
    assert identity.verify(token, SECRET, **REQUEST) == WHO
    nobody = Caller(None, None, None, None)
    assert identity.verify(identity.mint(SECRET, nobody, **REQUEST), SECRET, **REQUEST) == nobody


@pytest.mark.parametrize("changed", [
    {"audience": "visits"}, {"method": "PUT"}, {"target": "/elders?limit=6"}, {"target": "/elders"},
    {"request_id": "r-2"}, {"body": b'{"a":2}'}, {"body": b""},
])
def test_an_identity_made_for_another_request_is_refused(changed):
    token = identity.mint(SECRET, WHO, **REQUEST)
    with pytest.raises(identity.Unverified):
        identity.verify(token, SECRET, **(REQUEST | changed))


def test_a_forged_tampered_or_expired_identity_is_refused():
    token = identity.mint(SECRET, WHO, **REQUEST)
    header, claims, signature = token.split(".")
    forged = [
        identity.mint("another deployment's secret, 48 bytes long!!!!", WHO, **REQUEST),
        identity.mint(SECRET, WHO, **REQUEST, now=time.time() - 60, ttl=30),  # expired, past the leeway
        identity.mint(SECRET, WHO, **REQUEST, now=time.time() + 60),  # not yet valid
        jwt.encode(jwt.decode(token, options={"verify_signature": False}), None, algorithm="none"),
        jwt.encode(jwt.decode(token, options={"verify_signature": False}) | {"role": "admin"}, "changeme" * 4, algorithm="HS256"),
        f"{header}.{jwt.utils.base64url_encode(b'{}').decode()}.{signature}",
        jwt.encode({"sub": "u-1", "role": "admin", "exp": time.time() + 30}, SECRET, algorithm="HS256"),  # no binding
        "", "garbage", None,
    ]
    for token in forged:
        with pytest.raises(identity.Unverified):
            identity.verify(token, SECRET, **REQUEST)


class Seen:
    """A server that records the path and query a request arrived with."""

    def __init__(self):
        self.last: tuple[str, str] | None = None

        @Request.application
        def app(request):
            self.last = (request.environ["PATH_INFO"], request.environ["QUERY_STRING"])
            return Response("ok")

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.pool = urllib3.HTTPConnectionPool("127.0.0.1", self.server.server_port, retries=False)

    def send(self, path: str, query: str) -> tuple[str, str]:
        sent = identity.target(path, query)
        self.pool.urlopen("GET", sent)
        return sent, identity.target(*self.last)


@pytest.fixture(scope="module")
def seen():
    server = Seen()
    yield server
    server.server.shutdown()


@pytest.mark.parametrize("path,query", [
    ("/elders", ""), ("/elders", "q=张&limit=5"), ("/elders/by-card/AB 12", "a=%e5%bc%a0"),
    ("/elders/%41", "a=100%"), ("/x/é", "a=b+c&d=%2B"), ("/a;b", "x=[1]&y={2}|"), ("/elders", "a=%zz%41"),
])
def test_the_target_the_gateway_signs_is_the_one_the_service_sees(seen, path, query):
    wsgi_path = path.encode().decode("latin-1")  # as a WSGI server hands the gateway its path
    sent, arrived = seen.send(wsgi_path, query.encode().decode("latin-1"))
    assert arrived == sent


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(st.characters(blacklist_categories=("Cs",)), max_size=20).filter(lambda p: not p.startswith("/")),
       query=st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_characters="#"), max_size=20))
def test_any_target_survives_the_hop(seen, path, query):
    # A routed path never starts with "//" (the gateway matched it to an operation first).
    wsgi_path = ("/" + path).encode().decode("latin-1")
    sent, arrived = seen.send(wsgi_path, query.encode().decode("latin-1"))
    assert arrived == sent
