-- R33 erasure ledger, in a database of its own (carehub.erasure.ledger.*): the keyed hashes (HMAC-SHA256 under
-- carehub.crypto.lookup-key) of every erased WhatsApp id and BSUID, when and why. Nothing else: no contact id, no
-- plaintext. After a restore of the main database the hub erases again every contact it names that existed then.
create table erasure_ledger (
    lookup_hash  bytea       primary key,
    erased_at    timestamptz not null,
    reason       text        not null
);
