-- Optional English versions of what leaders write on the status page. Without one, the English pages show
-- the Swedish text, marked as Swedish so screen readers read it with a Swedish voice (WCAG 3.1.2).
alter table status_service add column name_en varchar(200);
alter table status_service add column note_en varchar(2000);
alter table incident add column title_en varchar(300);
alter table incident_update add column text_en varchar(4000);
