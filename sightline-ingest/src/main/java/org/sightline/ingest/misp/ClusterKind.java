package org.sightline.ingest.misp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * What a MISP threat-actor cluster describes, and so which STIX object it becomes. Most clusters
 * are groups (intrusion sets). MISP marks some as a campaign or operation in
 * {@code threat-actor-classification}; those become campaigns. A few are one person ("Natohub is a
 * hacker who claimed…") or one company ("X is a front company…"); those become threat actors with
 * the STIX resource level {@code individual} or {@code organization}, so that they are not mistaken
 * for a group. The galaxy has no field for persons, so the description's opening sentence decides;
 * the patterns are anchored on it, so that a group merely "suspected to be a private contractor"
 * stays a group, and the noun must end the phrase ("a cybercriminal who…", not "a cybercriminal
 * threat group").
 */
public enum ClusterKind {
    GROUP("intrusion-set", null, null),
    CAMPAIGN("campaign", null, null),
    PERSON("threat-actor", "hacker", "individual"),
    ORGANISATION("threat-actor", "unknown", "organization");

    private static final Pattern PERSON_OPENING = Pattern.compile(
            "^[^.]{0,60}?\\b(is|was) an? ((\\w+[- ]?){0,3})?(hacker|individual|person|persona|national|citizen|cybercriminal)"
                    + "(?=\\s+(who|active|based|known|operating|from|that)\\b|\\s*[.,;])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANISATION_OPENING = Pattern.compile(
            "^[^.]{0,60}?\\b(is|was) an? ((\\w+[- ]?){0,3})?(company|firm|contractor|corporation|front company)\\b",
            Pattern.CASE_INSENSITIVE);

    private final String stixType;
    private final String threatActorType;
    private final String resourceLevel;

    ClusterKind(String stixType, String threatActorType, String resourceLevel) {
        this.stixType = stixType;
        this.threatActorType = threatActorType;
        this.resourceLevel = resourceLevel;
    }

    public static ClusterKind of(JsonNode cluster) {
        for (JsonNode classification : cluster.path("meta").path("threat-actor-classification")) {
            String text = classification.asText().toLowerCase(java.util.Locale.ROOT);
            if (text.equals("campaign") || text.equals("operation")) {
                return CAMPAIGN;
            }
        }
        String description = cluster.path("description").asText("");
        if (PERSON_OPENING.matcher(description).find()) {
            return PERSON;
        }
        if (ORGANISATION_OPENING.matcher(description).find()) {
            return ORGANISATION;
        }
        return GROUP;
    }

    public String stixType() {
        return stixType;
    }

    /** The STIX threat-actor-type for a threat actor; null for the other kinds. */
    public String threatActorType() {
        return threatActorType;
    }

    /** The STIX attack-resource-level for a threat actor; null for the other kinds. */
    public String resourceLevel() {
        return resourceLevel;
    }
}
