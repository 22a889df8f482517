-- R16/R51: the kinds of sensitive data (IBAN, ID_DOCUMENT) found in an inbound message's text (the text itself stays
-- encrypted in text_body); the history API masks them for everybody but the assigned agent's explicit reveal.
alter table message add column sensitive_data text[];

-- R51: the hint (check the verified business badge, here is a secure upload link) is sent at most once per conversation.
alter table conversation add column sensitive_hint_at timestamptz;
