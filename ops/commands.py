"""The operators' subcommands of `zhuyu`: users, api-keys, outbox republish, reports,
health, backup and restore. `ops.cli` registers them with `register(sub)`."""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kit import registry
from kit.settings import env, timezone_name
from ops.build import build


def _out(value) -> None:
    print(json.dumps(value, ensure_ascii=False), flush=True)


def _fail(message: str, code: int = 1):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


# --- users and API keys -------------------------------------------------------------------

def _users(args: argparse.Namespace) -> None:
    from ops import admin

    store = admin.gateway_store()
    try:
        if args.action == "create":
            password = None
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\r\n")
                if not password:
                    _fail("--password-stdin: nothing read from standard input")
            user = admin.create_user(store, args.username, args.role, password, args.service_point_id, args.staff_id)
            shown = {"id": user.id, "username": user.username, "role": user.role}
            if user.password is not None:
                shown["password"] = user.password
                print("The generated password is shown only this once.", file=sys.stderr)
            _out(shown)
        elif args.action == "disable":
            _out({"id": admin.disable_user(store, args.user), "disabled": True})
        else:
            for user in admin.list_users(store):
                _out(user)
    except admin.Refused as error:
        _fail(str(error))
    finally:
        store.dispose()


def _api_keys(args: argparse.Namespace) -> None:
    from ops import admin

    store = admin.gateway_store()
    try:
        if args.action == "create":
            scopes = [s for group in args.scope for s in group.replace(",", " ").split()]
            key_id, key = admin.create_api_key(store, args.name, scopes, args.rate_limit, args.service_point_id)
            print("The key is shown only this once; only its hash is kept.", file=sys.stderr)
            _out({"id": key_id, "key": key, "name": args.name, "scopes": scopes})
        elif args.action == "revoke":
            admin.revoke_api_key(store, args.id)
            _out({"id": args.id, "revoked": True})
        else:
            for key in admin.list_api_keys(store):
                _out(key)
    except admin.Refused as error:
        _fail(str(error))
    finally:
        store.dispose()


# --- outbox republish ---------------------------------------------------------------------

def _moment(text: str) -> datetime:
    """ISO 8601 date or time; without an offset it is the deployment's local time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or time: {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone_name()))
    return moment


def _republish(args: argparse.Namespace) -> None:
    from kit import bus
    from ops import republish

    service = build(args.service)
    selection = republish.Selection(from_position=args.from_sequence, since=args.since,
                                    event_types=tuple(args.event_type or ()))
    try:
        result = republish.republish(service.store, service.tables, service.settings.amqp_url, selection,
                                     to_queue=args.to_queue, batch_size=args.batch_size)
    except LookupError as error:
        _fail(str(error))
    except (bus.PublishFailed, *bus.BROKER_ERRORS) as error:
        _fail(f"broker: {error!r} (events up to the last confirmed batch were sent; run again, consumers "
              "drop what they already handled)")
    finally:
        service.store.dispose()
    _out({"service": args.service, "to": args.to_queue or bus.EXCHANGE, "published": result.published,
          "first_position": result.first_position, "last_position": result.last_position,
          "not_for_this_queue": result.skipped_types, "not_yet_relayed": result.unsent, "types": result.types})


# --- reports and health -------------------------------------------------------------------

def _reports(args: argparse.Namespace) -> None:
    from ops import running

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.month):
        _fail("--month: YYYY-MM", 2)
    try:
        token = args.token or running.admin_token(args.username, None)
        lang = getattr(args, "lang", None)
        body, name = running.monthly_report(token, args.month, args.service_point_id, args.format,
                                            None if lang in (None, "raw") else lang, args.action)
    except running.ApiError as error:
        _fail(str(error))
    if args.out is None and args.format == "json":
        sys.stdout.write(body.decode() + "\n")
        return
    path = Path(args.out or name)
    path.write_bytes(body)
    print(f"wrote {path} ({len(body)} bytes)", file=sys.stderr)


def _health(args: argparse.Namespace) -> None:
    from ops import running

    checks = running.health(args.timeout)
    if args.json:
        _out({c.component: {"ok": c.ok, "detail": c.detail} for c in checks})
    else:
        print(running.health_table(checks))
    sys.exit(0 if all(c.ok for c in checks) else 1)


# --- the desk's working-time calendar -------------------------------------------------------

def _calendar(args: argparse.Namespace) -> None:
    """Load next year's official arrangement into the complaints store (where the
    complaints service runs), or show the years loaded."""
    from kit.errors import Invalid
    from kit.types import utcnow

    service = build("complaints")
    try:
        with service.store.begin() as session:
            if args.action == "show":
                for year in service.use_cases.calendar_years(session):
                    _out({**year, "loaded_at": year["loaded_at"].isoformat()})
                return
            try:
                data = json.loads(Path(args.file).read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                _fail(f"{args.file}: {error}")
            if not isinstance(data, dict):
                _fail(f"{args.file}: not a JSON object (see services/complaints/calendars/2026.json)")
            try:
                _out(service.use_cases.load_arrangement(session, data, utcnow()))
            except Invalid as error:
                _fail(f"{args.file}: {error}")
    finally:
        service.store.dispose()


# --- backup and restore -------------------------------------------------------------------

def _backup(args: argparse.Namespace) -> None:
    from ops import backup

    destination = Path(args.to) if args.to else backup.default_destination()
    try:
        copied = backup.backup(destination, args.store)
    except backup.BackupError as error:
        _fail(str(error))
    for c in copied:
        _out({"store": c.store, "kind": c.kind, "file": c.file, "rows": sum(c.tables.values())})
    print(f"backup in {destination}", file=sys.stderr)


def _restore(args: argparse.Namespace) -> None:
    from ops import backup

    try:
        restored = backup.restore(Path(args.source), args.store, args.force)
    except backup.BackupError as error:
        _fail(str(error))
    for c in restored:
        _out({"store": c.store, "kind": c.kind, "to": c.file, "rows": sum(c.tables.values())})


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="accounts in the gateway's store (migrated first)")
    users_sub = users.add_subparsers(dest="action", required=True)
    create = users_sub.add_parser("create", help="create a user; the password is generated unless given on stdin")
    create.add_argument("--username", required=True)
    create.add_argument("--role", required=True, help="one of the contract's roles, e.g. point_admin")
    create.add_argument("--service-point-id")
    create.add_argument("--staff-id")
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    disable = users_sub.add_parser("disable", help="disable a user (by username or id)")
    disable.add_argument("user")
    users_sub.add_parser("list", help="every user, one JSON line each")
    users.set_defaults(func=_users)

    keys = sub.add_parser("api-keys", help="third parties' API keys in the gateway's store")
    keys_sub = keys.add_subparsers(dest="action", required=True)
    create = keys_sub.add_parser("create", help="create a key; it is printed once")
    create.add_argument("--name", required=True)
    create.add_argument("--scope", action="append", required=True,
                        help="repeatable, or several separated by spaces, e.g. elders:read")
    create.add_argument("--rate-limit", type=int, help="requests per minute, 1 to 100000 (default: the gateway's)")
    create.add_argument("--service-point-id", help="limit the key to one service point")
    revoke = keys_sub.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("id")
    keys_sub.add_parser("list", help="every key (never the key itself), one JSON line each")
    keys.set_defaults(func=_api_keys)

    outbox = sub.add_parser("outbox", help="a producer's stored events")
    outbox_sub = outbox.add_subparsers(dest="action", required=True)
    again = outbox_sub.add_parser(
        "republish", help="publish stored events again, e.g. to rebuild a consumer's read model",
        description="Publish relayed outbox events of SERVICE again, in outbox order, with publisher confirms. "
                    "With --to-queue only that consumer queue receives them (and only the types it is bound to).")
    again.add_argument("service", choices=list(registry.SERVICES))
    again.add_argument("--from-sequence", type=int, metavar="N", help="from this outbox position (its `id`) on")
    again.add_argument("--since", type=_moment, metavar="TIME", help="events stored at or after TIME (ISO 8601)")
    again.add_argument("--event-type", action="append", metavar="TYPE",
                       help="repeatable; topic patterns allowed, e.g. 'registration.elder.*'")
    again.add_argument("--to-queue", metavar="QUEUE", help="one consumer queue, e.g. visits.events")
    again.add_argument("--batch-size", type=int, default=500)
    outbox.set_defaults(func=_republish)

    reports = sub.add_parser("reports", help="reports fetched through the running gateway")
    reports_sub = reports.add_subparsers(dest="action", required=True)
    for action, what in (("monthly", "the monthly complaints report of the city or a point"),
                         ("settlement", "the month's settlement of the visits, by who pays, of the city or a point")):
        monthly = reports_sub.add_parser(action, help=what)
        monthly.add_argument("--month", required=True, help="YYYY-MM")
        monthly.add_argument("--service-point-id")
        monthly.add_argument("--format", choices=["xlsx", "json", "csv"], default="xlsx")
        if action == "monthly":
            monthly.add_argument("--lang", choices=["zh-CN", "en", "raw"], default="zh-CN",
                                 help="xlsx and csv: the report to read and forward (default zh-CN), or raw: the "
                                      "machine layout")
        monthly.add_argument("--out", help="file to write (default: the report's name; json goes to stdout)")
        monthly.add_argument("--token", help="a bearer token (default: log in with --username and "
                                             "ZHUYU_ADMIN_PASSWORD)")
        monthly.add_argument("--username", default="admin")
    reports.set_defaults(func=_reports)

    calendar = sub.add_parser("calendar", help="the desk's working-time calendar (public holidays, make-up "
                                               "working days) in the complaints store")
    calendar_sub = calendar.add_subparsers(dest="action", required=True)
    load = calendar_sub.add_parser(
        "load", help="load (or correct) a year's official arrangement from a JSON file",
        description="FILE as services/complaints/calendars/2026.json: {year, source, holidays: [{name, from, to}], "
                    "workdays: [{name, date}]}, typed from the State Council General Office's notice. Working-day "
                    "deadlines still ahead are counted again on it.")
    load.add_argument("file")
    calendar_sub.add_parser("show", help="the years loaded, one JSON line each")
    calendar.set_defaults(func=_calendar)

    health = sub.add_parser("health", help="every service, the broker and the gateway; exit 1 if any is down")
    health.add_argument("--timeout", type=float, default=3.0)
    health.add_argument("--json", action="store_true")
    health.set_defaults(func=_health)

    back = sub.add_parser("backup", help="copy every store this installation carries (SQLite online backup, "
                                         "pg_dump) into a directory")
    back.add_argument("--to", help="directory (default: var/backups/<UTC time>)")
    back.add_argument("--store", action="append", choices=[*registry.SERVICES, "gateway"], help="repeatable")
    back.set_defaults(func=_backup)
    restore = sub.add_parser("restore", help="put a backup in place of the stores (stop the suite first)")
    restore.add_argument("--from", dest="source", required=True, help="a directory made by `zhuyu backup`")
    restore.add_argument("--store", action="append", choices=[*registry.SERVICES, "gateway"], help="repeatable")
    restore.add_argument("--force", action="store_true", help="replace stores that exist")
    restore.set_defaults(func=_restore)
