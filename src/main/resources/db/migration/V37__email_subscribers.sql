-- Members of the public who asked for an email when the status page changes (a form on the static page).
-- Only the address, its language and dates are kept. The confirmation link's token is stored only as its
-- SHA-256 hash; an address that never confirms is deleted once its link has expired (48 hours).
-- confirmations_on / confirmations_sent count the confirmation mails sent to the address that day (at most 3).
-- The unsubscribe token is kept as it is, since every mail must carry it: it can end this subscription, nothing else.
create sequence email_subscriber_seq start with 1 increment by 50;
create table email_subscriber (
    id                  bigint       primary key,
    email               varchar(254) not null,
    language            varchar(2)   not null,
    confirm_hash        varchar(64),
    confirm_until       timestamp(6) with time zone,
    confirmations_on    date         not null,
    confirmations_sent  integer      not null,
    unsubscribe_token   varchar(43)  not null,
    created_at          timestamp(6) with time zone not null,
    confirmed_at        timestamp(6) with time zone,
    last_sent_at        timestamp(6) with time zone,
    constraint email_subscriber_email unique (email),
    constraint email_subscriber_unsubscribe unique (unsubscribe_token)
);
create index email_subscriber_confirmed on email_subscriber (confirmed_at, id);

-- The notice as an email, whole (the SMS text is cut to one part), and how far its mails are queued, moved
-- like queued_through by a conditional update so that on several instances each batch is queued once.
alter table subscriber_notice add column mail_sv varchar(4600);
alter table subscriber_notice add column mail_en varchar(4600);
alter table subscriber_notice add column mail_queued_through bigint default 0 not null;
alter table subscriber_notice add column mail_done boolean default true not null;

-- Where the recipient of a message of its own ends their subscription with one click (RFC 8058); cleared once sent.
alter table delivery add column unsubscribe_url varchar(300);
-- A notice mailed whole: its title and up to 4,000 characters of text.
alter table delivery alter column body set data type varchar(4600);

-- When a notice's SMS, and its mails, were all queued: the next notice waits until outband.subscriptions.least-between
-- has passed since, so no subscriber gets two messages closer than that; notices that arrive meanwhile are merged
-- into the newest (they are marked done without a time).
alter table subscriber_notice add column sms_done_at timestamp(6) with time zone;
alter table subscriber_notice add column mail_done_at timestamp(6) with time zone;
