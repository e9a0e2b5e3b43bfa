"""`zhuyu run` / `make run`: the whole suite on one machine.

Starts RabbitMQ (the one in AMQP_URL, else a private node under ./var/rabbitmq) and Redis
for the gateway's rate limits (ZHUYU_RATE_LIMIT_STORAGE_URI, else a private one), brings
every store to its schema and declares every consumer queue (`zhuyu migrate`), so that
nothing a process publishes at its start goes unrouted, then runs each service's web process and one worker process
(its relay, consumer and scheduler, mostly idle, in one: `zhuyu serve <service> worker`)
and the gateway, restarting any that dies. `ZHUYU_SPLIT_WORKERS=true` runs the relay,
consumer and scheduler as processes of their own instead, as a deployment scales them.
Ctrl-C stops everything.

The supervisor itself stays small: each store is migrated by a `zhuyu migrate` child, so
this process never imports a service.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

from kit import broker, metrics, redis_node, registry
from ops import run_lock
from kit.settings import env, var_dir

# The roles a service's worker process runs; with ZHUYU_SPLIT_WORKERS, one process each. A
# role a service has nothing for (registration handles no events) ends at once, cleanly.
WORKER_ROLES = ("relay", "consumer", "scheduler")


def _say(message: str, **fields) -> None:
    print(json.dumps({"service": "supervisor", "level": "info", "message": message, **fields}, ensure_ascii=False),
          flush=True)


def _processes(split: bool) -> list[tuple[str, list[str]]]:
    exe = [sys.executable, "-m", "ops.cli"]
    procs = []
    for name in registry.SERVICES:
        procs.append((f"{name}-web", [*exe, "serve", name, "web"]))
        for role in WORKER_ROLES if split else ("worker",):
            procs.append((f"{name}-{role}", [*exe, "serve", name, role]))
    procs.append(("gateway", [*exe, "serve", "gateway"]))
    return procs


def _migrate_all() -> None:
    """Every store to its schema and every consumer queue declared, in parallel children
    (`zhuyu migrate <service>`)."""
    exe = [sys.executable, "-m", "ops.cli", "migrate"]
    children = {name: subprocess.Popen([*exe, name], stdout=subprocess.DEVNULL) for name in registry.SERVICES}
    failed = [name for name, child in children.items() if child.wait() != 0]
    if failed:
        raise SystemExit(f"error: migrating the store of {', '.join(failed)} failed (see above)")


def main() -> int:
    try:
        lock = run_lock.acquire(var_dir())  # held while main runs; the kernel frees it at exit
    except run_lock.AlreadyRunning as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    node = None
    if not os.environ.get("AMQP_URL"):
        port = env.int("ZHUYU_RABBITMQ_PORT", 5672)
        node = broker.PrivateNode(var_dir() / "rabbitmq", port, env.int("ZHUYU_RABBITMQ_DIST_PORT", port + 20000))
        _say("starting a private RabbitMQ node", port=port, data=str(node.base))
        try:
            node.start()
        except broker.BrokerMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        os.environ["AMQP_URL"] = node.url
    rate_store = None
    if not os.environ.get("ZHUYU_RATE_LIMIT_STORAGE_URI"):  # the gateway workers' shared rate limits
        rate_store = redis_node.PrivateRedis(var_dir() / "redis", env.int("ZHUYU_REDIS_PORT", 6379))
        _say("starting a private Redis", port=rate_store.port)
        try:
            rate_store.start()
        except redis_node.RedisMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            if node is not None:
                node.stop()
            return 2
        os.environ["ZHUYU_RATE_LIMIT_STORAGE_URI"] = rate_store.url
    os.environ.setdefault("ZHUYU_VAR_DIR", str(var_dir()))
    # One machine: one web worker process per service (its threads serve the requests),
    # two for the gateway, which every request and every slow client passes through.
    if "ZHUYU_WEB_WORKERS" not in os.environ:
        os.environ["ZHUYU_WEB_WORKERS"] = "1"
        os.environ.setdefault("GATEWAY_WEB_WORKERS", "2")
    metrics.reset()  # figures start again with the suite

    try:
        _migrate_all()
    except SystemExit:
        if node is not None:
            node.stop()
        if rate_store is not None:
            rate_store.stop()
        raise

    stopping = False

    def _stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)

    children: dict[str, subprocess.Popen] = {}
    commands = dict(_processes(env.bool("ZHUYU_SPLIT_WORKERS", False)))
    restarts: dict[str, float] = {}
    for name, command in commands.items():
        children[name] = subprocess.Popen(command, start_new_session=True)
    port = env.int("GATEWAY_PORT", registry.GATEWAY_PORT)
    url = f"http://127.0.0.1:{port}"
    announced = False
    started = time.monotonic()
    try:
        while not stopping:
            time.sleep(0.5)
            for name, child in list(children.items()):
                if child.poll() is not None and not stopping:
                    if child.returncode == 0 and name.rsplit("-", 1)[-1] in WORKER_ROLES:
                        _say("nothing to run for this role", process=name)  # e.g. registration's consumer
                        del children[name]
                        continue
                    wait = restarts.get(name, 0.5)
                    _say("process exited, restarting", process=name, code=child.returncode, in_seconds=wait)
                    metrics.process_exited(child.pid, name.split("-", 1)[0])
                    time.sleep(wait)
                    restarts[name] = min(wait * 2, 30.0)
                    children[name] = subprocess.Popen(commands[name], start_new_session=True)
            if not announced:
                try:
                    with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2) as response:
                        announced = response.status == 200
                except OSError:
                    pass
                if announced:
                    _say(f"Zhuyu is up: {url}/api/v1 (ready in {time.monotonic() - started:.1f}s; Ctrl-C stops)")
    finally:
        _say("stopping")
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        if node is not None:
            node.stop()
        if rate_store is not None:
            rate_store.stop()
        _say("stopped")
    return 0
