-- A provider's status report can arrive before Outband has stored the provider's answer to the
-- send (Twilio reports "undelivered" while the create call is still returning). Such reports wait
-- here and are applied as soon as the message id is known.
create table early_status (
    provider_id  varchar(64)  not null,
    status       varchar(20)  not null,
    error_code   varchar(20),
    received_at  timestamp(6) with time zone not null,
    primary key (provider_id, status)
);

-- One email fallback per failed SMS, whatever reports arrive at the same time.
create unique index delivery_one_fallback on delivery (fallback_of);
