from alembic import context

from kit.db import run_migrations
from services.registration.models import metadata

run_migrations(context, metadata)
