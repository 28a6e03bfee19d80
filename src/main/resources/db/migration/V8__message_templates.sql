-- Ready texts leaders start from, edited by admins. Details that change (a date, a number) are
-- [placeholders] the check step makes the leader fill in.
create sequence message_template_seq start with 1 increment by 50;
create table message_template (
    id          bigint        primary key,
    name        varchar(100)  not null,
    text        varchar(1600) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100)  not null
);

insert into message_template (id, name, text, updated_at, updated_by) values
    (nextval('message_template_seq'), 'Lön som vanligt',
     'Lön betalas ut som vanligt den [datum], trots att lönesystemet ligger nere. Frågor: ring HR på [telefonnummer].',
     current_timestamp, 'Outband'),
    (nextval('message_template_seq'), 'Arbeta analogt',
     'Kommunens IT-system ligger nere. Arbeta analogt tills vidare: papper och penna, inga egna datorer på nätet. Nästa besked kl [tid].',
     current_timestamp, 'Outband'),
    (nextval('message_template_seq'), 'Samling',
     'Krisledningen samlas i [plats] kl [tid] i dag. Ta med mobil och laddare. Svara om du kan komma.',
     current_timestamp, 'Outband'),
    (nextval('message_template_seq'), 'E-post nere',
     'Kommunens e-post och telefoni ligger nere. Nå kollegor via mobil. Läget: se statussidan.',
     current_timestamp, 'Outband'),
    (nextval('message_template_seq'), 'Åter i drift',
     'Systemen är återställda och du kan arbeta som vanligt igen. Tack för ert tålamod.',
     current_timestamp, 'Outband');
