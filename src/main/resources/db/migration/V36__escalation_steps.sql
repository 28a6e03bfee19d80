-- A bulletin's escalation: steps that go further when too few have answered a given option in time.
-- Each step is claimed by an update from PENDING in the transaction that does what it says (adds
-- groups, queues reminders, calls and notices): another instance's update waits for the row and then
-- finds it no longer PENDING, and a crash before the commit leaves it PENDING for the next run.
create sequence escalation_step_seq start with 1 increment by 50;
create table escalation_step (
    id                 bigint        primary key,
    bulletin_id        bigint        not null references bulletin (id),
    position           integer       not null,
    after_seconds      bigint        not null,
    due_at             timestamp(6) with time zone not null,
    if_fewer_than      integer       not null,
    answer             varchar(20)   not null,
    add_groups         varchar(4000),
    remind_unanswered  boolean       not null,
    call_unanswered    boolean       not null,
    notify_users       varchar(2000),
    state              varchar(12)   not null,
    answered_then      integer,
    added              integer,
    reminded           integer,
    called             integer,
    notified           integer,
    problem            varchar(1000),
    done_at            timestamp(6) with time zone,
    done_by            varchar(100),
    unique (bulletin_id, position)
);
create index escalation_step_due on escalation_step (state, due_at);
