package org.sightline.intel.actors;

import java.util.List;
import java.util.Map;

/**
 * The full actor card: everything known about one actor across the objects linked to it, each
 * fact with where it comes from.
 */
public record ActorProfile(String id, String name, String externalId, List<ActorCard.Alias> aliases,
                           List<Sourced> countries, List<Sourced> stateSponsors, List<Sourced> targetSectors,
                           List<Sourced> victimCountries, Map<String, List<Named>> techniquesByTactic,
                           List<Named> software, List<Named> campaigns, List<Named> associated,
                           String firstSeen, String lastSeen, List<String> references, String summary) {

    /** A value and who states it. */
    public record Sourced(String value, List<String> sources) {
    }

    /** An object by id, name and (when it has one) ATT&CK id; {@code detail} says how it relates. */
    public record Named(String id, String name, String externalId, String detail) {
    }
}
