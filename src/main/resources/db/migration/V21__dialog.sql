-- R23-R27: chatbot dialogs. A conversation talks to a dialog platform ('BOT') until the customer consents
-- to a hand-off ('HANDOFF_OFFERED' asks), the bot closes, or the dialog expires; then it goes to agents.
alter table conversation drop constraint conversation_routing_state_check;
alter table conversation add constraint conversation_routing_state_check
    check (routing_state in ('NEW', 'BOT', 'AWAITING_MENU', 'WAITING', 'CLAIMED', 'CLOSED'));
-- R27: the bot's note for the agent (re-identified), handed over with the conversation
alter table conversation add column bot_summary text;

-- one row per dialog; no personal data (the id is random, it also names the pseudonym-vault session)
create table dialog (
    id                   uuid        primary key,
    conversation_id      bigint      not null references conversation (id) on delete cascade,
    platform             text        not null,              -- watsonx, lex, local
    platform_session_id  text,                              -- opened on the first turn
    state                text        not null check (state in ('ACTIVE', 'HANDOFF_OFFERED', 'ENDED')),
    handoff_reason       text,                              -- PLATFORM, KEYWORD, UNAVAILABLE while offered
    started_at           timestamptz not null,
    last_activity_at     timestamptz not null,
    turns                integer     not null default 0,
    ended_at             timestamptz,
    end_reason           text                               -- HANDOFF, CLOSED_BY_BOT, IDLE, MAX_AGE, CONVERSATION_CLOSED
);
create unique index dialog_open_per_conversation on dialog (conversation_id) where state <> 'ENDED';
create index dialog_open_activity on dialog (last_activity_at) where state <> 'ENDED';

-- R26: the pseudonymized dialog log (what the platform saw and answered), deleted at dialog end
create table dialog_log (
    id                 bigserial   primary key,
    dialog_id          uuid        not null references dialog (id) on delete cascade,
    message_id         bigint,                              -- the customer's documented message (inbound turns)
    direction          text        not null check (direction in ('TO_PLATFORM', 'FROM_PLATFORM')),
    text_pseudonymized text        not null,
    logged_at          timestamptz not null
);
-- a redelivered customer message is never sent to the platform twice
create unique index dialog_log_once on dialog_log (dialog_id, message_id) where message_id is not null;

-- R35: every deletion is audited: what kind, how many, when, why; never the content
create table deletion_audit (
    id          bigserial   primary key,
    kind        text        not null,                      -- dialog-log, pseudonym-keys, platform-session, ...
    item_count  integer     not null,
    reason      text        not null,
    reference   text,                                      -- e.g. the dialog id; never personal data
    deleted_at  timestamptz not null
);
create index deletion_audit_time on deletion_audit (deleted_at);
