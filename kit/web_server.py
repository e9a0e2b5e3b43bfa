"""Production WSGI serving: gunicorn keeps the processes, waitress speaks HTTP in each.

Waitress reads every request whole, headers and body, on one event loop per process and
only then hands it to a thread, and writes answers from that loop too; so a client that
dribbles its headers or its body, or holds idle connections, costs a socket, never a
thread, and other clients go on being answered. A request not read completely within
`ZHUYU_REQUEST_READ_TIMEOUT_SECONDS` is dropped, as is an idle keep-alive connection after
`ZHUYU_IDLE_TIMEOUT_SECONDS`. Gunicorn's master runs the start-up hook once (migrations),
keeps `<PREFIX>_WEB_WORKERS` such processes up and stops them gracefully.

Every answer the HTTP layer makes itself (a bad request line or header, a body with both
Content-Length and Transfer-Encoding, a bad Content-Length, headers or a body over the
limits, an application that fails before it answers) is problem+json like every other
answer, and no `Server` header names the software.
"""
from __future__ import annotations

import json
import os
import re
import resource
import time
import uuid
from http import HTTPStatus
from typing import TYPE_CHECKING, Callable

from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.utilities import BadRequest, find_double_newline
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from kit import metrics
from kit.settings import env

if TYPE_CHECKING:
    from flask import Flask

# Headers on the answers the HTTP layer makes itself (the apps add theirs to their own).
PLAIN_HEADERS = [("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store")]
_ANSWERS = {
    400: ("MALFORMED_REQUEST", "The request is not valid HTTP (request line, headers, Content-Length or "
                               "Transfer-Encoding)."),
    413: ("PAYLOAD_TOO_LARGE", "The body is too large."),
    431: ("HEADERS_TOO_LARGE", "The request's headers are too large."),
    500: ("INTERNAL_ERROR", "An unexpected error occurred; it has been logged."),
    501: ("MALFORMED_REQUEST", "This Transfer-Encoding is not supported."),
}


class _ProblemError(ErrorTask):
    """Waitress's own error answers (400, 413, 431, 500, 501) as problem+json."""

    def execute(self):
        from kit.web import PROBLEM, problem_document  # in the worker, where the app has it already

        error = self.request.error
        status = error.code
        code, detail = _ANSWERS.get(status, ("MALFORMED_REQUEST", "") if status < 500 else _ANSWERS[500])
        body = json.dumps(problem_document(status, code, detail), ensure_ascii=False).encode()
        self.status = f"{status} {HTTPStatus(status).phrase}"
        self.response_headers.extend([("Content-Type", PROBLEM), ("X-Request-ID", str(uuid.uuid4())),
                                      *PLAIN_HEADERS])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _Parser(HTTPRequestParser):
    """Waitress's parser, stricter where a request could be read two ways: a header line
    ended by a bare LF is refused at once (instead of waiting for a CRLF that never comes),
    and so is a body announced both by Content-Length and by Transfer-Encoding."""

    _BARE_LF = re.compile(rb"(?<!\r)\n")

    def received(self, data):
        if self.body_rcv is None and not self.completed:
            head = self.header_plus + data
            end = find_double_newline(head)
            if self._BARE_LF.search(head if end < 0 else head[:end]):
                self.parse_header(b"GET / HTTP/1.0\r\n")
                self.error = BadRequest("a header line ends with a bare LF")
                self.completed = True
                return len(data)
        return super().received(data)

    def parse_header(self, header_plus):
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            raise ParsingError("both Content-Length and Transfer-Encoding")


class _Channel(HTTPChannel):
    error_task_class = _ProblemError
    parser_class = _Parser
    reading_since = 0.0  # when the request now being read began to arrive

    def received(self, data):
        if self.request is None:
            self.reading_since = time.time()
        return super().received(data)


class _Server(TcpWSGIServer):
    channel_class = _Channel

    def __init__(self, *args, read_timeout: float, **kw):
        self.read_timeout = read_timeout
        super().__init__(*args, **kw)

    def maintenance(self, now):
        """Idle connections close after the channel timeout (waitress's own rule), and a
        connection whose request is still arriving after the read timeout closes too."""
        super().maintenance(now)
        cutoff = now - self.read_timeout
        for channel in self.active_channels.values():
            if channel.request is not None and not channel.requests and channel.reading_since < cutoff:
                channel.will_close = True


def adjustments(threads: int) -> Adjustments:
    return Adjustments(
        ident="",  # no Server header
        threads=threads,
        connection_limit=env.int("ZHUYU_CONNECTION_LIMIT", 2000),
        channel_timeout=env.int("ZHUYU_IDLE_TIMEOUT_SECONDS", 75),
        cleanup_interval=2,
        max_request_header_size=env.int("ZHUYU_MAX_HEADER_BYTES", 32 * 1024),
        max_request_body_size=env.int("ZHUYU_MAX_BODY_BYTES", 1024 * 1024),
        asyncore_use_poll=True,  # select() stops at 1,024 sockets
        log_socket_errors=False,  # clients that go away are not the server's errors
        backlog=2048,
    )


def read_timeout() -> float:
    return env.float("ZHUYU_REQUEST_READ_TIMEOUT_SECONDS", 20.0)


class WaitressWorker(Worker):
    """A gunicorn worker whose HTTP server is waitress, on the sockets gunicorn opened."""

    def init_process(self) -> None:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = min(hard, 65536) if hard != resource.RLIM_INFINITY else 65536
        if soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))  # a socket per slow client
        super().init_process()

    def run(self) -> None:
        socket_map: dict = {}
        adj = adjustments(self.cfg.threads)
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(adj.threads)
        servers = [_Server(self.wsgi, socket_map, True, listener.sock, dispatcher=dispatcher, adj=adj,
                           bind_socket=False, read_timeout=read_timeout(),
                           sockinfo=(listener.sock.family, listener.sock.type, listener.sock.proto,
                                     listener.sock.getsockname()))
                   for listener in self.sockets]
        while self.alive:
            self.notify()
            if self.ppid != os.getppid():
                break
            wasyncore.loop(timeout=0.5, map=socket_map, use_poll=True, count=1)
        # Graceful stop: accept nothing more, finish the requests under way, then close.
        for server in servers:
            server.accepting = False
            server.del_channel()
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline and any(
                getattr(channel, "requests", None) or getattr(channel, "total_outbufs_len", 0)
                for channel in list(socket_map.values())):
            wasyncore.loop(timeout=0.1, map=socket_map, use_poll=True, count=1)
        dispatcher.shutdown(timeout=1)
        wasyncore.close_all(socket_map)


class _Gunicorn(BaseApplication):
    def __init__(self, factory: Callable[[], Flask], options: dict, on_starting: Callable[[], None] | None):
        self.factory = factory
        self.options = options
        self.before_start = on_starting
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if self.before_start is not None:
            hook = self.before_start
            self.cfg.set("on_starting", lambda _arbiter: hook())

    def load(self) -> Flask:
        return self.factory()


def serve(factory: Callable[[], Flask], port: int, prefix: str, on_starting: Callable[[], None] | None = None) -> None:
    """Serve `factory()` in each worker; `on_starting` runs once in the master (migrations).

    The master imports neither the app nor Flask: `factory` imports them in each worker, so
    the master stays a small process that only keeps the workers."""
    options = {
        "bind": f"{env.str('ZHUYU_BIND_HOST', '127.0.0.1')}:{env.int(prefix + '_PORT', port)}",
        "workers": env.int(prefix + "_WEB_WORKERS", env.int("ZHUYU_WEB_WORKERS", 2)),
        "worker_class": f"{__name__}.WaitressWorker",
        "threads": env.int(prefix + "_WEB_THREADS", env.int("ZHUYU_WEB_THREADS", 8)),
        "timeout": 30,  # a worker whose event loop stops for this long is replaced
        "graceful_timeout": 10,
        "backlog": 2048,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": f"zhuyu-{prefix.lower()}",
        "child_exit": lambda _server, worker: metrics.process_exited(worker.pid),
    }
    _Gunicorn(factory, options, on_starting).run()
