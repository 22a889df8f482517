-- R19: the plaintext columns go once V42 has encrypted their rows: nothing readable without a contact's key is left.
alter table contact
    drop column wa_id_plain,
    drop column phone_number_plain,
    drop column user_id_plain,
    drop column parent_user_id_plain,
    drop column username_plain,
    drop column profile_name_plain;
alter table contact add constraint contact_identified check (wa_id_hash is not null or user_id_hash is not null);

alter table message
    drop column text_body_plain,
    drop column details_plain,
    drop column outbound_payload_plain,
    drop column last_error_plain;

alter table conversation drop column bot_summary_plain;

alter table dialog_log drop column text_pseudonymized_plain;
alter table dialog_log alter column text_pseudonymized set not null;

alter table agent_action drop column details_plain;

alter table customer_identity
    drop column salutation_plain,
    drop column name_plain,
    drop column customer_number_plain,
    drop column contract_number_plain;

alter table rejected_update drop column payload_plain;
alter table rejected_update alter column payload set not null;
alter table rejected_update alter column key_month set not null;
