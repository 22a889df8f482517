-- R19: attachment bytes live only encrypted (attachment_chunk). Migration 46 (Java, documentation.
-- AttachmentPlaintextMigration, run by the hub) encrypted what older versions stored in clear; this one refuses to
-- drop clear bytes that were not encrypted (e.g. Flyway run without the hub), so nothing is lost silently.
do $$
begin
    if exists (select 1 from attachment where content is not null) then
        raise exception 'attachment.content still holds clear bytes: run the hub''s migration 46 first';
    end if;
end
$$;
alter table attachment drop column content;
