package org.sightline.intel.claims;

import java.time.Instant;
import java.util.List;
import org.sightline.intel.attribution.Credibility;
import org.sightline.intel.attribution.Evidence;
import org.sightline.intel.attribution.Reliability;
import org.sightline.stix.StixTimestamp;

/**
 * An evidence item as recorded (a STIX note with Sightline's evidence extension): the claims it bears
 * on, whether it supports or refutes them, its kind, the source that provided it and the analyst's
 * Admiralty grade, the origin it derives from, its dates, an excerpt, a URL and the archived
 * artifact's SHA-256. It became knowable when it was published, else when it was collected, else
 * when it was observed.
 */
public record EvidenceItem(String id, String title, List<String> claims, Evidence.Stance stance, String kind,
                           Claim.End source, Reliability reliability, Credibility credibility, String origin,
                           String observed, String published, String collected, String excerpt, String url,
                           String artifactSha256) {

    /** Kinds an analyst records; others are accepted as written. */
    public static final List<String> KINDS = List.of("infrastructure-overlap", "malware-code-reuse", "ttp-overlap",
            "imagery", "travel-records", "financial-records", "job-adverts", "social-media", "leaked-documents",
            "official-statement", "indictment", "opinion", "other");

    public Instant knownFrom() {
        String date = published != null ? published : collected != null ? collected : observed;
        return StixTimestamp.parse(date);
    }

    /** The form the confidence model weighs. */
    public Evidence weighed() {
        return new Evidence(id, stance, kind, source.name(), reliability, credibility, origin, knownFrom());
    }
}
