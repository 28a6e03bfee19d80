-- A provider's report may change only a message that provider took: a report on 46elks' webhook
-- (guarded by a secret in its address only) must never change a message sent through Twilio, nor the
-- reverse. Each delivery therefore names its provider (calls too, which only Twilio makes), and a report
-- kept until its message is known remembers which provider's webhook it came by.

-- Calls, and SMS sent before the second provider existed, did not name theirs: Twilio's ids begin with
-- SM/MM (messages) or CA (calls); the dry run's with dry-run-.
update delivery set provider = 'dry-run'
    where provider is null and channel in ('SMS', 'VOICE') and provider_id like 'dry-run-%';
update delivery set provider = 'twilio'
    where provider is null and channel in ('SMS', 'VOICE') and provider_id is not null;

-- The same id from two providers is two reports. A new table rather than a changed key: the same
-- statements on H2 and PostgreSQL. Reports already waiting keep the provider their id's shape names
-- (46elks' ids begin with a lower-case s).
create table early_status_by_provider (
    provider     varchar(20)  not null,
    provider_id  varchar(64)  not null,
    status       varchar(20)  not null,
    error_code   varchar(20),
    received_at  timestamp(6) with time zone not null,
    primary key (provider_id, provider, status)
);
insert into early_status_by_provider (provider, provider_id, status, error_code, received_at)
    select case when provider_id like 's%' then '46elks' else 'twilio' end, provider_id, status, error_code, received_at
    from early_status;
drop table early_status;
alter table early_status_by_provider rename to early_status;
