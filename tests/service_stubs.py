"""The four services as stubs for the gateway's tests: each on a port of its own, answering
its own OpenAPI document (so the gateway gathers the real routes and declared access) and
every other request with what it received, recorded in one list all four share."""
from __future__ import annotations

import json
import threading
from typing import Callable

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from kit.registry import SERVICES
from tests.openapi_documents import service_documents


class RegisteredElders(dict):
    """Registration as the complaints service asks it which point an elder is of
    (`kit.lookup.Lookup.get("/elders/{id}/point")`): elder id → point id, put in by the test."""

    def get(self, path: str, default=None):  # noqa: D401  (the lookup's own signature)
        elder_id = path.split("/")[2]
        return {"id": elder_id, "service_point_id": self[elder_id]} if elder_id in self else {}


class ServiceStubs:
    def __init__(self):
        self.calls: list[tuple[str, str, dict, bytes]] = []
        # `answer(request)`, when set, answers instead of the echo (default: 200, or 201 for a POST).
        self.answer: Callable[[Request], Response] | None = None
        self.servers = {name: self._serve(service_documents()[name]) for name in SERVICES}

    def _serve(self, document: dict):
        @Request.application
        def app(request):
            if request.path == "/openapi.json":
                return Response(json.dumps(document), content_type="application/json")
            self.calls.append((request.method, request.path, dict(request.headers), request.get_data()))
            if self.answer is not None:
                return self.answer(request)
            return Response(json.dumps({"path": request.path, "n": len(self.calls)}),
                            status=201 if request.method == "POST" else 200, content_type="application/json")

        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.servers[name].server_port}"

    def urls(self) -> dict[str, str]:
        return {name: self.url(name) for name in SERVICES}

    def shutdown(self) -> None:
        for server in self.servers.values():
            server.shutdown()
