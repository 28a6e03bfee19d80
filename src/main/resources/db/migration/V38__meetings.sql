-- A crisis team's phone meeting: a Twilio conference that those invited are called into, and that anyone
-- with the PIN can dial in to for 24 hours. Only a salted hash of the PIN is kept.
create sequence meeting_seq start with 1 increment by 50;
create table meeting (
    id               bigint        primary key,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(100)  not null,
    drill            boolean       not null,
    chosen           varchar(1000) not null,
    pin_salt         varchar(64)   not null,
    pin_hash         varchar(64)   not null,
    pin_valid_until  timestamp(6) with time zone not null,
    conference_sid   varchar(64),
    ended_at         timestamp(6) with time zone
);
create index meeting_running on meeting (ended_at, pin_valid_until);

-- Everyone invited or dialled in, with where their call stands. A dial-in from an unknown number has no contact.
create sequence meeting_person_seq start with 1 increment by 50;
create table meeting_person (
    id          bigint       primary key,
    meeting_id  bigint       not null references meeting (id),
    contact_id  varchar(100),
    name        varchar(200) not null,
    phone       varchar(40),
    state       varchar(20)  not null,
    call_sid    varchar(64),
    changed_at  timestamp(6) with time zone not null
);
create index meeting_person_meeting on meeting_person (meeting_id);
create index meeting_person_call on meeting_person (call_sid);

-- A leader's MÖTE by SMS waits for its code in the same table as SKICKA: a meeting is called instead of a bulletin sent.
alter table sms_command add column meeting boolean default false not null;
