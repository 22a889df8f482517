#!/bin/bash
# Run by the PostgreSQL image once, when it creates the database (mounted into /docker-entrypoint-initdb.d/):
# the migration owner and the hub's DML-only account of roles.sql, with the passwords from the environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v database="$POSTGRES_DB" \
    -v owner="$CAREHUB_FLYWAY_USERNAME" -v owner_password="$CAREHUB_FLYWAY_PASSWORD" \
    -v app="$CAREHUB_DATASOURCE_USERNAME" -v app_password="$CAREHUB_DATASOURCE_PASSWORD" \
    -f /etc/carehub/roles.sql
# R33: the erasure ledger's own database, with its own owner and DML-only account from the same roles.sql; neither
# ledger account may connect to the main database, nor the main accounts to the ledger
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v ledger="$CAREHUB_ERASURE_LEDGER_DATABASE" <<'SQL'
create database :"ledger";
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$CAREHUB_ERASURE_LEDGER_DATABASE" \
    -v database="$CAREHUB_ERASURE_LEDGER_DATABASE" \
    -v owner="$CAREHUB_ERASURE_LEDGER_FLYWAY_USERNAME" -v owner_password="$CAREHUB_ERASURE_LEDGER_FLYWAY_PASSWORD" \
    -v app="$CAREHUB_ERASURE_LEDGER_USERNAME" -v app_password="$CAREHUB_ERASURE_LEDGER_PASSWORD" \
    -f /etc/carehub/roles.sql
