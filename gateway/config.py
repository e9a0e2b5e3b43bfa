"""Gateway settings from the environment."""
from __future__ import annotations

from dataclasses import dataclass

from kit import registry
from kit.settings import env, generated_secret, identity_secret, service_url, var_dir


@dataclass(frozen=True)
class Settings:
    database_url: str
    port: int
    upstreams: dict[str, str]
    jwt_secret: str
    identity_secret: str  # signs the identity each forwarded request carries (kit.identity)
    identity_ttl_seconds: int
    token_ttl_seconds: int
    session_max_hours: float
    admin_password: str | None
    upstream_connect_timeout: float
    upstream_read_timeout: float
    upstream_pool_size: int
    log_level: str
    min_password_length: int
    max_login_failures: int
    lockout_seconds: int
    revocation_refresh_seconds: float
    rate_limit_user: str
    rate_limit_key_per_minute: int
    rate_limit_login: str
    rate_limit_bad_credentials: str
    rate_limit_storage_uri: str
    rate_limit_key_prefix: str
    idempotency_hours: float
    max_body_bytes: int
    breaker_threshold: int
    breaker_cool_down_seconds: float
    trusted_proxy_hops: int
    relay_poll_seconds: float  # between the relay's looks at the outbox (rare events: revocations)


def load() -> Settings:
    return Settings(
        database_url=env.str("GATEWAY_DATABASE_URL", f"sqlite:///{var_dir() / 'gateway.db'}"),
        port=env.int("GATEWAY_PORT", registry.GATEWAY_PORT),
        upstreams={name: service_url(name, port) for name, port in registry.SERVICES.items()},
        jwt_secret=env.str("ZHUYU_JWT_SECRET", None) or generated_secret("jwt-secret"),
        identity_secret=identity_secret(),
        identity_ttl_seconds=env.int("ZHUYU_IDENTITY_TTL_SECONDS", 30),
        token_ttl_seconds=env.int("ZHUYU_TOKEN_TTL_SECONDS", 3600),
        session_max_hours=env.float("ZHUYU_SESSION_MAX_HOURS", 12.0),
        admin_password=env.str("ZHUYU_ADMIN_PASSWORD", "") or None,
        upstream_connect_timeout=env.float("GATEWAY_UPSTREAM_CONNECT_TIMEOUT_SECONDS", 1.0),
        upstream_read_timeout=env.float("GATEWAY_UPSTREAM_READ_TIMEOUT_SECONDS", 10.0),
        upstream_pool_size=env.int("GATEWAY_UPSTREAM_POOL_SIZE", 32),
        log_level=env.str("ZHUYU_LOG_LEVEL", "INFO"),
        min_password_length=env.int("ZHUYU_MIN_PASSWORD_LENGTH", 10),
        max_login_failures=env.int("ZHUYU_MAX_LOGIN_FAILURES", 5),
        lockout_seconds=env.int("ZHUYU_LOCKOUT_SECONDS", 900),
        revocation_refresh_seconds=env.float("ZHUYU_REVOCATION_REFRESH_SECONDS", 3.0),
        rate_limit_user=env.str("ZHUYU_RATE_LIMIT_USER", "600 per minute"),
        rate_limit_key_per_minute=env.int("ZHUYU_RATE_LIMIT_KEY_PER_MINUTE", 120),
        rate_limit_login=env.str("ZHUYU_RATE_LIMIT_LOGIN", "20 per minute"),
        rate_limit_bad_credentials=env.str("ZHUYU_RATE_LIMIT_BAD_CREDENTIALS", "30 per minute"),
        # Shared by every worker and replica; `memory://` only for a single-process gateway.
        rate_limit_storage_uri=env.str("ZHUYU_RATE_LIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0"),
        rate_limit_key_prefix=env.str("ZHUYU_RATE_LIMIT_KEY_PREFIX", "zhuyu"),
        idempotency_hours=env.float("ZHUYU_IDEMPOTENCY_HOURS", 24.0),
        max_body_bytes=env.int("ZHUYU_MAX_BODY_BYTES", 1024 * 1024),
        breaker_threshold=env.int("GATEWAY_BREAKER_THRESHOLD", 5),
        breaker_cool_down_seconds=env.float("GATEWAY_BREAKER_COOL_DOWN_SECONDS", 5.0),
        # Load balancers in front that append X-Forwarded-For (0: the peer is the client).
        trusted_proxy_hops=env.int("ZHUYU_TRUSTED_PROXY_HOPS", 0),
        # The gateway's outbox holds only revocations: a second's delay costs nothing, a look
        # at the store every few milliseconds from every worker would.
        relay_poll_seconds=env.float("GATEWAY_RELAY_POLL_SECONDS", 1.0),
    )
