-- Members of the public who asked for an SMS when the status page changes. Never staff contacts and never
-- mixed with them: only the number, the language of the word they used, and dates. Leaving deletes the row.
create sequence sms_subscriber_seq start with 1 increment by 50;
create table sms_subscriber (
    id              bigint       primary key,
    mobile          varchar(20)  not null,
    language        varchar(2)   not null,
    subscribed_at   timestamp(6) with time zone not null,
    last_sent_at    timestamp(6) with time zone,
    constraint sms_subscriber_mobile unique (mobile)
);

-- One row per incident change to tell subscribers, stored in the change's own transaction (a crash loses
-- none) and then fanned out to the outbox in batches: queued_through is the highest subscriber id already
-- queued, moved by a conditional update so that on several instances each batch is queued once.
create sequence subscriber_notice_seq start with 1 increment by 50;
create table subscriber_notice (
    id               bigint       primary key,
    update_id        bigint       not null,
    text_sv          varchar(400) not null,
    text_en          varchar(400) not null,
    created_at       timestamp(6) with time zone not null,
    queued_through   bigint       not null,
    done             boolean      not null,
    constraint subscriber_notice_update unique (update_id)
);
create index subscriber_notice_waiting on subscriber_notice (done, id);
