-- R15: one-time legitimation links. Only the SHA-256 hash of a link's token is stored (the token itself is in the
-- chat message alone); a link is bound to the conversation it was sent in and to that conversation's contact, and
-- is used at most once (used_at is set by one atomic update while it is unused and unexpired).
create table legitimation_link (
    id              bigserial primary key,
    token_hash      bytea       not null unique,
    contact_id      bigint      not null references contact (id) on delete cascade,
    conversation_id bigint      not null references conversation (id) on delete cascade,
    -- the agent id, or bot:<intent>
    requested_by    text        not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz
);

create index legitimation_link_expires on legitimation_link (expires_at);
create index legitimation_link_conversation on legitimation_link (conversation_id);
