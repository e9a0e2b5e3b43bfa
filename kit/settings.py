"""Typed settings read from the environment, one place per process.

Each service builds its own `Settings` on top of `CommonSettings`; every number that
DOMAIN.md calls a default is read here with its default, never written into logic.
"""
from __future__ import annotations

import dataclasses
import os
import secrets
import time
import typing
from dataclasses import dataclass
from datetime import time as clock_time
from pathlib import Path

from environs import Env

env = Env()

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    """Where SQLite files, the private broker and generated secrets live (`./var`)."""
    return Path(env.str("ZHUYU_VAR_DIR", str(PROJECT_ROOT / "var"))).resolve()


def generated_secret(name: str) -> str:
    """A secret generated once and kept under the var dir with mode 0600 (for a machine
    run by `zhuyu run`; containers pass their secrets in the environment instead)."""
    path = var_dir() / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
    for _ in range(50):  # the other process may still be writing it
        value = path.read_text().strip()
        if value:
            return value
        time.sleep(0.01)
    raise RuntimeError(f"{path} is empty")


def identity_secret() -> str:
    """The key the gateway signs each forwarded request's identity with and every service
    verifies it with (`kit.identity`): `ZHUYU_IDENTITY_SECRET`, else one generated under the
    var dir, which every process of one `zhuyu run` shares."""
    return env.str("ZHUYU_IDENTITY_SECRET", None) or generated_secret("identity-secret")


def timezone_name() -> str:
    """The deployment's local time zone (`ZHUYU_TIMEZONE`): days, opening hours, quiet hours."""
    return env.str("ZHUYU_TIMEZONE", "Asia/Shanghai")


T = typing.TypeVar("T")


def from_env(rules: type[T], **variables: str) -> T:
    """A frozen dataclass of rules (a service's `domain.Rules`) with the named fields read
    from their environment variables. A field's default is the dataclass's own: it is
    written once, in `domain.py`, and a variable that is not set leaves it as it is."""
    hints = typing.get_type_hints(rules)
    fields = {f.name: f for f in dataclasses.fields(rules)}
    unknown = set(variables) - set(fields)
    if unknown:
        raise TypeError(f"{rules.__name__} has no field {', '.join(sorted(unknown))}")
    values = {}
    for name, variable in variables.items():
        field = fields[name]
        default = field.default if field.default is not dataclasses.MISSING else field.default_factory()
        values[name] = _read(variable, hints[name], default)
    return rules(**values)


def _read(variable: str, kind, default):
    if kind is bool:
        return env.bool(variable, default)
    if kind is int:
        return env.int(variable, default)
    if kind is float:
        return env.float(variable, default)
    if kind is str:
        return env.str(variable, default)
    if kind is clock_time:
        return clock_time.fromisoformat(env.str(variable, default.strftime("%H:%M")))
    if typing.get_origin(kind) is frozenset:
        (item,) = typing.get_args(kind)
        return frozenset(env.list(variable, sorted(default), subcast=item))
    raise TypeError(f"{variable}: no reader for {kind}")


@dataclass(frozen=True)
class CommonSettings:
    service: str
    database_url: str
    amqp_url: str
    timezone: str
    log_level: str
    relay_batch_size: int
    relay_poll_seconds: float  # between looks at the outbox when the store cannot wake the relay
    relay_idle_seconds: float  # the longest the relay waits for the store's wake-up
    relay_lease_seconds: float
    consumer_prefetch: int
    consumer_batch_size: int
    retry_delays_seconds: tuple[int, ...]
    delivery_limit: int
    broker_timeout_seconds: float
    # Read here once because more than one service needs it: registration decides whether
    # an elder's signed commitment is current, visits shows the text in force and notices
    # when a decision it holds was made under another one.
    safety_commitment_version: str
    check_events: bool  # every event checked against its declared schema as it is written (tests)

    @property
    def queue(self) -> str:
        return f"{self.service}.events"


def common_settings(service: str) -> CommonSettings:
    prefix = service.upper()
    default_db = f"sqlite:///{var_dir() / (service + '.db')}"
    return CommonSettings(
        service=service,
        database_url=env.str(f"{prefix}_DATABASE_URL", default_db),
        amqp_url=env.str("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//"),
        timezone=timezone_name(),
        log_level=env.str("ZHUYU_LOG_LEVEL", "INFO"),
        relay_batch_size=env.int("ZHUYU_RELAY_BATCH_SIZE", 200),
        relay_poll_seconds=env.float("ZHUYU_RELAY_POLL_SECONDS", 0.05),
        relay_idle_seconds=env.float("ZHUYU_RELAY_IDLE_SECONDS", 5.0),
        relay_lease_seconds=env.float("ZHUYU_RELAY_LEASE_SECONDS", 5.0),
        consumer_prefetch=env.int("ZHUYU_CONSUMER_PREFETCH", 200),
        consumer_batch_size=env.int("ZHUYU_CONSUMER_BATCH_SIZE", 100),
        retry_delays_seconds=tuple(
            int(x) for x in env.list("ZHUYU_RETRY_DELAYS_SECONDS", ["1", "5", "30"])
        ),
        delivery_limit=env.int("ZHUYU_DELIVERY_LIMIT", 20),
        broker_timeout_seconds=env.float("ZHUYU_BROKER_TIMEOUT_SECONDS", 5.0),
        safety_commitment_version=env.str("ZHUYU_SAFETY_COMMITMENT_VERSION", "v1"),
        check_events=env.bool("ZHUYU_CHECK_EVENTS", False),
    )


def service_url(service: str, default_port: int) -> str:
    """Base URL of a service's own HTTP API (used by the gateway and for lookups)."""
    return env.str(f"{service.upper()}_URL", f"http://127.0.0.1:{default_port}").rstrip("/")

