-- R19: envelope encryption at rest. Every contact has one random data key (DEK); only its wrapped form is stored,
-- encrypted with the key-encryption key (KEK) from the secret store. Erasing a contact deletes this row: whatever
-- was encrypted with the key can no longer be read (crypto-shredding).
create table contact_key (
    contact_id   bigint      primary key references contact (id) on delete cascade,
    kek_id       bigint      not null,                -- Tink key id of the KEK that wrapped it (rotation, R19)
    wrapped_key  bytea       not null,                -- AEAD(KEK, DEK), associated data: the contact id
    created_at   timestamptz not null
);
create index contact_key_kek on contact_key (kek_id);

-- R19: lookups by keyed hash (HMAC-SHA256 under carehub.crypto.lookup-key), never by plaintext identifier.
alter table contact add column wa_id_hash bytea unique;
alter table contact add column user_id_hash bytea unique;

-- R31/R36: contract-relevant conversations of legitimated customers move to an archive class, exempt from the
-- 3-month purge and deleted at the end of their own period (kept here so retention and erasure share one shape).
alter table conversation
    add column archive_class          text check (archive_class in ('COMMERCIAL_LETTER', 'ACCOUNTING_RECORD')),
    add column contract_relevant_at   timestamptz,
    add column contract_relevant_by   text,           -- agent id or 'bot:<intent>'
    add column archived_until         timestamptz;
create index conversation_archived_until on conversation (archived_until) where archived_until is not null;
