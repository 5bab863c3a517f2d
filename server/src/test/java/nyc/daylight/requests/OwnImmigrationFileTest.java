package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OwnImmigrationFile} over a labelled set of request texts shaped like what people type:
 * asks for their own (or a client's) immigration file, in English and Spanish, and requests about
 * agencies' communications with ICE, some of which mention A-numbers in passing and must not
 * trigger. Prints precision and recall.
 */
class OwnImmigrationFileTest {
    record Labelled(boolean ownFile, String title, String text) {
    }

    static final List<Labelled> SET = List.of(
            // --- own file: must trigger ---
            new Labelled(true, "My immigration file", "I am requesting a complete copy of my A-file. My A-number is A123456789."),
            new Labelled(true, "Records", "Please send me all my records. A-123-456-789, date of birth 04/12/1988."),
            new Labelled(true, "Copy of my case", "I need everything about my case with immigration, I had an interview in 2019 and they denied my green card."),
            new Labelled(true, "Solicitud", "Quiero una copia de mi expediente de inmigración. Mi número A es A087654321."),
            new Labelled(true, "mi expediente", "Necesito mi expediente completo para mi abogado, tengo corte de deportación en marzo."),
            new Labelled(true, "Client file", "On behalf of my client, Maria Lopez (A-file A 201-555-012), we request her full alien file including all I-213 forms."),
            new Labelled(true, "Request", "I would like my immigration records, I came in 2004 with a visa and I want to know what they have."),
            new Labelled(true, "Asylum", "Please provide my asylum file and the notes from my asylum interview at the Bethpage office."),
            new Labelled(true, "Deportation records", "I was detained by ICE in 2017. I want my deportation file and my removal order."),
            new Labelled(true, "My A number", "What records do you have on my A-number? I lost my papers."),
            new Labelled(true, "records about me", "All records about me held by the agency, including any immigration status checks. A098765432"),
            new Labelled(true, "Mis documentos", "Por favor envíenme mis documentos de inmigración, perdí mi tarjeta verde."),
            new Labelled(true, "mi caso", "Quiero saber el estado de mi caso de asilo y todos los papeles."),
            new Labelled(true, "Husband's file", "My husband's A-file: he was deported in 2015 and we need his records for the waiver."),
            new Labelled(true, "naturalization", "A copy of my naturalization application and my USCIS file, N-400 filed 2021."),
            new Labelled(true, "own records", "I am requesting my own file. I entered at JFK and CBP took my passport; my alien registration number is 012-345-678."),
            new Labelled(true, "mis registros", "Solicito mis registros migratorios completos."),
            new Labelled(true, "Información sobre mí", "Toda la información sobre mí que tenga inmigración, mi número de extranjero es A-201-334-998."),
            new Labelled(true, "FOIA", "Requesting my complete immigration history, all entries and exits."),
            new Labelled(true, "Green card", "Records of my green card application from 2012, receipt number and A file number."),
            // --- not own file: must not trigger ---
            new Labelled(false, "NYPD and ICE e-mails", "All e-mails between NYPD and ICE from January 2025 to date, including any that list A-numbers of people in custody."),
            new Labelled(false, "DOC detainers", "Every detainer (Form I-247A) received by the Department of Correction in 2025, with the subject's A-number redacted if required."),
            new Labelled(false, "Shelter visits", "Records of ICE agents visiting DHS shelters, sign-in logs and e-mails mentioning ICE or immigration enforcement."),
            new Labelled(false, "My arrest", "NYPD records of my arrest on 3/3/2024 and any communication with ICE about it."),
            new Labelled(false, "Follow-up", "This follows my request FOIL-2026-056-01234: all communications with ICE about detainers, including A-number lookups (e.g. A123456789)."),
            new Labelled(false, "School", "Records of ICE agents at my child's school, P.S. 123, and the principal's e-mails about it."),
            new Labelled(false, "Case study", "For my case study on sanctuary policy: DOE guidance on immigration enforcement at schools."),
            new Labelled(false, "Executive Order 170", "All records of compliance with EO 170 and immigration-related requests from federal agencies."),
            new Labelled(false, "Correos", "Todos los correos electrónicos entre la policía y ICE sobre inmigración desde enero de 2025."),
            new Labelled(false, "HRA data sharing", "Agreements between HRA and DHS/ICE about sharing records of benefit applicants' immigration status."),
            new Labelled(false, "A-number queries", "Logs of queries where NYPD ran an A-number or alien registration number through federal databases."),
            new Labelled(false, "Task force", "Memoranda of understanding with ICE or HSI task forces; my understanding is there were two in 2019."),
            new Labelled(false, "Court", "Communications about ICE arrests at courthouses, including records that reference alien files or I-213s."),
            new Labelled(false, "My records request", "My records request concerns DOC's 287(g) discussions with ICE in 2018-2020."),
            new Labelled(false, "Contracts", "Contracts for immigration legal services funded by MOIA, and my office's correspondence on them is not requested."),
            new Labelled(false, "Visitas", "Registros de visitas de agentes de ICE a los refugios de la ciudad en 2025."),
            new Labelled(false, "Deportation flights", "Records of city communications about deportation flights out of JFK, e-mails and calendars."),
            new Labelled(false, "Sanctuary", "All e-mails of the Commissioner containing the words ICE, detainer, or A-file between 2024 and 2025."));

    @Test
    void prints_precision_and_recall_and_holds_them_high() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder wrong = new StringBuilder();
        for (Labelled l : SET) {
            boolean got = OwnImmigrationFile.asks(l.title(), l.text());
            if (got && l.ownFile()) tp++;
            if (got && !l.ownFile()) fp++;
            if (!got && l.ownFile()) fn++;
            if (got != l.ownFile()) wrong.append("  ").append(l.ownFile() ? "missed: " : "false alarm: ").append(l.title()).append('\n');
        }
        double precision = tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("Own immigration file (%d texts, %d own-file): precision %.2f, recall %.2f%n%s", SET.size(),
                SET.stream().filter(Labelled::ownFile).count(), precision, recall, wrong);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void an_a_number_in_passing_does_not_trigger() {
        assertThat(OwnImmigrationFile.asks("ICE e-mails", "E-mails with ICE listing A-numbers such as A-123-456-789.")).isFalse();
        assertThat(OwnImmigrationFile.asks("Mine", "my A-file please")).isTrue();
        assertThat(OwnImmigrationFile.asks(null, null)).isFalse();
    }
}
