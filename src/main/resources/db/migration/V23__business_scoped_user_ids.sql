-- R52: a contact is identified by its business-scoped user ID (BSUID, Meta's `user_id`) when Meta sends one and
-- by its phone number (`wa_id`) otherwise; both are stored and linked on one row when they appear together.
alter table contact alter column wa_id drop not null;
alter table contact add column user_id text unique;          -- BSUID, e.g. DE.1502576394655843
alter table contact add column parent_user_id text;          -- parent BSUID, where Meta enables them
alter table contact add column username text;                -- display data only, never an identifier
alter table contact add constraint contact_identified check (wa_id is not null or user_id is not null);

