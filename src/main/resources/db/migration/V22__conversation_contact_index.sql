-- A customer's conversations of every status: sticky routing (R21, the agent who served the customer within
-- stickyDays), the history API by waId and erasure (R33) look them up by contact; the only index on contact_id
-- so far covers open conversations, so these scanned the whole table (3 months of conversations in production).
create index conversation_contact_claimed on conversation (contact_id, claimed_at desc);
