-- Several instances on one PostgreSQL. PostgreSQL, unlike H2, makes no index for a foreign key: these
-- keep deleting a bulletin's or a system's rows and the joins on them from reading whole tables.
create index delivery_by_recipient on delivery (recipient_id);
create index reply_by_recipient on reply (recipient_id);
create index incident_service_by_service on incident_service (service_id);

-- Work that one instance does for all of them: a periodic job is claimed by updating its row (the
-- update count says who won), a standing job is held by the instance that keeps renewing its row, an
-- exclusive task locks its row for the length of its transaction.
create table shared_job (
    name         varchar(64)  primary key,
    last_run_at  timestamp(6) with time zone,
    last_run_by  varchar(100)
);
insert into shared_job (name) values ('backup'), ('contact-import'), ('first-admin'), ('status-publisher');

-- The status page's version: every change counts it up in its own transaction, every instance renders
-- again when the count is ahead of what it shows, and the one instance holding 'status-publisher'
-- publishes each version once, in order.
create table status_site_version (
    id         integer  primary key,
    version    bigint   not null,
    published  bigint   not null
);
insert into status_site_version (id, version, published) values (1, 1, 0);

-- Rate limits every instance draws from together (Bucket4j's PostgreSQL buckets): a provider's pace.
create table rate_bucket (
    id          bigint  primary key,
    state       bytea,
    expires_at  bigint
);
