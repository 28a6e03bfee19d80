-- Every index of a table is written again when a row is stored, and those on the state again at each change of
-- state: a message changes state twice (claimed, sent), and its lease is renewed every few seconds meanwhile.
-- These two repeat an index that stays: delivery_claim begins with the state, which is all that finding the
-- leases that ran out needs (a few hundred rows are being sent at any time), and recipient_by_bulletin_contact
-- begins with the bulletin.
drop index delivery_lease;
drop index recipient_by_bulletin;
