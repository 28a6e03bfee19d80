-- Which SMS provider took (or refused) each message, now that a second one can take over from the first.
alter table delivery add column provider varchar(20);
