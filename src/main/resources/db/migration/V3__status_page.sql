-- The systems on the public status page, incidents and their timelines.
create sequence status_service_seq start with 1 increment by 50;
create table status_service (
    id          bigint        primary key,
    name        varchar(200)  not null,
    group_name  varchar(200),
    state       varchar(12)   not null,
    priority    integer       not null,
    note        varchar(2000),
    updated_at  timestamp(6) with time zone not null
);

create sequence incident_seq start with 1 increment by 50;
create table incident (
    id           bigint        primary key,
    title        varchar(300)  not null,
    state        varchar(16)   not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    resolved_at  timestamp(6) with time zone
);

create table incident_service (
    incident_id  bigint not null references incident (id),
    service_id   bigint not null references status_service (id),
    primary key (incident_id, service_id)
);

create sequence incident_update_seq start with 1 increment by 50;
create table incident_update (
    id           bigint        primary key,
    incident_id  bigint        not null references incident (id),
    text         varchar(4000) not null,
    state        varchar(16)   not null,
    created_at   timestamp(6) with time zone not null
);
create index incident_update_by_incident on incident_update (incident_id, created_at);
