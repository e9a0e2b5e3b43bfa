"""Each service, reached directly (a port open inside the network), answers only a request
carrying the gateway's identity made for it: none, a forged one, an expired one, one made
for another service or another request is 401 problem+json; the old caller headers are
worth nothing."""
from __future__ import annotations

import time

import pytest
from flask.testing import FlaskClient

from kit.registry import SERVICES
from tests.callers import caller, signed

pytestmark = pytest.mark.integration
# One list read by each service (its own point's): any role with the personal-data view.
READS = {"registration": "/elders", "visits": "/visits", "complaints": "/complaints", "notify": "/notifications"}
FORGED_SECRET = "another deployment's secret, long enough to pass"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_a_direct_request_without_the_gateways_identity_for_it_is_401(build_service, name):
    app = build_service(name).app()
    raw = FlaskClient(app)  # sends the headers as given, signs nothing
    path = READS[name]
    admin = caller("admin", user="u-admin")
    refused = [
        {},
        {"X-Zhuyu-User": "u-admin", "X-Zhuyu-Role": "admin"},  # the caller headers of old
        signed(admin, audience=name, method="GET", path=path, secret=FORGED_SECRET),
        signed(admin, audience=name, method="GET", path=path, issued_at=time.time() - 300, ttl=30),
        signed(admin, audience="gateway" if name != "gateway" else "visits", method="GET", path=path),
        signed(admin, audience=name, method="GET", path=path, query="limit=1"),
    ]
    for headers in refused:
        response = raw.get(path, headers=headers)
        assert (response.status_code, response.mimetype, response.get_json()["code"]) == \
            (401, "application/problem+json", "UNAUTHORIZED"), (name, headers)
    good = signed(admin, audience=name, method="GET", path=path)
    assert raw.get(path, headers=good).status_code == 200
    assert raw.get(path, headers=good | {"X-Request-ID": "replayed-for-another"}).status_code == 401
    assert raw.get("/healthz").status_code == 200
