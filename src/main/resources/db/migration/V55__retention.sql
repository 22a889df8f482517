-- R30: the three-month purge selects by the time a row was stored, oldest first, in bounded batches; these indexes
-- let every batch find its rows without scanning the table (attachments are found by their unique (message_id, media_id)).
create index message_documented on message (documented_at);
create index message_status_documented on message_status (documented_at);
create index rejected_update_documented on rejected_update (documented_at);
create index agent_action_at on agent_action (at);
create index conversation_closed on conversation (closed_at) where status = 'CLOSED';

-- R40/R30: billing rows carry Meta's status time only (absent on some statuses); the purge needs when they were stored.
alter table billing_record add column documented_at timestamptz not null default now();
create index billing_record_documented on billing_record (documented_at);

-- R30: the purge runs once a day on exactly one instance: the instance that holds the advisory lock runs it when the
-- last completed run is older than carehub.retention.purge-interval.
create table retention_run (
    job          text        primary key,             -- retention-purge, archive-expiry
    finished_at  timestamptz not null
);
