-- A delivery that belongs to no bulletin carries its own text: an answer to a leader's SMS command,
-- a person's own link. It goes through the outbox like a bulletin's (retried, failed over, survives
-- a restart), but has no recipient row and no fallback.
alter table delivery alter column bulletin_id drop not null;
alter table delivery alter column recipient_id drop not null;
alter table delivery add column body varchar(1600);
