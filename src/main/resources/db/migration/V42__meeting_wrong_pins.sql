-- Wrong PINs dialled while a meeting ran: past a limit its PIN opens nothing, so guessing across many calls
-- cannot find it (three wrong end one call, but calls can be many).
alter table meeting add column wrong_pins integer default 0 not null;
