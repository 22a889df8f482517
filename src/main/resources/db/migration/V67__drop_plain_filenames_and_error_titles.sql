-- R19: the clear file names and error titles go once migration 66 has encrypted them. It refuses to drop values
-- that were not encrypted (e.g. Flyway run without the hub), so nothing is lost silently.
do $$
begin
    if exists (select 1 from attachment where filename_plain is not null)
       or exists (select 1 from message where error_title_plain is not null) then
        raise exception 'attachment.filename_plain or message.error_title_plain still hold clear values: run the hub''s migration 66 first';
    end if;
end
$$;
alter table attachment drop column filename_plain;
alter table message drop column error_title_plain;
