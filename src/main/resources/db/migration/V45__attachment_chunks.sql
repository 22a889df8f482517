-- R6/R19: an attachment's bytes, encrypted with its contact's key (streaming AEAD, associated data
-- 'attachment:<id>'), as numbered ciphertext chunks of 256 KiB, written and read one chunk at a time.
-- Rows rather than one bytea per attachment: pgjdbc reads a bytea value whole, so a 100 MB column cannot stream on
-- read. Rows rather than large objects: a large object outlives its row (every deletion would need lo_unlink),
-- while these go with their attachment through the cascade (retention, erasure), found by the primary key.
create table attachment_chunk (
    attachment_id  bigint   not null references attachment (id) on delete cascade,
    seq            integer  not null,                -- 0, 1, ...: the chunks' order in the ciphertext
    bytes          bytea    not null,
    primary key (attachment_id, seq)
);
-- ciphertext does not compress: kept out of line without trying
alter table attachment_chunk alter column bytes set storage external;
