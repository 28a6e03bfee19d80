-- A form that must take effect once however often it arrives (a second tap on "Skicka"): the token its page
-- carried, and where its first submission led. One row per bulletin sent from the web UI.
create table submitted_form (
    token varchar(43) primary key,
    led_to varchar(200) not null,
    submitted_at timestamp with time zone not null
);
