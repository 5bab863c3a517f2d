-- The language each person reads Daylight in, so e-mails reach them in it: set from the page
-- language at sign-up, changed whenever a signed-in person uses the language switcher.
-- A two- or three-letter ISO 639 code; English for every account that existed before.
alter table users
    add column language text not null default 'en' check (language ~ '^[a-z]{2,3}$');
