-- A bulletin reaches each contact once, and its first deliveries are queued by joining on this.
create unique index recipient_by_bulletin_contact on recipient (bulletin_id, contact_id);

-- Claiming the next deliveries reads them in this order and stops after a batch: 20,000 queued rows
-- with the same due time no longer have to be read and sorted for every batch.
create index delivery_claim on delivery (state, channel, next_attempt_at, id);
drop index delivery_due;

-- A big bulletin stores its first recipients at once and these, one per line, a chunk at a time
-- while the first messages are already being sent; null once every recipient is stored.
alter table bulletin add column pending_contacts varchar;
