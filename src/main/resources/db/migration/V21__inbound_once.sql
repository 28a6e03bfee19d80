-- Every SMS a provider hands Outband, by the provider's id, kept a week: a provider that delivers the same
-- message again (a retry, or two deliveries at once) meets the primary key, and the copy is not handled.
create table inbound_message (
    provider     varchar(16)  not null,
    message_id   varchar(64)  not null,
    received_at  timestamp(6) with time zone not null,
    primary key (provider, message_id)
);
create index inbound_message_by_time on inbound_message (received_at);

-- A SKICKA's code is compared at most five times: each code that arrives takes a try first, whether it
-- turns out right or wrong, so codes arriving together cannot all be compared.
alter table sms_command rename column wrong_codes to codes_tried;
