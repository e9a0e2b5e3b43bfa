from alembic import context

from gateway.models import metadata
from kit.db import run_migrations

run_migrations(context, metadata)
