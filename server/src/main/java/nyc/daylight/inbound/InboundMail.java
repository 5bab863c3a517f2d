package nyc.daylight.inbound;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyMailDomains;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import org.jooq.DSLContext;

/**
 * Every e-mail that reaches Daylight, from the SMTP listener or the IMAP poller, goes through
 * {@link #receive}. A message that names a request by its reply address, with the right token,
 * from the agency that owes the answer, joins the request's timeline (its files join the records
 * review) and the requester is told; anything else waits in the administrators' holding queue,
 * private ({@link MessageFiling} keeps it either way). Nothing changes a request's status until a
 * person confirms what the message says ({@link StepConfirmation}).
 */
public final class InboundMail {
    /** A message as a transport hands it over; {@code raw} is null when it exceeded the size limit. */
    public record Incoming(String channel, String envelopeFrom, String recipient, byte[] raw, byte[] head, long size) {}

    private final DSLContext dsl;
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final AgencyService agencies;
    private final AgencyMailDomains mailDomains;
    private final MessageFiling filing;
    private final InboundSettings settings;
    private final Clock clock;

    public InboundMail(DSLContext dsl, AgencyService agencies, MessageFiling filing, InboundSettings settings, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailDomains = new AgencyMailDomains(dsl, agencies, clock);
        this.filing = filing;
        this.settings = settings;
        this.clock = clock;
    }

    public InboundSettings settings() {
        return settings;
    }

    /** What the SMTP listener lets in before anything is stored. */
    RecipientPolicy recipientPolicy() {
        return new RecipientPolicy(dsl, settings, clock);
    }

    /** Stores the message once (a redelivery is recognised and ignored) and returns its id. */
    public long receive(Incoming in) {
        if (in.raw() == null) return filing.hold(in, null, null, "OVERSIZED");
        ParsedMail mail;
        try {
            mail = ParsedMail.parse(in.raw());
        } catch (IOException e) {
            return filing.hold(in, null, filing.keepRaw(in.raw()), "UNREADABLE");
        }
        String recipient = ReplyAddress.parse(in.recipient(), settings.replyDomain()).isPresent() ? in.recipient()
                : mail.recipients().stream().filter(a -> ReplyAddress.parse(a, settings.replyDomain()).isPresent())
                        .findFirst().orElse(in.recipient());
        Optional<ReplyAddress> address = ReplyAddress.parse(recipient, settings.replyDomain());
        Incoming routed = new Incoming(in.channel(), in.envelopeFrom(), recipient, in.raw(), in.head(), in.size());
        StoredBlob raw = filing.keepRaw(in.raw());
        if (address.isEmpty()) return filing.hold(routed, mail, raw, "UNKNOWN_ADDRESS");
        Optional<RequestFacts> request = requests.byNumber(dsl, address.get().number()).filter(RequestFacts::submitted);
        if (request.isEmpty()) return filing.hold(routed, mail, raw, "UNKNOWN_ADDRESS");
        if (!MessageDigest.isEqual(request.get().replyToken().getBytes(), address.get().token().getBytes())) {
            return filing.hold(routed, mail, raw, "WRONG_TOKEN");
        }
        AutomaticMail.Kind kind = AutomaticMail.of(mail);
        // A bounce comes from the agency's mail server or its provider (postmaster@outlook.com), not
        // from the agency's own address; the token in the address it came back to is what vouches for it.
        if (kind == AutomaticMail.Kind.BOUNCE) return filing.bounce(routed, mail, raw, request.get());
        Agency agency = agencies.byId().get(request.get().agencyId());
        Optional<String> problem = SenderCheck.problem(mail.senders(), mail.authenticationResults(), settings.trustedRelay(),
                senders(agency));
        boolean portal = PortalNotice.read(mail.subject(), mail.body()).isPresent();
        if (problem.isPresent() && portal) {
            // An OpenRecords notice forwarded by the requester (or by their mailbox's forwarding rule,
            // which keeps the portal as sender): the same checks, with those two senders allowed. It
            // still only proposes a step, which a person confirms.
            problem = SenderCheck.problem(mail.senders(), mail.authenticationResults(), settings.trustedRelay(),
                    forwarders(agency, request.get()));
            if (problem.isEmpty()) return filing.match(routed, mail, raw, request.get());
        }
        if (problem.isPresent()) return filing.hold(routed, mail, raw, problem.get());
        // A portal's notice is a machine's mail that does say what happened: it is read, not set aside.
        return kind == AutomaticMail.Kind.AUTOMATIC_REPLY && !portal ? filing.automatic(routed, mail, raw, request.get())
                : filing.match(routed, mail, raw, request.get());
    }

    /** Who may forward a portal notice: the agency's senders, the requester's own address, and the portal itself. */
    private AgencySenders forwarders(Agency agency, RequestFacts request) {
        AgencySenders own = senders(agency);
        Set<String> mailboxes = new HashSet<>(own.mailboxes());
        String requester = requests.userEmail(dsl, request.requesterId());
        if (requester != null) mailboxes.add(requester);
        Set<String> domains = new HashSet<>(own.domains());
        domains.addAll(PortalNotice.PORTAL_DOMAINS);
        return new AgencySenders(mailboxes, domains);
    }

    /** The agency's listed mailboxes and its verified domains; never its officers' own addresses. */
    private AgencySenders senders(Agency agency) {
        Set<String> mailboxes = new HashSet<>();
        if (agency.foil().email() != null) mailboxes.add(agency.foil().email());
        if (agency.appeals().email() != null) mailboxes.add(agency.appeals().email());
        return new AgencySenders(mailboxes, mailDomains.domainsOf(agency.id()));
    }
}
