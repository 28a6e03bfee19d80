-- Numbers whose subscription ended because the provider reported its confirmation or a notice unreachable (no such
-- number, not a mobile, 46elks' "failed"): a subscribe word from one of them is dropped, with no SMS back, until
-- outband.subscriptions.unreachable-remembered-for has passed since. Only the number and when it was reported.
-- No key on the number: two reports at the same moment each add a row (neither fails the transaction that records
-- the provider's report), and the latest counts.
create table unreachable_number (
    mobile       varchar(20)  not null,
    reported_at  timestamp(6) with time zone not null
);
create index unreachable_number_by_mobile on unreachable_number (mobile);
