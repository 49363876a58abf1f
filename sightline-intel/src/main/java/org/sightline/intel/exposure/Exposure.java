package org.sightline.intel.exposure;

import java.util.List;

/**
 * An organisation's exposure as of a date: actors ranked by how exposed it is to them, each with its
 * best paths (actor → supplier → … → organisation) and their reasons; and suppliers ranked by the
 * risk they carry, with the actors that make it.
 */
public record Exposure(String organisation, String organisationName, String asOf, List<RankedActor> actors,
                       List<RankedSupplier> suppliers) {

    public record RankedActor(String id, String name, double score, String activity, List<Path> paths) {
    }

    /** {@code via}: the supplier the actor would compromise first, then each next hop to the organisation. */
    public record Path(List<String> via, List<String> names, double score, List<String> reasons) {
    }

    public record RankedSupplier(String id, String name, double score, List<String> topActors) {
    }
}
