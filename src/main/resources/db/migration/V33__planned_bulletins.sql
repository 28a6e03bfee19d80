-- A bulletin planned for a later time: the leader's request is stored as it was accepted and sent when
-- due by whichever instance first claims it. The claim is an update of the row from PLANNED, in the
-- transaction that stores the bulletin: another instance's update waits for the row and then finds it
-- no longer PLANNED, and a crash before the commit leaves it PLANNED for the next run (exactly once).
create sequence planned_bulletin_seq start with 1 increment by 50;
create table planned_bulletin (
    id           bigint        primary key,
    send_at      timestamp(6) with time zone not null,
    state        varchar(12)   not null,
    request      varchar       not null,
    text         varchar(1600) not null,
    drill        boolean       not null,
    recipients   integer       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(100)  not null,
    bulletin_id  bigint        references bulletin (id),
    sent_by      varchar(100),
    problem      varchar(1000)
);
create index planned_bulletin_due on planned_bulletin (state, send_at);
create index planned_bulletin_by_bulletin on planned_bulletin (bulletin_id);
