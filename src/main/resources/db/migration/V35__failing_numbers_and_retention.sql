-- A mobile number whose last SMS failed for good or was reported undelivered (no such number, not a mobile,
-- unreachable): HR sees it on the contacts page and the next contact check reaches the person by email. Kept
-- by number, not by person: it is the number that does not work, whoever has it, and a contact given a new
-- number is no longer marked. No key on the number: two failures reported at the same moment each add a row
-- (neither fails its transaction), and the latest counts.
create table failing_number (
    mobile      varchar(20)  not null,
    error_code  varchar(20),
    failed_at   timestamp(6) with time zone not null
);
create index failing_number_by_mobile on failing_number (mobile);

-- Deleting delivery and reply rows past their retention is done by one instance a day.
insert into shared_job (name) values ('delivery-retention');
