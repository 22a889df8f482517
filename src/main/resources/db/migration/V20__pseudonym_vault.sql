-- R24/R26: pseudonym vault. Token -> value per dialog session, values encrypted at rest (AES256-GCM),
-- shared by all hub instances, deleted at session end and never older than 24 h.

create table pseudonym_session (
    session_id  text        primary key,
    created_at  timestamptz not null,
    expires_at  timestamptz not null              -- created_at + carehub.privacy.session-ttl (<= 24 h), never extended
);
create index pseudonym_session_expires on pseudonym_session (expires_at);

create table pseudonym (
    session_id     text        not null references pseudonym_session (session_id) on delete cascade,
    token          text        not null,          -- <PERSON_1>
    entity_type    text        not null,
    seq            integer     not null,
    canonical_mac  bytea       not null,          -- HMAC-SHA256 of the canonical value: same value -> same token
    value_enc      bytea       not null,          -- AEAD ciphertext of the value as first written
    canonical_enc  bytea       not null,          -- AEAD ciphertext of the canonical value (fuzzy matching)
    created_at     timestamptz not null,
    primary key (session_id, token),
    unique (session_id, entity_type, seq),
    unique (session_id, canonical_mac)
);
