package nyc.daylight.records.correspondents;

import java.util.Locale;

/**
 * Which side of the correspondence a domain is on, and which office. The domains are the
 * agencies' own (ice.dhs.gov, cbp.dhs.gov, uscis.dhs.gov under dhs.gov; nyc.gov subdomains and
 * nypd.org for the city). A signature line refines ICE into its directorates: Enforcement and
 * Removal Operations (and its New York field office) and Homeland Security Investigations.
 */
public final class Offices {
    public enum Side { FEDERAL, CITY, OTHER }

    public record Office(Side side, String name) {
    }

    private Offices() {
    }

    public static Office classify(String domain, String pageText) {
        String d = domain.toLowerCase(Locale.ROOT);
        String text = pageText == null ? "" : pageText.toLowerCase(Locale.ROOT);
        if (Addresses.isNotesHierarchy(d)) {
            return notes(d, text);
        }
        if (d.equals("ice.dhs.gov") || d.endsWith(".ice.dhs.gov")) {
            if (text.contains("homeland security investigations") || text.matches("(?s).*\\bhsi\\b.*")) {
                return new Office(Side.FEDERAL, "ICE HSI");
            }
            if (text.contains("enforcement and removal operations") || text.matches("(?s).*\\bero\\b.*")) {
                return new Office(Side.FEDERAL, text.contains("new york") ? "ICE ERO New York Field Office" : "ICE ERO");
            }
            return new Office(Side.FEDERAL, "ICE");
        }
        if (d.equals("cbp.dhs.gov") || d.endsWith(".cbp.dhs.gov")) {
            return new Office(Side.FEDERAL, "CBP");
        }
        if (d.equals("uscis.dhs.gov") || d.endsWith(".uscis.dhs.gov")) {
            return new Office(Side.FEDERAL, "USCIS");
        }
        if (d.equals("dhs.gov") || d.endsWith(".dhs.gov")) {
            return new Office(Side.FEDERAL, "DHS");
        }
        if (d.equals("nypd.org") || d.endsWith(".nypd.org")) {
            return new Office(Side.CITY, "NYPD");
        }
        if (d.equals("nyc.gov")) {
            return new Office(Side.CITY, "NYC");
        }
        if (d.endsWith(".nyc.gov")) {
            String sub = d.substring(0, d.length() - ".nyc.gov".length());
            int dot = sub.lastIndexOf('.');
            return new Office(Side.CITY, sub.substring(dot + 1).toUpperCase(Locale.ROOT));
        }
        return new Office(Side.OTHER, d);
    }

    /**
     * A Notes hierarchy ("nypd/nyc", "ero/ice/dhs"): the city's Notes organisation is NYC, so its
     * first unit is the agency; a DHS or ICE unit anywhere is the federal side.
     */
    private static Office notes(String hierarchy, String text) {
        java.util.List<String> units = java.util.List.of(hierarchy.split("/"));
        if (units.contains("ice") || units.contains("hsi") || units.contains("ero")) {
            String unit = units.contains("hsi") ? "ice.dhs.gov hsi" : units.contains("ero") ? "ice.dhs.gov ero" : "";
            return classify("ice.dhs.gov", unit.isEmpty() ? text : unit + " " + text);
        }
        if (units.contains("dhs")) {
            return new Office(Side.FEDERAL, "DHS");
        }
        if (units.getLast().equals("nyc")) {
            return new Office(Side.CITY, units.size() == 1 ? "NYC" : units.getFirst().toUpperCase(Locale.ROOT));
        }
        return new Office(Side.OTHER, hierarchy);
    }
}
