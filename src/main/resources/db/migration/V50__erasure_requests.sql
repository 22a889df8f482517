-- R33/R49: erasure requests from four sources (declined notice, withdrawal or opt-out in the chat, the privacy
-- officer), carried out step by step by the erasure executor; each step commits with its audit rows (R35), so a
-- crash resumes at the step after the last committed one.

-- the request outlives its contact: its status and due date stay visible after the contact is gone
alter table erasure_request drop constraint erasure_request_contact_id_fkey;
alter table erasure_request drop constraint erasure_request_contact_id_reason_status_key;
alter table erasure_request drop constraint erasure_request_status_check;
alter table erasure_request
    add constraint erasure_request_status_check check (status in ('PENDING', 'ARCHIVE_HOLD', 'DONE', 'CANCELLED')),
    -- R49: Art. 6(1)(a) consent or Art. 6(1)(b) contract (a legitimated customer), decided when the executor starts
    add column legal_basis   text check (legal_basis in ('CONSENT', 'CONTRACT')),
    add column step          text not null default 'REQUESTED'
        check (step in ('REQUESTED', 'DECIDED', 'TRANSCRIPTS_KEPT', 'HISTORY_DELETED', 'CONTACT_DELETED')),
    -- a customer's §257 HGB records are kept until then; the contact and its key go after it (R31)
    add column hold_until    timestamptz,
    add column completed_at  timestamptz,
    -- who asked: 'customer' or the privacy officer's user id (never the customer's identifiers)
    add column requested_by  text;
-- one open request per contact; a second source joins it
create unique index erasure_request_open on erasure_request (contact_id) where status in ('PENDING', 'ARCHIVE_HOLD');
create index erasure_request_due on erasure_request (due_by) where status = 'PENDING';

-- R49: a withdrawal is an answer to the notice too
alter table consent_record drop constraint consent_record_decision_check;
alter table consent_record add constraint consent_record_decision_check
    check (decision in ('ACCEPTED', 'DECLINED', 'WITHDRAWN'));
alter table conversation drop constraint conversation_consent_state_check;
alter table conversation add constraint conversation_consent_state_check
    check (consent_state in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'));

-- R33: what remains of an erased contact's chats: anonymized lines with no link to a contact or conversation
-- (conversation_ref is a random id per erased conversation, times are cut to the day)
create table anonymized_transcript (
    id                bigserial primary key,
    conversation_ref  uuid        not null,
    seq               integer     not null,
    direction         text        not null,
    type              text        not null,
    day               date,
    text              text,
    kept_at           timestamptz not null
);
create index anonymized_transcript_conversation on anonymized_transcript (conversation_ref, seq);

-- requests filed before this version had no due date: a week from the request (5 working days and a weekend)
update erasure_request set due_by = requested_at + interval '7 days' where due_by is null;
