-- A leader's own mobile: SMS commands are obeyed only from it, so no two users may share one.
alter table outband_user add column mobile varchar(20);
create unique index outband_user_by_mobile on outband_user (mobile);
