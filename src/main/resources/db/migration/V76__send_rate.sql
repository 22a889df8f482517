-- R8: one send rate per business phone number, shared by every hub instance (io.carehub.whatsapp.GraphRateLimiter).
-- next_slot is the earliest time the next Graph API send of the number may happen; an instance takes a few
-- consecutive slots at once (a lease) and moves next_slot past them, so no slot is ever given out twice.
create table send_rate (
    phone_number_id  text        primary key,
    next_slot        timestamptz not null
);
