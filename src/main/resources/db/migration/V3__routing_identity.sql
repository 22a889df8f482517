-- R15/R17: customer identity after legitimation (filled by the legitimation flow); R20 reads the segment from it.
create table customer_identity (
    contact_id       bigint primary key references contact (id) on delete cascade,
    segment          text        not null check (segment in ('PRIVATE', 'BUSINESS')),
    salutation       text,
    name             text,
    customer_number  text,
    contract_number  text,
    legitimated_at   timestamptz not null default now()
);

-- R21: sticky routing suggests the agent who last served the customer; out-of-hours reply sent once.
alter table conversation
    add column preferred_agent      text,
    add column out_of_hours_sent_at timestamptz,
    add column menu_sent_at         timestamptz;
