-- R48 least privilege, run once by the PostgreSQL image when it creates the database (init-roles.sh passes the
-- psql variables database, owner, owner_password, app, app_password). The hub connects as "app": it may read and
-- write rows, nothing else. Flyway migrates as "owner", which owns the database and therefore the schema public.
-- Default privileges give "app" the same rights on every table and sequence "owner" creates later.
-- init-roles.sh runs it twice: for the main database (carehub_owner, carehub) and, connected to it, for the R33
-- erasure ledger's own database (carehub_ledger_owner, carehub_ledger).

create role :"owner" login password :'owner_password' nosuperuser nocreatedb nocreaterole;
create role :"app" login password :'app_password' nosuperuser nocreatedb nocreaterole;

alter database :"database" owner to :"owner";
-- no temporary tables and no connections for other roles; "app" may connect only
revoke all on database :"database" from public;
grant connect on database :"database" to :"app";

-- the schema public is owned by the database owner (pg_database_owner); no one else may create in it
revoke create on schema public from public;
grant usage on schema public to :"app";

grant select, insert, update, delete on all tables in schema public to :"app";
grant usage, select on all sequences in schema public to :"app";
alter default privileges for role :"owner" in schema public grant select, insert, update, delete on tables to :"app";
alter default privileges for role :"owner" in schema public grant usage, select on sequences to :"app";
