-- R15: the link pages' request windows, shared by every hub instance (io.carehub.legitimation.AttemptLimiter): one
-- row per limited key, stored as its keyed hash (a client address is personal data), deleted once its window ended.
create table page_attempt (
    key_hash           bytea       primary key,
    window_started_at  timestamptz not null,
    requests           integer     not null
);
create index page_attempt_window on page_attempt (window_started_at);
