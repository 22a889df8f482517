-- R50: one row per access-request export: who exported which contact, when, and how far it got (the progress a
-- privacy officer polls while a large contact streams). No personal data: the contact by id, the user by id.
create table access_export (
    id                      uuid        primary key,
    contact_id              bigint      references contact (id) on delete set null,  -- an erased contact's exports stay
    user_id                 text        not null,
    role                    text        not null,
    state                   text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    messages_total          bigint      not null,
    messages_done           bigint      not null default 0,
    rows_done               bigint      not null default 0,      -- every exported row, of every table
    attachment_bytes_total  bigint      not null,
    attachment_bytes_done   bigint      not null default 0,
    archive_bytes           bigint      not null default 0,      -- bytes of the zip written to the response
    started_at              timestamptz not null,
    updated_at              timestamptz not null,
    finished_at             timestamptz
);
create index access_export_contact on access_export (contact_id, started_at);
