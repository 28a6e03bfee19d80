-- A leader's SKICKA waiting for its confirmation code: nothing is sent until the code comes back.
create sequence sms_command_seq start with 1 increment by 50;
create table sms_command (
    id           bigint        primary key,
    username     varchar(64)   not null,
    from_number  varchar(20)   not null,
    groups       varchar(1000) not null,
    text         varchar(1600) not null,
    code_hash    varchar(64)   not null,
    wrong_codes  integer       not null,
    state        varchar(12)   not null,
    created_at   timestamp(6) with time zone not null,
    bulletin_id  bigint
);
create index sms_command_by_number on sms_command (from_number, state);
