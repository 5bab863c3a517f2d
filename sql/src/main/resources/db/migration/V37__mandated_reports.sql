-- What NYC law and mayoral orders require agencies to publish about immigration enforcement, and
-- what has been published for each period (docs/mandates.md). nyc.daylight.mandates.Overdue
-- decides from these rows which periods are overdue.
create table mandated_reports (
    id              bigint generated always as identity primary key,
    -- The report's address on the public page (/mandates/doc-detainers).
    slug            text        not null unique check (slug ~ '^[a-z][a-z0-9-]{0,59}$'),
    -- The agency that must produce it, and so the one a drafted FOIL request goes to.
    agency_id       bigint      not null references agencies (id),
    title           text        not null check (length(title) between 1 and 300),
    title_es        text        check (length(title_es) between 1 and 300),
    -- "NYC Administrative Code § 9-131", "Mayoral Executive Order 13 (2026)".
    citation        text        not null check (length(citation) between 1 and 300),
    -- The law's own words, copied from source_url; null until someone has read the text.
    quoted_text     text        check (length(quoted_text) between 1 and 5000),
    source_url      text        check (source_url ~ '^https?://[^\s]+$' and length(source_url) <= 2000),
    -- Verified: an administrator read quoted_text at source_url and confirms the citation, the
    -- period and the due rule. Until then every page marks the entry "not yet verified".
    verified        boolean     not null default false,
    verified_by     bigint      references users (id),
    verified_at     timestamptz,
    frequency       text        not null check (frequency in ('MONTHLY', 'QUARTERLY', 'CALENDAR_YEAR', 'FISCAL_YEAR', 'ONCE')),
    -- The first period tracked begins on the period boundary on or after this day.
    first_period    date        not null,
    -- Due rule: the report is due this many days after its period's last day.
    days_after_end  integer     not null check (days_after_end between 0 and 730),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (verified = (verified_at is not null)),
    check (not verified or (quoted_text is not null and source_url is not null))
);

-- One publication per report period: a link to where the agency published it, or to a record
-- released through Daylight; and the figures it reports, as the admin copied them.
create table mandated_report_publications (
    id              bigint generated always as identity primary key,
    report_id       bigint      not null references mandated_reports (id) on delete cascade,
    -- The first day of the period it covers (Frequency's aligned start).
    period_start    date        not null,
    url             text        check (url ~ '^https?://[^\s]+$' and length(url) <= 2000),
    document_id     bigint      references documents (id),
    -- Free text, or one "label: value" per line (shown as a table).
    figures         text        check (length(figures) <= 5000),
    entered_by      bigint      not null references users (id),
    entered_at      timestamptz not null default now(),
    unique (report_id, period_start),
    check ((url is null) <> (document_id is null))
);

-- The entries issue #25 names. None is verified: the citations come from an advocacy platform
-- and news reports (/work/shared/seeds), and the reporting provisions' own text has not been
-- read for any of them; periods and due rules are best guesses an admin must confirm.
-- The one quotation is §10-178(d) as the Council's page for Int. No. 1568-A (Local Law 228 of
-- 2017) prints it.
insert into mandated_reports (slug, agency_id, title, title_es, citation, quoted_text, source_url, frequency, first_period, days_after_end)
values
    ('doc-detainers', (select id from agencies where slug = 'doc'),
     'Civil immigration detainers: annual report (Department of Correction)',
     'Órdenes de detención migratoria civil: informe anual (Departamento de Corrección)',
     'NYC Administrative Code § 9-131', null, null, 'FISCAL_YEAR', date '2024-07-01', 63),
    ('nypd-detainers', (select id from agencies where slug = 'nypd'),
     'Civil immigration detainers: annual report (Police Department)',
     'Órdenes de detención migratoria civil: informe anual (Departamento de Policía)',
     'NYC Administrative Code § 14-154', null, null, 'FISCAL_YEAR', date '2024-07-01', 63),
    ('ll228-federal-requests', (select id from agencies where slug = 'mayor'),
     'Requests from federal immigration enforcement for support or assistance: quarterly report (Local Law 228 of 2017)',
     'Solicitudes de apoyo o asistencia de la aplicación federal de inmigración: informe trimestral (Ley Local 228 de 2017)',
     'NYC Administrative Code § 10-178(d) (Local Law 228 of 2017)',
     'Whenever any city officer or employee receives a request from a non-local law enforcement agency for the city to provide support or assistance intended to further immigration enforcement, such officer or employee’s agency shall make a record relating to such request, including any response or actions taken in response. An office of the mayor, or an agency the head of which is appointed by the mayor, shall be designated by the mayor to submit to the speaker of the council a quarterly report containing an anonymized compilation or summary of such requests and actions taken in response …',
     'http://legistar.council.nyc.gov/LegislationDetail.aspx?GUID=D0BFA473-FA7C-4FA6-83C4-216E9706EE7A&ID=3022098',
     'QUARTERLY', date '2025-01-01', 30),
    ('ll228-guidance', (select id from agencies where slug = 'moia'),
     'Implementation guidance for agencies on Local Law 228 of 2017',
     'Guía de aplicación para las agencias sobre la Ley Local 228 de 2017',
     'Local Law 228 of 2017 (NYC Administrative Code § 10-178)', null, null, 'ONCE', date '2018-01-01', 364),
    ('eo13-audit', (select id from agencies where slug = 'mayor'),
     'Audit of agencies’ compliance with the sanctuary laws (Executive Order 13 of 2026)',
     'Auditoría del cumplimiento de las leyes santuario por las agencias (Orden Ejecutiva 13 de 2026)',
     'Mayoral Executive Order 13 of 2026', null, null, 'ONCE', date '2026-02-06', 90);
