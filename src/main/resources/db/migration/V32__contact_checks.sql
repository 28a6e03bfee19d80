-- Contact checks: staff confirm or correct their own details through a personal link, before the crisis.
create sequence contact_check_seq start with 1 increment by 50;
create table contact_check (
    id          bigint        primary key,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100)  not null,
    -- The link works until the end of this day (Swedish time).
    deadline    date          not null,
    valid_until timestamp(6) with time zone not null,
    chosen      varchar(4000) not null,
    reminded_at timestamp(6) with time zone
);

-- One person asked in one check. Only a hash of the person's link is stored: a copy of the database opens nobody's page.
-- Erasing a contact erases what they answered too.
create sequence checked_person_seq start with 1 increment by 500;
create table checked_person (
    id             bigint       primary key,
    check_id       bigint       not null references contact_check (id) on delete cascade,
    contact_id     varchar(64)  not null references contact (id) on delete cascade,
    token_hash     varchar(64)  not null unique,
    -- SENT, CONFIRMED, CHANGED, or UNREACHABLE (no mobile and no email: no link could be sent).
    state          varchar(12)  not null,
    channel        varchar(8),
    -- The message that carried the link (the outbox's row): a link whose message failed did not reach the person.
    delivery_id    bigint,
    answered_at    timestamp(6) with time zone,
    -- A new mobile waits here until the code sent to it comes back.
    pending_mobile varchar(20),
    code_hash      varchar(64),
    code_until     timestamp(6) with time zone,
    -- Every code entered takes a try first, so codes sent at once cannot all be compared.
    codes_tried    integer      not null default 0,
    -- Codes sent to new numbers: the form must not become a way to send SMS to anyone, without end.
    codes_sent     integer      not null default 0,
    -- Five wrong codes end the link: the person asks HR instead.
    ended          boolean      default false not null,
    pending_email  varchar(254),
    email_code_hash varchar(64),
    unique (check_id, contact_id)
);
create index checked_person_by_contact on checked_person (contact_id);

-- What a person changed, old and new, for HR to carry back into the HR system.
create sequence check_change_seq start with 1 increment by 50;
create table check_change (
    id          bigint       primary key,
    person_id   bigint       not null references checked_person (id) on delete cascade,
    field       varchar(16)  not null,
    old_value   varchar(254),
    new_value   varchar(254),
    changed_at  timestamp(6) with time zone not null
);
create index check_change_by_person on check_change (person_id);

-- A value a person set themself, and what the contact held before (what the HR system still has). An import
-- that brings that old value again keeps the person's; one that brings anything else wins, and the row goes.
create table own_value (
    contact_id  varchar(64)  not null references contact (id) on delete cascade,
    field       varchar(16)  not null,
    hr_value    varchar(254),
    own_value   varchar(254),
    set_at      timestamp(6) with time zone not null,
    primary key (contact_id, field)
);
