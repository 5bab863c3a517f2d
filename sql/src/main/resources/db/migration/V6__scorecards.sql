-- Scorecards: one row of timeliness facts per request, kept in step with its ledger (recomputed in
-- the same transaction as every event), so any period's scorecard is an indexed aggregate instead
-- of a re-run of the deadline engine over every request.

alter table requests
    add column topic           text check (topic in ('ICE')),
    add column imported_source text,
    add column external_number text;

create table request_metrics (
    request_id             bigint  primary key references requests (id),
    agency_id              bigint  not null references agencies (id),
    regime                 text    not null,
    topic                  text,
    imported               boolean not null,
    received_on            date    not null,
    -- NY: the 5-business-day response; null for federal agencies (no such duty).
    response_due           date,
    responded_on           date,
    response_met           boolean,
    business_days_to_response integer,
    determined_on          date,
    business_days_to_determination integer,
    -- True when decided with no agency deadline missed; false when decided late or overdue and
    -- still open; null while open and not yet due (excluded from the on-time rate).
    determination_on_time  boolean,
    outcome                text    not null check (outcome in ('OPEN', 'GRANTED', 'PARTIALLY_GRANTED', 'DENIED', 'NO_RECORDS', 'WITHDRAWN')),
    -- First day of a constructive denial / overdue state that no determination has ended yet.
    overdue_since          date,
    constructive_denial    boolean not null,
    extensions             integer not null,
    extension_business_days integer not null,
    exemptions             text[]  not null default '{}',
    appeal_filed           boolean not null,
    appeal_decided_on_time boolean,
    appeal_reversed        boolean,
    files_released         integer not null
);
create index request_metrics_agency_received_idx on request_metrics (agency_id, received_on);
create index request_metrics_received_idx on request_metrics (received_on);

-- Flags about this installation. 'demo' marks a database filled with synthetic data: every page
-- then says so.
create table site_settings (
    key   text primary key,
    value text not null
);
