-- Several instances can share one outbox: a delivery being sent is leased by the instance sending
-- it, and only when that lease runs out (its instance died) may another instance send it again.
alter table delivery add column leased_by varchar(64);
alter table delivery add column lease_until timestamp(6) with time zone;
create index delivery_lease on delivery (state, lease_until);
