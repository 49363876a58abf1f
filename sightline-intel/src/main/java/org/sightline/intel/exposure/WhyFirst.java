package org.sightline.intel.exposure;

import java.util.List;
import java.util.Locale;

/**
 * Why the first actor of a ranking is first, in one line: the strongest fact of its best path, the
 * way in it gives, and what the runner-up rests on, so a reader sees at once whether the lead is
 * a sighting at a supplier or a sector that half the galaxy lists.
 */
final class WhyFirst {
    private WhyFirst() {
    }

    static String of(List<Exposure.RankedActor> ranked, String organisation) {
        if (ranked.isEmpty() || ranked.get(0).paths().isEmpty()) {
            return "No actor on record targets any supplier of " + organisation + ", their sectors, services or countries.";
        }
        Exposure.RankedActor first = ranked.get(0);
        Exposure.Path path = first.paths().get(0);
        StringBuilder line = new StringBuilder(first.name()).append(" is first (").append(score(first)).append("): ")
                .append(rests(path)).append(", through ").append(String.join(" → ", path.names())).append(" to ").append(organisation);
        if (ranked.size() > 1 && !ranked.get(1).paths().isEmpty()) {
            Exposure.RankedActor second = ranked.get(1);
            line.append("; next, ").append(second.name()).append(" (").append(score(second)).append(") ")
                    .append(rests(second.paths().get(0)));
        }
        return line.append('.').toString();
    }

    private static String score(Exposure.RankedActor actor) {
        return String.format(Locale.ROOT, "%.2f", actor.score());
    }

    /** The path's strongest fact in words, with who states it and how many actors share it. */
    private static String rests(Exposure.Path path) {
        Exposure.Evidence best = path.evidence().get(0);
        String supplier = path.names().get(0);
        String what = switch (best.dimension()) {
            case "supplier" -> best.kinds().contains(TargetingFacts.Kind.SIGHTING.label()) ? "was sighted at " + supplier
                    : "targets " + supplier + " by name";
            case "service" -> "targets " + best.value() + " providers such as " + supplier;
            case "sector" -> "targets the " + best.value() + " sector, " + supplier + "'s";
            default -> "targets organisations in " + best.value() + ", where " + supplier + " is";
        };
        String shared = "supplier".equals(best.dimension()) ? "" : ", as " + best.actorsHolding() + (best.actorsHolding() == 1 ? " actor does" : " actors do");
        return what + " (" + String.join(", ", best.kinds()) + shared + ")";
    }
}
