package nyc.daylight.requests;

import java.util.List;
import java.util.Optional;

/**
 * A well-drafted starting text for a common ICE-related request, drawn from what DOI reports,
 * Council hearings and the ICE OUT! platform describe. The requester edits it before filing.
 */
public record RequestTemplate(String id, String label, String title, String description, List<String> agencies) {

    public static final List<RequestTemplate> ALL = List.of(
            new RequestTemplate("doc-release-dates",
                    "DOC and ICE: release dates, detainers and notification requests",
                    "Department of Correction communications with ICE about release dates and detainers",
                    """
                    All records of communications between Department of Correction staff (including investigators assigned to joint task forces) and U.S. Immigration and Customs Enforcement or Homeland Security Investigations concerning the release date, release time, transfer, or custody status of any person in DOC custody, including e-mails, text messages, and messaging-app messages; all ICE detainer requests (Form I-247A and successors) and requests for notification received by DOC, with DOC's written response to each; and any log, spreadsheet or database extract that records detainers received and honored.
                    """.strip(), List.of("doc")),
            new RequestTemplate("nypd-hsi-task-force",
                    "NYPD and HSI: task force agreements and database alerts",
                    "NYPD joint task force agreements with HSI and database alerts set for federal targets",
                    """
                    All memoranda of understanding, agreements and operating procedures governing NYPD members' participation in joint task forces with Homeland Security Investigations or ICE; records sufficient to show every alert, flag or notification set in any NYPD database at the request of, or for the benefit of, HSI or ICE personnel; and all communications between NYPD members and HSI or ICE concerning such alerts.
                    """.strip(), List.of("nypd")),
            new RequestTemplate("probation-psi",
                    "Probation: inquiries to ICE for pre-sentence reports",
                    "Department of Probation inquiries to ICE in preparing pre-sentence investigations",
                    """
                    All records of inquiries made by Department of Probation staff to ICE, DHS or their databases in preparing pre-sentence investigation reports, including policies and training materials on verifying immigration status, the number of such inquiries by month, and communications with ICE or DHS about any person under investigation or supervision.
                    """.strip(), List.of("probation")),
            new RequestTemplate("non-public-property",
                    "ICE attempts to enter shelters, hospitals, schools and other non-public city property",
                    "Records of ICE attempts to enter non-public city property",
                    """
                    All records of any attempt by ICE, HSI or other federal immigration agents to enter, or to obtain information at, non-public areas of city property (including shelters, hospitals, schools and offices), including incident reports, e-mails and text messages reporting such attempts, the guidance staff were given about such visits, and any warrant or other document the agents presented.
                    """.strip(), List.of("dss", "hhc", "doe", "nycem")),
            new RequestTemplate("data-sharing",
                    "Data shared from MyCity, IDNYC or jail communications vendors",
                    "Sharing of MyCity, IDNYC and jail communications data with federal immigration authorities",
                    """
                    All records of requests by, or disclosures to, ICE, DHS or other federal immigration authorities of data held in MyCity, IDNYC or any system operated by a vendor of jail communications (telephone, video visit or e-mail services), including data-sharing agreements, vendor contract clauses on law-enforcement access, logs of such requests, and communications about them.
                    """.strip(), List.of("oti", "doc", "moia")),
            new RequestTemplate("ice-nyc-communications",
                    "ICE and DHS (federal FOIA): communications with New York City agencies",
                    "ICE communications with New York City agencies about people in city custody",
                    """
                    All records of communications between ICE (including Enforcement and Removal Operations, New York Field Office, and Homeland Security Investigations) and any New York City agency, including the Department of Correction, the NYPD and the Department of Probation, concerning the custody, release, transfer or location of any person, including detainer requests and the agencies' responses.
                    """.strip(), List.of("ice", "dhs")));

    public static Optional<RequestTemplate> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
