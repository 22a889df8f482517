-- R46: which hub instance runs each scheduled job (route policy oneInstance, io.carehub.ops.OneInstancePolicy).
-- The instance that holds a job's PostgreSQL advisory lock runs it; this table only shows it to operations: a row per
-- job and instance that ever ran it, with when it took the job over and how often it has run it since.
create table job_runner (
    job          text        not null,            -- the route id, e.g. retention-purge
    instance     text        not null,            -- host name and process id of the hub instance
    claimed_at   timestamptz not null,            -- when this instance took the job over (last time)
    runs         bigint      not null default 0,  -- runs since claimed_at
    last_run_at  timestamptz,
    primary key (job, instance)
);
