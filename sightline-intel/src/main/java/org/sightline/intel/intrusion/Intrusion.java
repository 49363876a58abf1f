package org.sightline.intel.intrusion;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an intrusion shows that can point at who did it: the ATT&CK techniques and software
 * seen, the sectors and countries hit, when it happened, the indicator values it left (domains,
 * addresses, hashes), and what sources already claim about it (each an actor and the claim's
 * probability). Any part may be empty; {@code from}/{@code to} may be null.
 */
public record Intrusion(String id, String name, List<String> techniques, List<String> software, List<String> sectors,
                        List<String> countries, LocalDate from, LocalDate to, List<String> indicators,
                        List<SourceClaim> claims) {

    /** A source's claim that an actor is behind the intrusion, with its probability (0–1) and who says so. */
    public record SourceClaim(String actorId, double probability, String source) {
    }

    public Intrusion {
        techniques = List.copyOf(techniques);
        software = List.copyOf(software);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        indicators = List.copyOf(indicators);
        claims = List.copyOf(claims);
    }

    /** The same intrusion without what sources claim about it (the benchmark attributes from evidence alone). */
    public Intrusion withoutClaims() {
        return new Intrusion(id, name, techniques, software, sectors, countries, from, to, indicators, List.of());
    }

    public boolean dated() {
        return from != null || to != null;
    }
}
