-- A bulletin is stored with one recipient row per person and one delivery row per person and
-- channel before any provider is called (the outbox): nothing accepted is lost.
create sequence bulletin_seq start with 1 increment by 50;
create table bulletin (
    id               bigint        primary key,
    text             varchar(1600) not null,
    message          varchar(2000) not null,
    channels         varchar(20)   not null,
    drill            boolean       not null,
    reply_options    varchar(200),
    audience         varchar(4000) not null,
    recipient_count  integer       not null,
    sms_segments     integer       not null,
    encoding         varchar(10)   not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(100)  not null
);

create sequence recipient_seq start with 1 increment by 500;
create table recipient (
    id          bigint       primary key,
    bulletin_id bigint       not null references bulletin (id),
    contact_id  varchar(64)  not null,
    name        varchar(200) not null,
    mobile      varchar(20),
    email       varchar(254)
);
create index recipient_by_bulletin on recipient (bulletin_id);
create index recipient_by_mobile on recipient (mobile);

create sequence delivery_seq start with 1 increment by 500;
create table delivery (
    id               bigint        primary key,
    bulletin_id      bigint        not null references bulletin (id),
    recipient_id     bigint        not null references recipient (id),
    channel          varchar(10)   not null,
    address          varchar(254)  not null,
    state            varchar(12)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp(6) with time zone not null,
    provider_id      varchar(200),
    error_code       varchar(20),
    last_error       varchar(1000),
    fallback_of      bigint,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    reached_at       timestamp(6) with time zone
);
create index delivery_due on delivery (state, next_attempt_at);
create index delivery_by_bulletin on delivery (bulletin_id, state);
create index delivery_by_provider_id on delivery (provider_id);

create sequence reply_seq start with 1 increment by 50;
create table reply (
    id           bigint        primary key,
    bulletin_id  bigint        not null references bulletin (id),
    recipient_id bigint        not null references recipient (id),
    contact_id   varchar(64)   not null,
    name         varchar(200)  not null,
    from_number  varchar(20)   not null,
    body         varchar(1600) not null,
    answer       varchar(20),
    received_at  timestamp(6) with time zone not null,
    message_sid  varchar(64)   not null unique
);
create index reply_by_bulletin on reply (bulletin_id);
