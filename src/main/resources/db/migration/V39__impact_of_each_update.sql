-- The worst state of the incident's systems when an update was posted (operational … down), null when the
-- incident named none. A CAP alert's severity is read from it, so each alert published for an update says
-- what was true when it was sent and stays the same on every later render. Updates posted before this
-- column existed have none: their alerts say the severity is unknown.
alter table incident_update add column impact varchar(20);
