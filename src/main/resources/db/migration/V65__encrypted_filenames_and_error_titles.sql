-- R19: the two personal columns left in clear are encrypted with the contact's data key like the others: an
-- attachment's file name (the customer names the file) and Meta's error title of a failed outbound message.
-- The clear values are kept as *_plain until migration 66 (Java, documentation.EncryptFilenamesAndErrorTitles, run
-- by the hub) has encrypted them; migration 67 drops them.
alter table attachment rename column filename to filename_plain;
alter table attachment add column filename bytea;          -- AEAD(contact's key, name), associated 'attachment.filename'
alter table message rename column error_title to error_title_plain;
alter table message add column error_title bytea;          -- AEAD(contact's key, title), associated 'message.error_title'
