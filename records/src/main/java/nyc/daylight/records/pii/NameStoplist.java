package nyc.daylight.records.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Capitalized words that are common in agency correspondence and logs but are not parts of
 * people's names. Without this, "Department of Correction", "Dear Officer" or a DOC log's
 * "RELEASED TO ICE CUSTODY" next to an A-number would be reported as a person. Compared
 * case-insensitively, since DOC logs are in capitals.
 */
final class NameStoplist {
    private static final Set<String> WORDS = Set.of(
            // Agencies, offices and titles.
            "department", "dept", "correction", "corrections", "correctional", "immigration", "customs", "enforcement",
            "homeland", "security", "new", "york", "city", "state", "states", "united", "police", "office", "officer",
            "officers", "bureau", "division", "unit", "field", "removal", "operations", "detention", "service", "services",
            "federal", "government", "agency", "commissioner", "deputy", "director", "chief", "assistant", "general",
            "counsel", "legal", "affairs", "public", "records", "access", "freedom", "information", "law", "mayor",
            "council", "court", "courts", "supreme", "criminal", "family", "justice", "judge", "honorable", "hon",
            "district", "attorney", "county", "borough", "program", "center", "facility", "jail", "island", "rikers",
            "sheriff", "warden", "captain", "sergeant", "sgt", "lieutenant", "lt", "detective", "det", "agent", "special",
            "supervisory", "deportation", "officer's", "administration", "management", "headquarters", "team", "desk",
            "intelligence", "investigations", "liaison", "coordinator", "manager", "specialist", "analyst", "staff",
            "commission", "board", "committee", "mayor's", "national", "america", "american", "nation",
            // Acronyms: agencies, statutes, DOC facilities.
            "doc", "nypd", "ice", "dhs", "ero", "cbp", "uscis", "fbi", "doj", "eoir", "hsi", "dcjs", "nysid", "ssn", "dob",
            "foil", "foia", "nyc", "ny", "nys", "usa", "us", "usc", "cfr", "moia", "oath", "ccrb", "doi", "boc", "hra",
            "acs", "nycha", "lasd", "bds", "nds", "amkc", "rndc", "obcc", "grvc", "emtc", "vcbc", "nic", "rmsc", "bkdc",
            "mdc", "qdc", "ehpw", "wf", "gmdc", "dcj", "cjb", "ocme", "ada", "pii", "id", "aka", "fouo", "les", "cui",
            "pdf", "faq", "llc", "inc", "esq", "jr", "sr", "ii", "iii", "iv", "na", "tbd", "eta", "pm", "am",
            "est", "edt", "utc", "gmt", "ok", "cc", "bcc", "fw", "fwd", "re", "att",
            // Letter, email and form vocabulary.
            "dear", "sincerely", "regards", "best", "thanks", "thank", "you", "subject", "from", "to", "sent", "date",
            "attachment", "attachments", "please", "hello", "hi", "good", "morning", "afternoon", "evening",
            "respectfully", "cordially", "confidential", "unclassified", "sensitive", "important", "urgent", "notice",
            "request", "requests", "requested", "requester", "detainer", "detainers", "warrant", "warrants", "form",
            "release", "released", "releases", "transfer", "transferred", "custody", "discharge", "discharged",
            "lodged", "arrest", "arrested", "booking", "book", "booked", "case", "docket", "indictment", "charge",
            "charges", "charged", "name", "names", "last", "first", "middle", "full", "number", "no", "status", "type",
            "time", "address", "phone", "email", "e-mail", "tel", "fax", "cell", "mobile", "page", "pages", "total",
            "exhibit", "section", "article", "title", "part", "redacted", "response", "appeal", "determination",
            "denied", "granted", "approved", "pending", "active", "inactive", "yes", "none", "unknown", "male", "female",
            "sex", "race", "gender", "height", "weight", "eyes", "hair", "country", "citizenship", "nationality",
            "birth", "place", "age", "log", "report", "summary", "list", "table", "note", "notes", "comments", "remarks",
            "action", "actions", "reason", "result", "results", "decision", "order", "hearing", "interview", "visit",
            "inmate", "inmates", "detainee", "detainees", "alien", "aliens", "individual", "person", "defendant",
            "respondent", "subject's", "client", "noncitizen", "resident", "citizen", "citizens", "immigrant",
            "immigrants", "original", "message", "forwarded", "reply", "wrote", "update", "updated", "follow", "up",
            "confirm", "confirmed", "confirmation", "question", "questions", "call", "meeting", "memo",
            "memorandum", "policy", "procedure", "directive", "executive", "local", "sanctuary", "compliance",
            "admission", "admitted", "intake", "housing", "hold", "holds", "notification", "notified", "facility's",
            // Function words, which begin sentences and so are often capitalized.
            "the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "for", "by", "with", "per", "our",
            "your", "we", "i", "he", "she", "they", "it", "his", "her", "their", "its", "is", "was", "are", "were",
            "will", "be", "been", "has", "have", "had", "all", "any", "not", "as", "if", "or", "but", "so", "also",
            "after", "before", "upon", "via", "of", "and", "there", "here", "when", "where", "who", "what", "which",
            "why", "how", "my", "me", "see", "each", "every", "should", "would", "could", "can",
            "may", "must", "shall", "do", "does", "did", "attached", "enclosed", "below", "above", "following",
            "pursuant", "under", "regarding", "concerning", "about", "into", "out", "over", "then", "than", "yesterday",
            "today", "tomorrow", "week", "month", "year", "other", "such", "same",
            // Months and weekdays.
            "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
            "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
            "thu", "thurs", "fri", "sat", "sun",
            // Places and address words.
            "bronx", "brooklyn", "manhattan", "queens", "staten", "richmond", "kings", "street", "avenue", "road",
            "boulevard", "lane", "drive", "parkway", "terrace", "broadway", "plaza", "apt", "apartment", "suite",
            "floor", "north", "south", "east", "west", "centre",
            // More titles that precede names in signatures and narratives.
            "supervisor", "clerk", "inspector", "investigator", "counselor", "commander", "superintendent",
            "secretary", "president", "governor", "senator", "representative", "councilmember", "acting", "senior",
            "associate",
            // Places of birth and citizenship that often sit next to a date of birth. Not exhaustive.
            "mexico", "dominican", "republic", "ecuador", "honduras", "guatemala", "salvador", "el", "colombia",
            "venezuela", "peru", "china", "india", "bangladesh", "pakistan", "jamaica", "haiti", "guyana", "trinidad",
            "tobago", "nigeria", "ghana", "senegal", "cuba", "brazil", "russia", "ukraine", "albania", "poland",
            "philippines", "korea", "vietnam", "yemen", "egypt", "morocco", "nepal", "afghanistan", "turkey",
            "perú", "méxico", "haití", "panamá", "república", "dominicana",
            // Demographic words police reports write in capitals next to names ("M/WH/35", "WHITE HISPANIC").
            "white", "black", "hispanic", "asian", "latino", "latina", "caucasian", "pacific", "islander", "native",
            "indian", "unk", "perp", "victim", "witness",
            // Software and products, which follow "MS" as a name follows "Ms" ("MS Teams", "MS Excel").
            "teams", "excel", "word", "outlook", "powerpoint", "sharepoint", "onedrive", "windows", "microsoft", "adobe",
            "acrobat", "pro", "zoom", "webex", "google", "gmail", "chrome", "iphone", "android",
            // Identity documents and their fields, and court and tax words.
            "driver", "drivers", "driver's", "license", "licence", "permit", "learner", "passport", "passports", "visa",
            "dl", "itin", "tin", "taxpayer", "spouse", "dependent", "petitioner", "plaintiff", "applicant", "motion", "seq",
            "index", "ind", "arrestee", "event", "fin", "fins", "eid", "file", "sheet", "vehicle", "stop", "stops",
            // Spanish office words.
            "cónsul", "consul", "consulado", "protección", "departamento", "oficina", "asunto", "atentamente", "estimado",
            "estimada", "señor", "señora", "declaración", "jurada",
            // Organizations and places that sit in signatures and contact lists next to phone numbers.
            "clinic", "rights", "society", "aid", "association", "foundation", "church", "parish", "university", "college",
            "hospital", "project", "coalition", "network", "alliance", "institute", "square", "santo", "caballeros",
            // State abbreviations on licences ("NJ DL"); not those that are also name particles (DE, LA, AL).
            "nj", "ca", "fl", "pa", "il", "tx", "ct", "ma", "ga", "nc", "va", "md", "oh", "nv", "az", "wa");

    private NameStoplist() {}

    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
