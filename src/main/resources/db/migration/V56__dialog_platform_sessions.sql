-- R26: every platform session a dialog opened. A dialog that falls back from one platform to another (R23) has a
-- session on each; dialog end deletes all of them, not only the one the dialog talked to last.
create table dialog_platform_session (
    dialog_id            uuid        not null references dialog (id) on delete cascade,
    platform             text        not null,
    platform_session_id  text        not null,
    opened_at            timestamptz not null,
    primary key (dialog_id, platform, platform_session_id)
);
