package org.sightline.intel.exposure;

import java.util.List;

/**
 * An organisation's exposure as of a date: actors ranked by how exposed it is to them, each with its
 * best paths (actor → supplier → … → organisation) and their reasons; suppliers ranked by the risk
 * they carry, with the actors that make it; and in one line why the first actor is first.
 */
public record Exposure(String organisation, String organisationName, String asOf, String whyFirst, List<RankedActor> actors,
                       List<RankedSupplier> suppliers) {

    public record RankedActor(String id, String name, double score, String activity, List<Path> paths) {
    }

    /**
     * {@code via}: the supplier the actor would compromise first, then each next hop to the organisation;
     * {@code evidence}: what the path's targeting rests on, strongest first.
     */
    public record Path(List<String> via, List<String> names, double score, List<String> reasons, List<Evidence> evidence) {
    }

    /**
     * One fact a path rests on: its dimension (supplier, service, sector, country), the kinds of source
     * that state it (sighting, campaign, relationship, claim, galaxy, technique), its weight in the
     * path's targeting after recency and specificity, how many actors hold it, the day of its newest
     * dated statement (null when none is dated), and every source.
     */
    public record Evidence(String dimension, String value, List<String> kinds, double weight, int actorsHolding, String dated,
                           List<String> sources) {
    }

    public record RankedSupplier(String id, String name, double score, List<String> topActors) {
    }
}
