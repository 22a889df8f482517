#!/bin/bash
# Run by the PostgreSQL image once, when it creates the database (mounted into /docker-entrypoint-initdb.d/):
# the migration owner and the hub's DML-only account of roles.sql, with the passwords from the environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v database="$POSTGRES_DB" \
    -v owner="$CAREHUB_FLYWAY_USERNAME" -v owner_password="$CAREHUB_FLYWAY_PASSWORD" \
    -v app="$CAREHUB_DATASOURCE_USERNAME" -v app_password="$CAREHUB_DATASOURCE_PASSWORD" \
    -f /etc/carehub/roles.sql
