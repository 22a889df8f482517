-- R17: contact documentation. Never call data, SMS or other apps' content.

create table contact (
    id            bigserial primary key,
    wa_id         text        not null unique,        -- WhatsApp id of the customer
    phone_number  text,                               -- E.164 without '+', as WhatsApp reports it
    profile_name  text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- Conversation = the thread with one customer on one business number.
create table conversation (
    id                        bigserial primary key,
    contact_id                bigint      not null references contact (id) on delete cascade,
    business_phone_number_id  text        not null,
    status                    text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    opened_at                 timestamptz not null default now(),
    last_inbound_at           timestamptz,
    window_expires_at         timestamptz,          -- R9: last inbound + 24 h
    closed_at                 timestamptz
);
create unique index conversation_one_open_per_contact
    on conversation (contact_id, business_phone_number_id) where status = 'OPEN';

create table message (
    id                   bigserial primary key,
    wamid                text unique,               -- R5: de-duplication key
    conversation_id      bigint      not null references conversation (id) on delete cascade,
    direction            text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    type                 text        not null,      -- text, image, ..., unsupported
    raw_type             text,                      -- the type string WhatsApp sent
    text_body            text,                      -- text body, interactive/button title, caption
    details              jsonb,                     -- type-specific fields (location, reaction, contacts, ...)
    context_wamid        text,                      -- message this one replies/reacts to
    sent_at              timestamptz,               -- WhatsApp's timestamp
    documented_at        timestamptz not null default now(),
    delivery_state       text,                      -- R4: sent, delivered, read, failed (outbound)
    delivery_updated_at  timestamptz,
    error_code           integer,
    error_title          text
);
create index message_conversation_sent on message (conversation_id, sent_at desc, id desc);

-- R4: statuses may arrive out of order; a later state never goes back to an earlier one.
create function delivery_rank(state text) returns integer
    language sql immutable as
$$ select case state when 'accepted' then 1 when 'sent' then 2 when 'delivered' then 3
                     when 'read' then 4 when 'failed' then 5 else 0 end $$;

-- R4/R5: every status once per (status id, status).
create table message_status (
    id              bigserial primary key,
    wamid           text        not null,
    status          text        not null,
    status_at       timestamptz,
    errors          jsonb,
    documented_at   timestamptz not null default now(),
    unique (wamid, status)
);

-- R40: billing metadata from status webhooks.
create table billing_record (
    id                bigserial primary key,
    wamid             text        not null,
    status            text        not null,
    conversation_ref  text,                         -- WhatsApp conversation id
    origin_type       text,
    expires_at        timestamptz,
    billable          boolean,
    pricing_model     text,
    category          text,
    pricing_type      text,
    status_at         timestamptz,
    unique (wamid, status)
);

-- R6: media attachments; bytes kept in the database (limit: carehub.media.max-bytes).
create table attachment (
    id            bigserial primary key,
    message_id    bigint      not null references message (id) on delete cascade,
    media_id      text        not null,
    mime_type     text,
    filename      text,
    sha256        text,                             -- as announced by WhatsApp (base64)
    size_bytes    bigint,
    content       bytea,
    state         text        not null default 'PENDING' check (state in ('PENDING', 'STORED', 'FAILED')),
    attempts      integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error    text,
    created_at    timestamptz not null default now(),
    stored_at     timestamptz,
    unique (message_id, media_id)
);
create index attachment_due on attachment (next_attempt_at) where state = 'PENDING';

-- Signed but unusable webhook payloads: acknowledged to Meta, never silently dropped.
create table rejected_update (
    id              bigserial primary key,
    received_at     timestamptz not null,
    reason          text        not null,
    payload         bytea       not null,
    payload_sha256  text        not null,
    documented_at   timestamptz not null default now(),
    unique (payload_sha256, reason)
);
