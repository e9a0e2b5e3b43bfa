"""`zhuyu`: the suite's command line.

  zhuyu serve SERVICE ROLE     run one process (ROLE: web, relay, consumer, scheduler, worker)
  zhuyu serve gateway          run the gateway
  zhuyu migrate SERVICE        bring a store's schema to head
  zhuyu revision SERVICE -m M  write a migration for model changes
  zhuyu run                    the whole suite on this machine (what `make run` calls)
  zhuyu demo                   load a demo city through the running gateway (`make demo`)
  zhuyu dead list|replay QUEUE list or replay dead-lettered events of a consumer queue
  zhuyu users create|disable|list          accounts in the gateway's store
  zhuyu api-keys create|revoke|list        third parties' API keys
  zhuyu outbox republish SERVICE           send stored events again (rebuild a read model)
  zhuyu reports monthly --month YYYY-MM    the monthly complaints report, via the gateway
  zhuyu calendar load FILE | show          the desk's working-time calendar (next year's holidays)
  zhuyu reports settlement --month YYYY-MM the month's settlement of the visits, via the gateway
  zhuyu health                             every service, the broker and the gateway
  zhuyu backup | restore                   every store, consistently, and back
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback

from kit import registry
from kit.settings import env
from ops import commands
from ops.build import NotCarried, build, carries

ROLES = ("web", "relay", "consumer", "scheduler", "worker")


def _serve(args: argparse.Namespace) -> None:
    from kit import dev_secrets, metrics

    dev_secrets.refuse_development_secrets()
    metrics.configure(args.target)  # before anything records a figure
    if args.target == "gateway":
        _serve_gateway()
        return
    if args.role not in ROLES:
        raise SystemExit(f"role must be one of {', '.join(ROLES)}")
    if not carries(args.target):
        raise NotCarried(f"the {args.target} service", args.target)
    from kit import logs

    logs.configure(args.target, env.str("ZHUYU_LOG_LEVEL", "INFO"))
    def prepare() -> None:
        service = build(args.target)
        service.store.prepare_schema()
        _declare_queue(service)

    _in_child(prepare, f"the {args.target} store")
    if args.role == "web":
        from kit.web_server import serve

        serve(lambda: build(args.target).app(), registry.SERVICES[args.target], args.target.upper())
        return
    from kit.service import run_background

    roles = ["relay", "consumer", "scheduler"] if args.role == "worker" else [args.role]
    run_background(build(args.target), roles)


def _serve_gateway() -> None:
    from gateway import config
    from kit import logs
    from kit.web_server import serve

    settings = config.load()
    logs.configure("gateway", settings.log_level)

    def prepare() -> None:
        from gateway import app

        app.prepare(settings)

    def create_app():
        from gateway import app

        served = app.create_app()
        app.start_relay()  # revocations reach notify through the broker
        return served

    _in_child(prepare, "the gateway's store")
    serve(create_app, settings.port, "GATEWAY")


def _in_child(work, what: str) -> None:
    """Run `work` (a store's schema) in a forked child and wait for it. What it imports
    stays out of this process: the whole service and SQLAlchemy out of a web master, which
    only keeps its workers (each imports the app itself), and alembic out of a worker."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - told below, in the parent's words
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"error: preparing {what} failed (see above)")


def _migrate(args: argparse.Namespace) -> None:
    if args.target == "gateway":
        from gateway.app import build_store

        build_store().migrate()
        print(f"{args.target}: schema at head")
        return
    service = build(args.target)
    service.store.migrate()
    print(f"{args.target}: schema at head")
    _declare_queue(service)


def _declare_queue(service) -> None:
    """The service's consumer queue on the broker (`Service.declare_queue`), said when done;
    a broker not reached is said too and fails nothing: the consumer declares it as it starts."""
    from kit import bus

    try:
        if service.declare_queue():
            print(f"{service.name}: queue {service.settings.queue} declared", flush=True)
    except bus.BROKER_ERRORS as exc:
        print(f"{service.name}: queue not declared, broker not reached ({type(exc).__name__}: {exc})",
              file=sys.stderr, flush=True)


def _healthcheck(args: argparse.Namespace) -> None:
    """For container health checks: a worker's heartbeat file is fresh, or the web answers."""
    import os
    import time
    import urllib.request

    heartbeat = env.str("ZHUYU_HEARTBEAT_FILE", "")
    if heartbeat:
        age = time.time() - os.path.getmtime(heartbeat) if os.path.exists(heartbeat) else float("inf")
        sys.exit(0 if age < env.float("ZHUYU_HEARTBEAT_MAX_AGE_SECONDS", 30) else 1)
    if args.target == "gateway":
        port, path = env.int("GATEWAY_PORT", registry.GATEWAY_PORT), "/healthz"
    else:
        port, path = env.int(f"{args.target.upper()}_PORT", registry.SERVICES[args.target]), "/healthz"
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as response:
            sys.exit(0 if response.status == 200 else 1)
    except OSError:
        sys.exit(1)


def _revision(args: argparse.Namespace) -> None:
    if args.target == "gateway":
        from gateway.app import build_store

        build_store().new_revision(args.message)
    else:
        build(args.target).store.new_revision(args.message)


def _dead(args: argparse.Namespace) -> None:
    from ops import deadletters

    url = env.str("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")
    if args.action == "list":
        for message in deadletters.list_dead(url, args.queue):
            print(json.dumps({
                "message_id": message.message_id, "type": message.type, "attempts": message.attempts,
                "reason": message.reason, "error": message.error,
            }, ensure_ascii=False))
    elif args.action == "show":
        for message in deadletters.list_dead(url, args.queue):
            if message.message_id == args.id:
                print(message.body.decode())
                return
        raise SystemExit(f"no dead message {args.id} in {args.queue}")
    else:
        ids = set(args.id) if args.id else None
        print(f"replayed {deadletters.replay(url, args.queue, ids)} message(s)")


def _demo(_args: argparse.Namespace) -> None:
    from ops import demo

    sys.exit(demo.main())


def _run(_args: argparse.Namespace) -> None:
    from ops import supervisor

    sys.exit(supervisor.main())


def main(argv: list[str] | None = None) -> None:
    os.umask(0o077)  # stores, backups, secrets and logs of the suite are private to its user
    parser = argparse.ArgumentParser(prog="zhuyu", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run one process of a service or the gateway")
    serve.add_argument("target", choices=[*registry.SERVICES, "gateway"])
    serve.add_argument("role", nargs="?", default="web")
    serve.set_defaults(func=_serve)
    migrate = sub.add_parser("migrate", help="bring a store's schema to head")
    migrate.add_argument("target", choices=[*registry.SERVICES, "gateway"])
    migrate.set_defaults(func=_migrate)
    revision = sub.add_parser("revision", help="write a migration for model changes (developers)")
    revision.add_argument("target", choices=[*registry.SERVICES, "gateway"])
    revision.add_argument("-m", "--message", required=True)
    revision.set_defaults(func=_revision)
    health = sub.add_parser("healthcheck", help="exit 0 when this container's process is healthy")
    health.add_argument("target", choices=[*registry.SERVICES, "gateway"])
    health.set_defaults(func=_healthcheck)
    run = sub.add_parser("run", help="start the whole suite on this machine")
    run.set_defaults(func=_run)
    demo = sub.add_parser("demo", help="load a demo city through the running gateway")
    demo.set_defaults(func=_demo)
    dead = sub.add_parser("dead", help="dead-lettered events of a consumer queue")
    dead.add_argument("action", choices=["list", "show", "replay"])
    dead.add_argument("queue", help="e.g. notify.events")
    dead.add_argument("--id", action="append", help="message id (show: one; replay: repeatable)")
    dead.set_defaults(func=_dead)
    commands.register(sub)
    args = parser.parse_args(argv)
    if args.command == "dead" and args.action == "show" and not args.id:
        parser.error("show needs --id")
    if args.command == "dead" and args.action == "show":
        args.id = args.id[0]
    try:
        args.func(args)
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] != "gateway":
            raise
        _not_here(args.command, NotCarried("the gateway", "gateway"))
    except NotCarried as missing:
        _not_here(args.command, missing)


def _not_here(command: str, missing: NotCarried) -> None:
    """A command that needs a part this installation does not hold: a service's image holds
    its own service and no gateway, the gateway's image no service."""
    print(f"error: `zhuyu {command}` needs {missing.part}, which this installation does not carry; "
          f"run it where {missing.part} runs, e.g. `docker compose exec {missing.container} zhuyu {command} ...`",
          file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main()
