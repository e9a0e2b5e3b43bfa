#!/bin/bash
# First start of the postgres container: one database and one user per service.
# Passwords come from the environment (ZHUYU_DB_PASSWORD_<SERVICE>), never from this file.
set -euo pipefail
for service in gateway registration visits complaints notify; do
  var="ZHUYU_DB_PASSWORD_${service^^}"
  password="${!var:?$var must be set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE USER "$service" WITH PASSWORD '$password';
CREATE DATABASE "$service" OWNER "$service";
REVOKE ALL ON DATABASE "$service" FROM PUBLIC;
SQL
done
