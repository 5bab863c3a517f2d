package nyc.daylight.inbound;

import java.util.regex.Pattern;

/**
 * The phrasings agencies use for each step, as the labelled replies in the tests hold them: NY
 * FOIL and federal FOIA letters, NYC OpenRecords notices, UK and other English styles, and Spanish.
 * Each is written to say what this letter does, not what a letter might do.
 */
final class ReplyPhrases {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private ReplyPhrases() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    /** A sentence about what might happen is no assertion that it did. */
    static final Pattern CONDITIONAL = p("\\b(if|should|whether|either|unless|may(?!\\s+\\d)(?! be (released|downloaded))|might|in the event"
            + "|in certain circumstances|will be notified|will notify|you will be told)\\b|\\bappeal|\\bapelar");
    /** Weaker, for what a letter announces: only a sentence that opens on a condition or says what the law permits. */
    static final Pattern HYPOTHETICAL = p("^(if|should|in the event|unless|where|once|when)\\b|\\b(might|in certain circumstances"
            + "|does permit|permits|will be notified|will notify you)\\b");
    /** "We neither confirm nor deny whether…": a refusal that reads as a condition. */
    static final Pattern FIRM_DENIAL = p("\\bneither confirm nor deny\\b|\\brefus(e|ing) your request\\b|\\bwill not be complying\\b"
            + "|\\bnot obliged to comply\\b|\\bvexatious\\b|\\bwithheld in (full|(its|their) entirety)\\b|\\bdeclines? to (release|disclose)");
    /** "We will grant or deny your request by …" promises a decision; it is not one. */
    static final Pattern PROMISE = p("\\bgrant(ed)?,? or den(y|ied|ial)\\b|\\bgrant(ed)?, den(y|ied)\\b|\\bgrant or deny\\b");

    static final Pattern AUTO_REPLY_SUBJECT = p("^\\s*(automatic reply|auto(matic)?[ -]?reply|autoreply|out of (the )?office"
            + "|respuesta autom[aá]tica|fuera de la oficina|read:|le(í|i)do:)");
    static final Pattern AUTO_REPLY = p("\\b(i am|i'm|i will be|estar[ée]) (currently )?(out of (the )?office|away from (the|my) (office|desk)"
            + "|on (annual |sick |parental )?leave|fuera de la oficina)|\\byour message was read\\b|\\bhas been successfully submitted to\\b"
            + "|\\bthis mailbox is (not )?monitored\\b");

    static final Pattern APPEAL_DECIDED = p("\\b(your|the) appeal is (hereby )?(granted|denied|granted in part|remanded)\\b"
            + "|\\bappeal (has been|is) (granted|denied|sustained|upheld)|\\b(i am|we are) (affirming|remanding|upholding|reversing)\\b"
            + "|\\bi (affirm|uphold|remand)\\b|\\buphold (that|the original) decision\\b|\\bcompleted the internal review\\b"
            + "|\\bin response to your appeal\\b|\\breviewed your appeal\\b|\\bupon review of your appeal\\b"
            + "|\\bon appeal\\b.{0,60}\\b(released|affirmed|withheld)|\\breconsidered its (prior|previous|original) determination"
            + "|\\b(is|are|was|be) (upheld|affirmed|reversed|overturned)\\b|\\b(decided|determined) to (affirm|uphold|reverse|remand)\\b");
    static final Pattern APPEAL_RECEIVED = p("(receipt of|received|recibido) (your|su) (administrative )?(appeal|apelaci[oó]n)"
            + "|\\byour (administrative |foil |foia )?appeal\\b.{0,120}\\b(was|has been|were) received\\b|\\bappeal has been assigned\\b"
            + "|\\brequest for an internal review\\b");

    static final Pattern FEE_AMOUNT = p("[$£€]\\s?\\d|\\d\\s?(dollars|pounds|euros)\\b");
    /** An amount the agency asks for, not its fee schedule ("$0.25 per page; no fee for search"). */
    static final Pattern FEE_ASK = p("\\b(remit|payment|fee estimate|estimated? (duplication |search |processing )?(fees?|costs?)"
            + "|estimate .{0,20}fees|(total|duplication|search|processing) (fee|cost)s? (is|are|will be|of)|for a total of|a fee of"
            + "|the cost (to|of) (prepare|prepar|copies|the copies)|the cost is|willing to pay|agree to pay|favor de enviar el pago|el costo)\\b");
    static final Pattern FEE_PAY = p("\\b(remit|send (the )?payment|upon receipt of (your )?payment|advance payment|willing to pay"
            + "|agree to pay|enviar el pago|check payable|money order|mail a check)\\b");

    static final Pattern CLOSED = p("\\b(administratively clos(ed|ing)|(have|has been|was|is being|are) (administratively )?clos(ed|ing) "
            + "(your|this) request|your request (has been|was|is) (withdrawn and )?closed|no response from requester"
            + "|we have closed your request|duplicate of (request|another)|withdrawn and closed|your request is (now )?closed)\\b");

    static final Pattern REFERRED = p("\\b(forwarded|referred|transferr(ed|ing)|passed|sent|redirected) (your request|the request|those records"
            + "|these records|these documents|the records|it|this request)( on)? to\\b|\\b(we are|have been|has been|i have|we have) "
            + "(forwarded|referred|transferr(ed|ing))\\b.{0,60}\\bto (the )?[A-Z]|request has been (transferred|referred|forwarded) to"
            + "|\\bplease (direct|resubmit|redirect|send) your request to\\b|\\bresubmit your request to\\b|not under (the )?agency'?s jurisdiction"
            + "|\\byou may wish to contact\\b|\\bare (maintained|held) by (the|another)\\b|\\bin the custody of\\b|\\bunder the purview of\\b"
            + "|\\bremitido su solicitud\\b|\\bwho hold(s)? (the|this) (information|records)\\b|\\boriginated with (another|the)\\b");
    /** Sent on within the same office is part of processing, not a referral. */
    static final Pattern INTERNAL = p("\\b(of this office|within (this|our) (office|agency|department)|appropriate unit|our records unit)\\b");

    static final Pattern CLARIFY = p("\\bplease (clarify|specify|narrow|provide|confirm which|identify|let us know (which|what|whether))"
            + "|\\bclarification (required|needed)\\b|\\bneed you to clarify\\b|\\bcould you (please )?(narrow|clarify|confirm|specify)"
            + "|\\b(does|do) not reasonably describe\\b|\\bdoes not contain sufficient information\\b|\\b(overly|too) broad\\b"
            + "|\\bneed (further|additional|more) information\\b|\\brequested additional information\\b|\\bdo you mean\\b"
            + "|\\b(in order to|to) (search|locate|process)\\b.{0,60}\\bwe need\\b|\\bplease reply\\b.{0,30}\\bwith (that|this|the) information\\b"
            + "|\\b(le pedimos que|favor de) aclar|\\bse requiere aclaraci[oó]n");

    static final Pattern NO_RECORDS = p("\\bno (responsive |such )?(records|documents)\\b(?! (are|is) (attached|enclosed))|\\b(unable|not able) to "
            + "(locate|find|identify)|\\bdid not (locate|find|identify)( any)?\\b|\\bcould not (locate|find|identify)"
            + "|\\bno (documents|records) (responsive|were found|exist)|\\bno records found\\b|\\bfound no (responsive )?records"
            + "|\\b(does|do) not (maintain|hold|have|keep) (the|any|such)? ?(records|information|document|data)"
            + "|\\bno (such )?(record|document) exists\\b|\\bthere is no such (document|record)\\b|\\bno se encontraron (registros|documentos)"
            + "|\\bno records responsive\\b|\\b(have|has) not (located|found|identified) any\\b|\\bholds? no (information|records)\\b");

    static final Pattern DENIAL = p("\\bden(y|ies|ied|ial)\\b|\\bwithh(eld|old|olding)\\b|exempt(ed)? from (public )?disclosure"
            + "|\\bdeclines? to (release|disclose|provide)|\\b(cannot|can ?not|unable to) (release|provide|disclose)"
            + "|\\brefus(e|ing) your request\\b|\\bwill not be complying\\b|\\bnot obliged to comply\\b|\\bneither confirm nor deny\\b"
            + "|\\bcannot be (provided|released|disclosed)\\b|\\bwill not be (disclosing|releasing|providing)\\b|\\b(ha sido |fue )?denegad[ao]\\b|\\bvexatious\\b");
    /** Denials of something other than the request. */
    static final Pattern NOT_THE_REQUEST = p("\\bfee waiver\\b|\\bexpedited processing\\b|\\breduction of fees\\b");
    static final Pattern IN_PART = p("(?<!whole or )\\bin part\\b|\\bpartial(ly)?\\b|(?<!without |no )\\bredact(ed|ions?)\\b|(?<!without |no )\\bexcisions?\\b"
            + "|\\b(certain|some) information\\b.{0,60}\\b(withheld|removed|redacted)|\\bwith some information removed\\b"
            + "|\\bthe (remainder|remaining records|rest)\\b(?=.{0,40}\\b(attached|enclosed|provided|released))|\\breleasable\\b|\\bsome of the records\\b|\\breasonably segregable\\b"
            + "|\\bbeing released\\b|\\breleased (to you )?with\\b|\\bhave been removed\\b|\\btestad[oa]s?\\b|\\bversi[oó]n p[uú]blica");
    /** Says what was taken out of what was released. */
    static final Pattern REDACTED = p("(?<!without |no )\\bredact|(?<!without |no )\\bexcision|\\btestad[oa]s?\\b|\\bversi[oó]n p[uú]blica|\\b(have been|has been|were|was) removed\\b"
            + "|\\binformation removed\\b");
    static final Pattern GRANT = p("\\brequest (is|has been) (hereby )?(granted|approved)\\b|\\bgrant(s|ed)? (your|the) request\\b"
            + "|\\bdecision to grant\\b|\\b(released?|releasing|provided) (to you |them to you )?in full\\b|\\bmay be released in full\\b"
            + "|\\bdetermined to release\\b|\\bgive you access to the documents in full\\b|^(request )?approved\\b"
            + "|\\bno exemptions were asserted\\b|\\b(without|with no) (redactions?|excisions?)\\b");
    /** A release in instalments is a release, not yet the determination. */
    static final Pattern INTERIM = p("\\b(interim|installment|instalment|first release|rolling|partial release|tranche)\\b");

    /** Says the records are attached or enclosed: needs a real file with it. */
    static final Pattern ENCLOSED = p("\\b(please )?find (attached|enclosed)|\\battached (is|are|please find|you will find|herewith)\\b"
            + "|\\b(enclosed|attached) (please find|are|is)\\b|\\b(are|is) (attached|enclosed)\\b|\\bi (have )?attach(ed)?\\b"
            + "|\\battachment enclosed\\b|\\bherewith\\b|\\bhere (is|are) the\\b|\\b(please )?see (the )?attached\\b"
            + "|\\battached to this e-?mail\\b|\\bcopies are attached\\b|\\badjunto (encontrar[aá]|le env[ií]o)|\\bse adjunta"
            + "|\\battached (records|documents|files?)\\b"
            + "|\\bin the attached\\b|\\bthe attached (document|spreadsheet|file|pdf|letter)s?\\b|\\ble enviamos adjunt|\\badjunt[oa]s (los|las)\\b");
    /** Says the records were made available elsewhere: no file needed. */
    static final Pattern MADE_AVAILABLE = p("\\b(records|files?|documents)( you requested)? (have been|has been|are|were) (released|made available"
            + "|available (for download|online))|\\bmay be downloaded\\b|\\bfile\\(s\\) released\\b|\\bfulfilled via\\b"
            + "|\\bresponse has been added to your request\\b|\\bis already published\\b|\\bavailable on our website\\b");
    /** An answer given in the body: "I can confirm that the Council holds the information", numbered answers. */
    static final Pattern ANSWER_INTRO = p("\\bi can confirm that (?!.{0,40}\\bnot\\b).{0,40}\\bholds? (the|this) information\\b"
            + "|^(in response to|per) your (foil |foia |freedom of information )?request, (the|our|we|total|there)\\b");
    /** A numbered answer: "1. How many were issued? 48,211." or "Q1: The number … was 214." */
    static final Pattern NUMBERED_ANSWER = p("^(q\\d{1,2}|\\d{1,2})[.:)]\\s.{3,300}\\d");

    static final Pattern EXTEND = p("\\bextend|\\bextension\\b|\\badditional time\\b|\\bmore time\\b|\\bunusual circumstances\\b"
            + "|\\bnew (due |response )?date\\b|\\bdate certain\\b|\\bhas changed from\\b|\\bnow (anticipate|expect)s?\\b"
            + "|\\bnot be able to meet\\b|\\bampli(amos|aci[oó]n)\\b|\\btiempo adicional\\b|\\bhas been extended\\b"
            + "|\\badditional (\\d+|five|ten|twenty|thirty) (working |business |calendar )?days\\b");
    /** A subject that names the letter an acknowledgment ("FOIL Request 2026-0412 Acknowledgment"). */
    static final Pattern ACK_SUBJECT = p("\\backnowledge?ment\\b|\\backnowledged\\b|\\breceipt\\b|\\bacuse de recibo\\b|\\brequest received\\b");
    /** A date for the answer: in a later letter, a new one. */
    static final Pattern NEW_DATE = p("\\b(respond|answer(ed)?|response|reply|determination|decision|responderemos)\\b.{0,60}"
            + "\\b(on or about|on or before|no later than|by|a m[aá]s tardar)\\b");
    static final Pattern REOPENED = p("\\bre-?opened\\b");
    /** "This acknowledges receipt", "has been acknowledged", a subject "… Acknowledgment"; not "answered by acknowledgment, grant…". */
    static final Pattern ACKNOWLEDGE = p("\\b(this|we|hereby|i) (is to |letter |e-?mail )?(acknowledg|confirm)\\w*|acknowledg\\w* (receipt|your|that|the receipt)"
            + "|\\b(has been|is hereby|was) acknowledged\\b|\\b(have|has|we) received your\\b|\\breceipt of your\\b|\\bin receipt of\\b"
            + "|\\bhas been received\\b|\\bwas received\\b|\\breceived (by|in) (this|our) office\\b|\\bconfirm(s)? (that we have )?(receipt|received)"
            + "|\\b(has been|was) (assigned|logged|entered)\\b|\\bassigned (it )?(foil |foia |request |tracking |control |log |reference )?"
            + "(no|number|#)|\\b(reference|tracking|log|control) (number|no)\\b|\\bacusamos recibo\\b|\\bhemos recibido su solicitud\\b"
            + "|\\breceived your (foil |foia |records |information )?(request|application|letter)\\b|\\bwhich we received\\b"
            + "|\\b(got|received) your (foil|foia|request|records request)\\b|\\brecibimos su solicitud\\b|\\bacuse de recibo\\b|\\bn[uú]mero de folio\\b|\\bregistrada con el n[uú]mero\\b|\\bdealt with under the\\b");
}
