-- In dry-run mode a leader can answer for a recipient to exercise a drill's reply loop; such
-- replies stay marked so they are never mistaken for real answers.
alter table reply add column simulated boolean default false not null;
