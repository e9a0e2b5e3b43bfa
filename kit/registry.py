"""The four services and the gateway by name, with their default ports."""
from __future__ import annotations

SERVICES = {"registration": 8101, "visits": 8102, "complaints": 8103, "notify": 8104}
GATEWAY_PORT = 8080
