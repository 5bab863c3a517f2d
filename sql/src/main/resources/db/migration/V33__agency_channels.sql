-- Where each agency accepts requests (issue #24): an e-mail address, a portal, a postal address,
-- as data its public page shows, one of each kind. Public Officers Law §89(3)(b) has every New
-- York agency with reasonable means accept requests by e-mail, so the e-mail channel is the one
-- the page names that law for. These are where a requester may file; agencies.foil_email stays
-- where Daylight itself sends letters.
--
-- Seeded from what the registry already holds (the FOIL e-mail and postal address) and, for the
-- city agencies that take requests on NYC OpenRecords, the portal's address. Every seeded channel
-- is unverified: the page marks it "not yet verified" until an admin confirms it with the agency,
-- as agencies.contact_verified does for the contacts.
create table agency_channels (
    id          bigint generated always as identity primary key,
    agency_id   bigint      not null references agencies (id),
    kind        text        not null check (kind in ('EMAIL', 'PORTAL', 'POST')),
    address     text        not null check (length(address) between 1 and 1000),
    verified    boolean     not null default false,
    verified_by bigint      references users (id),
    verified_at timestamptz,
    unique (agency_id, kind),
    constraint agency_channels_email check (kind <> 'EMAIL' or (address ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(address) <= 254)),
    constraint agency_channels_portal_https check (kind <> 'PORTAL' or (address ~ '^https://[^\s/]+' and length(address) <= 500)),
    constraint agency_channels_verified_by check (verified or (verified_by is null and verified_at is null))
);

insert into agency_channels (agency_id, kind, address)
select id, 'EMAIL', foil_email from agencies where foil_email is not null and length(foil_email) <= 254
on conflict do nothing;

insert into agency_channels (agency_id, kind, address)
select id, 'POST', postal_address from agencies where postal_address is not null and length(postal_address) <= 1000
on conflict do nothing;

-- The mayoral agencies and offices in the registry that list NYC OpenRecords for FOIL requests.
-- NYC Health + Hospitals, a public benefit corporation with its own FOIL office, is left for an
-- admin to add once confirmed.
insert into agency_channels (agency_id, kind, address)
select id, 'PORTAL', 'https://a860-openrecords.nyc.gov/' from agencies
where slug in ('doc', 'nypd', 'probation', 'acs', 'dss', 'moia', 'doe', 'law', 'doi', 'mayor', 'nycem', 'oti')
on conflict do nothing;

-- The scorecards' and the request API's channel filter (issue #24) reads requests by channel; a
-- tracked request is a small share of all, so a partial index keeps that filter off a full scan.
create index requests_channel_idx on requests (channel) where channel is not null;
