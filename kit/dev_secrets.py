"""No process serves a city with the development secrets.

docker-compose.yml falls back to well-known development passwords and secrets (they all
contain `zhuyu-dev-only`) so that the suite runs on a laptop without a `.env`; the
Kubernetes secret templates hold `REPLACE-with-...` placeholders. Anyone who has read
this repository knows those values: with them, survey links and tokens can be forged and
the stores opened. So every `zhuyu serve` refuses to start while any of its environment
variables holds one, unless `ZHUYU_ALLOW_DEV_SECRETS=true` says this is a development run.
"""
from __future__ import annotations

import os
import sys
from typing import Mapping

MARKERS = ("zhuyu-dev-only", "REPLACE-with")
FLAG = "ZHUYU_ALLOW_DEV_SECRETS"
EXIT_CONFIG = 78  # EX_CONFIG: a configuration error, not a crash


def development_secrets(environ: Mapping[str, str]) -> list[str]:
    """The names of the variables that hold a development secret or a placeholder."""
    return sorted(name for name, value in environ.items()
                  if name != FLAG and any(marker in value for marker in MARKERS))


def allowed(environ: Mapping[str, str]) -> bool:
    return environ.get(FLAG, "").strip().lower() in ("1", "true", "yes", "on")


def refuse_development_secrets(environ: Mapping[str, str] | None = None) -> None:
    """Exit with a clear message (code 78) when a development secret would be used."""
    environ = os.environ if environ is None else environ
    names = development_secrets(environ)
    if not names or allowed(environ):
        return
    print(f"error: refusing to start: {', '.join(names)} hold(s) a development secret or a placeholder "
          f"that anyone can read in the repository. Set real values (in .env for docker compose, in the "
          f"overlay's secrets for Kubernetes), or set {FLAG}=true for a development run.",
          file=sys.stderr, flush=True)
    raise SystemExit(EXIT_CONFIG)


if __name__ == "__main__":  # for containers that run no `zhuyu serve` (the backup schedule)
    refuse_development_secrets()
