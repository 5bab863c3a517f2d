package nyc.daylight.records.extract;



/** The readers Daylight has, each with the facet kind its documents are shown under. */
enum Format {
    PDF("pdf", "PDF"),
    IMAGE("image", "image"),
    EMAIL("email", "email"),
    TEXT("text", "text file"),
    HTML("text", "HTML file"),
    CSV("csv", "CSV file"),
    XLSX("spreadsheet", "spreadsheet"),
    XLS("spreadsheet", "spreadsheet"),
    DOCX("word", "Word document"),
    DOC("word", "Word document"),
    ZIP("archive", "ZIP archive"),
    MSG("email", "Outlook message"),
    TNEF("email", "winmail.dat attachment"),
    MBOX("archive", "mailbox"),
    RTF("word", "RTF document"),
    ODT("word", "OpenDocument file"),
    ODS("spreadsheet", "OpenDocument spreadsheet"),
    PPTX("presentation", "presentation"),
    PPT("presentation", "presentation"),
    UNSUPPORTED("other", "file");

    private final String kind;
    private final String label;

    Format(String kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    String kind() {
        return kind;
    }

    /** How the format is named in a failure sentence ("The PDF could not be read"). */
    String label() {
        return label;
    }
}
