-- R16: one-time secure upload links. Only the SHA-256 of a link's token is stored (the token itself is 256 random bits,
-- sent to the customer in a WhatsApp text); a link is bound to its conversation and that conversation's contact and
-- goes with them (erasure, purge). used_at is set once, in the transaction that stores the upload.
create table upload_link (
    id               bigserial   primary key,
    token_hash       bytea       not null unique,
    conversation_id  bigint      not null references conversation (id) on delete cascade,
    contact_id       bigint      not null references contact (id) on delete cascade,
    offered_by       text        not null,            -- agent id, bot:<intent> or system (R51 hint)
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    used_at          timestamptz,
    message_id       bigint      references message (id) on delete set null  -- the upload, once used
);
create index upload_link_conversation on upload_link (conversation_id);
create index upload_link_contact on upload_link (contact_id);
