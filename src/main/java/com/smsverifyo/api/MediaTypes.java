package com.smsverifyo.api;

import java.util.Locale;

/** The little content negotiation the API does: JSON, or CSV for the list endpoints that export. */
final class MediaTypes {
    static final String CSV = "text/csv";
    private static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * Whether an {@code Accept} header prefers {@code text/csv} to {@code application/json}: a higher
     * quality wins, then the more specific range ({@code text/csv} over {@code text/*} over
     * {@code *}{@code /*}). No header, or a tie, means JSON.
     */
    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Match csv = match(accept, CSV);
        Match json = match(accept, JSON);
        if (csv.quality() <= 0) {
            return false;
        }
        return csv.quality() > json.quality()
                || (csv.quality() == json.quality() && csv.specificity() > json.specificity());
    }

    /** How well {@code type} is accepted: the quality of the most specific range that covers it. */
    private static Match match(String accept, String type) {
        String[] wanted = type.split("/");
        Match best = new Match(-1, 0);
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] media = parts[0].strip().toLowerCase(Locale.ROOT).split("/");
            if (media.length != 2) {
                continue;
            }
            int specificity;
            if (media[0].equals(wanted[0]) && media[1].equals(wanted[1])) {
                specificity = 3;
            } else if (media[0].equals(wanted[0]) && media[1].equals("*")) {
                specificity = 2;
            } else if (media[0].equals("*") && media[1].equals("*")) {
                specificity = 1;
            } else {
                continue;
            }
            if (specificity > best.specificity()) {
                best = new Match(specificity, quality(parts));
            }
        }
        return best.specificity() < 0 ? new Match(0, 0) : best;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private record Match(int specificity, double quality) {
    }
}
