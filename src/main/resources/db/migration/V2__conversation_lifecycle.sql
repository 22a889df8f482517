-- Conversation lifecycle: consent (R14), routing state (R20-R22), outbound (R7-R9), erasure hook (R33).

-- R14: every answer to the privacy notice, with version and time.
create table consent_record (
    id                 bigserial primary key,
    contact_id         bigint      not null references contact (id) on delete cascade,
    notice_version     text        not null,
    decision           text        not null check (decision in ('ACCEPTED', 'DECLINED')),
    contact_after_24h  boolean     not null,          -- acceptance includes contact after 24 h (R9)
    chatbot_processing boolean     not null,          -- acceptance includes the chatbot's processing
    decided_at         timestamptz not null,
    message_wamid      text                           -- the button press that carried the answer
);
create index consent_record_contact on consent_record (contact_id, decided_at desc, id desc);

alter table contact add column notice_sent_at timestamptz;      -- R14: notice repeated at most once per interval

-- R33 hook for the retention work: a declined notice hands the contact to erasure here; nothing is deleted ad hoc.
create table erasure_request (
    id            bigserial primary key,
    contact_id    bigint      not null references contact (id) on delete cascade,
    reason        text        not null,                -- e.g. NOTICE_DECLINED, CUSTOMER_REQUEST
    requested_at  timestamptz not null default now(),
    due_by        timestamptz,                         -- 5 working days (retention work computes and enforces)
    status        text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'CANCELLED')),
    unique (contact_id, reason, status)
);

-- R20-R22: routing state of a conversation.
alter table conversation
    add column consent_state    text not null default 'PENDING' check (consent_state in ('PENDING', 'ACCEPTED', 'DECLINED')),
    add column segment          text check (segment in ('PRIVATE', 'BUSINESS')),
    add column segment_source   text,                  -- LEGITIMATION, BUSINESS_NUMBER_LIST, MENU
    add column topic            text,
    add column pool             text,
    add column priority         integer,
    add column routing_state    text not null default 'NEW'
        check (routing_state in ('NEW', 'AWAITING_MENU', 'WAITING', 'CLAIMED', 'CLOSED')),
    add column queued_at        timestamptz,
    add column assigned_agent   text,
    add column claimed_at       timestamptz,
    add column overflowed       boolean not null default false;
create index conversation_waiting on conversation (pool, queued_at) where routing_state = 'WAITING';

-- Messages held until consent (R14) are released in order.
alter table message add column released_at timestamptz;

-- R7-R9: outbound messages are documented before they are sent; wamid arrives with the Graph API answer.
alter table message
    add column actor             text,              -- agent id, 'system' (notice, auto-replies) or 'bot'
    add column outbound_payload  jsonb,             -- the Graph API request body
    add column send_attempts     integer not null default 0,
    add column last_error        text;

-- R22: every agent action, with the agent id.
create table agent_action (
    id               bigserial primary key,
    conversation_id  bigint      not null references conversation (id) on delete cascade,
    agent_id         text        not null,
    action           text        not null,          -- CLAIM, REPLY, TEMPLATE, TRANSFER, CLOSE
    details          jsonb,
    at               timestamptz not null default now()
);
create index agent_action_conversation on agent_action (conversation_id, at);
