-- Web sessions live on the server, so signing out, a new password, new roles, a reset second factor
-- or a deleted user end them at once. The cookie holds a random id; only its SHA-256 is stored.
create table web_session (
    id_hash       varchar(64)  primary key,
    user_id       bigint       not null references outband_user (id) on delete cascade,
    -- ACTIVE, or SECOND_FACTOR while the password was right and the code is still to come.
    state         varchar(16)  not null,
    created_at    timestamp(6) with time zone not null,
    last_seen_at  timestamp(6) with time zone not null
);
create index web_session_by_user on web_session (user_id);

-- Two-factor sign-in (TOTP, RFC 6238). The pending secret is the one being enrolled.
alter table outband_user add column totp_secret varchar(64);
alter table outband_user add column totp_pending_secret varchar(64);
alter table outband_user add column totp_last_step bigint;

-- One-time recovery codes for a lost phone; only their SHA-256 is stored.
create table recovery_code (
    user_id    bigint       not null references outband_user (id) on delete cascade,
    code_hash  varchar(64)  not null,
    used_at    timestamp(6) with time zone,
    primary key (user_id, code_hash)
);

-- Sign-in failures are throttled per address (in memory) instead of locking the account for everyone.
alter table outband_user drop column failed_logins;
alter table outband_user drop column first_failed_at;
alter table outband_user drop column locked_until;
