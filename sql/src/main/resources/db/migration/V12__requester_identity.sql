-- How each request is signed. Neither FOIL nor FOIA requires a requester to say who they are, so a
-- requester signs as themselves, as an organisation, or under a pseudonym; every letter Daylight
-- drafts for the request (filing, appeal, clarification answer, follow-up, withdrawal) is signed
-- with signature_name, and the public sees only the public choice (RequesterIdentity decides).
--
-- signature_name holds the organisation or the pseudonym, or for SELF the account's name as it was
-- at filing, so later letters are signed as the first one was and the public text can withhold
-- exactly the name the agency received. show_requester_name keeps its meaning: whether the
-- public may see the person's own name (never, for an organisation or a pseudonym).
alter table requests
    add column signature_kind text not null default 'SELF'
        check (signature_kind in ('SELF', 'ORGANISATION', 'PSEUDONYM')),
    add column signature_name text check (length(signature_name) between 1 and 200),
    add constraint requests_pseudonym_hides_name check (signature_kind = 'SELF' or
        (signature_name is not null and not show_requester_name));

-- Existing requests were all signed with the account's name at filing (or "A Daylight requester"
-- when it had none): record that name as their signature, so their later letters match and a
-- hidden name stays hidden whatever happens to the account.
update requests r
   set signature_name = nullif(btrim(u.display_name), '')
  from users u
 where u.id = r.requester_id;
