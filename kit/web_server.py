"""Production WSGI serving with gunicorn (threaded workers, keep-alive)."""
from __future__ import annotations

from typing import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication

from kit import metrics
from kit.settings import env


class _Server(BaseApplication):
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
    """Serve `factory()` in each worker; `on_starting` runs once in the master (migrations)."""
    options = {
        "bind": f"{env.str('ZHUYU_BIND_HOST', '127.0.0.1')}:{env.int(prefix + '_PORT', port)}",
        "workers": env.int(prefix + "_WEB_WORKERS", env.int("ZHUYU_WEB_WORKERS", 2)),
        "worker_class": "gthread",
        "threads": env.int(prefix + "_WEB_THREADS", env.int("ZHUYU_WEB_THREADS", 8)),
        "keepalive": 75,
        "timeout": 30,
        "graceful_timeout": 10,
        "backlog": 2048,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": f"zhuyu-{prefix.lower()}",
        "child_exit": lambda _server, worker: metrics.process_exited(worker.pid),
    }
    _Server(factory, options, on_starting).run()
