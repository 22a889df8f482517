-- R47: who read personal data or acted, with which role, on which conversation or contact, when; never content.
-- Kept carehub.security.access-log-retention (route access-log-purge). No foreign keys: an entry outlives the
-- erasure of what it names, so the log still shows who saw the data before it was erased.
create table access_log (
    id              bigserial primary key,
    at              timestamptz not null,
    user_id         text not null,
    role            text not null,
    action          text not null,
    conversation_id bigint,
    contact_id      bigint,
    -- what else names the object: an attachment id, a pool, an export's time range (never content)
    target          text
);
create index access_log_at on access_log (at);
create index access_log_user on access_log (user_id, at);
create index access_log_contact on access_log (contact_id, at);
