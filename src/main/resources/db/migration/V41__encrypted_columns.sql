-- R19: every column that carries content or identity is encrypted with the contact's data key (AES-256-GCM,
-- associated data '<table>.<column>'); identifiers are looked up by their keyed hashes (contact.wa_id_hash,
-- contact.user_id_hash) only. The plaintext columns of an upgraded database are kept as *_plain until V42 has
-- encrypted their rows; V43 drops them. The WhatsApp id is the phone number: its ciphertext is phone_number.

alter table contact drop constraint contact_identified;
alter table contact rename column wa_id to wa_id_plain;
alter table contact rename column phone_number to phone_number_plain;
alter table contact rename column user_id to user_id_plain;
alter table contact rename column parent_user_id to parent_user_id_plain;
alter table contact rename column username to username_plain;
alter table contact rename column profile_name to profile_name_plain;
alter table contact
    add column phone_number   bytea,                  -- the wa_id (E.164 without '+')
    add column user_id        bytea,                  -- BSUID
    add column parent_user_id bytea,
    add column username       bytea,
    add column profile_name   bytea;

alter table message rename column text_body to text_body_plain;
alter table message rename column details to details_plain;
alter table message rename column outbound_payload to outbound_payload_plain;
alter table message rename column last_error to last_error_plain;
alter table message
    add column text_body        bytea,                -- text, caption, button or list title
    add column details          bytea,                -- the type-specific fields as JSON
    add column outbound_payload bytea,                -- the Graph API request body (JSON)
    add column last_error       bytea,                -- Meta's error text may repeat the recipient and the text
    -- R52: what the sender asks about past template sends, kept beside the encrypted payload (no personal data)
    add column template_name    text,
    add column bsuid_recipient  boolean;
update message set template_name = outbound_payload_plain -> 'template' ->> 'name',
                   bsuid_recipient = outbound_payload_plain ->> 'recipient' is not null
 where outbound_payload_plain is not null;
create index message_template_refused on message (template_name) where error_code = 131062;

alter table conversation rename column bot_summary to bot_summary_plain;
alter table conversation add column bot_summary bytea;

alter table dialog_log rename column text_pseudonymized to text_pseudonymized_plain;
alter table dialog_log alter column text_pseudonymized_plain drop not null;
alter table dialog_log add column text_pseudonymized bytea;

alter table agent_action rename column details to details_plain;
alter table agent_action add column details bytea;

alter table customer_identity rename column salutation to salutation_plain;
alter table customer_identity rename column name to name_plain;
alter table customer_identity rename column customer_number to customer_number_plain;
alter table customer_identity rename column contract_number to contract_number_plain;
alter table customer_identity
    add column salutation      bytea,
    add column name            bytea,
    add column customer_number bytea,
    add column contract_number bytea;

-- Data of no contact (a rejected webhook update) is encrypted with the data key of the month it arrived in, wrapped
-- by the KEK like a contact's; a month's key is destroyed after its retention (route unattributed-key-expiry).
create table unattributed_key (
    month        date        primary key,             -- first day (UTC) of the month whose data it encrypts
    kek_id       bigint      not null,
    wrapped_key  bytea       not null,                -- AEAD(KEK, DEK), associated data: the month
    created_at   timestamptz not null
);
alter table rejected_update rename column payload to payload_plain;
alter table rejected_update alter column payload_plain drop not null;
alter table rejected_update
    add column payload   bytea,                       -- AEAD(month's key, the update as received)
    add column key_month date;                        -- the month whose key encrypts payload
