-- Staff contacts, keyed by the organisation's own id so that re-imports match people.
create table contact (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    mobile      varchar(20),
    email       varchar(254),
    language    varchar(2)   not null,
    title       varchar(200),
    unit        varchar(200),
    updated_at  timestamp(6) with time zone not null
);

create table contact_group (
    contact_id  varchar(64)  not null references contact (id) on delete cascade,
    group_name  varchar(100) not null,
    primary key (contact_id, group_name)
);
create index contact_group_by_name on contact_group (group_name);

create sequence outband_user_seq start with 1 increment by 50;
create table outband_user (
    id              bigint       primary key,
    username        varchar(64)  not null unique,
    password_hash   varchar(100) not null,
    roles           varchar(100) not null,
    failed_logins   integer      not null default 0,
    first_failed_at timestamp(6) with time zone,
    locked_until    timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null
);

create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id          bigint       primary key,
    name        varchar(100) not null,
    token_hash  varchar(64)  not null unique,
    roles       varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    revoked_at  timestamp(6) with time zone
);

-- Append-only: Outband never updates or deletes these rows.
create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id       bigint        primary key,
    at       timestamp(6) with time zone not null,
    actor    varchar(100)  not null,
    action   varchar(64)   not null,
    details  varchar(4000)
);
