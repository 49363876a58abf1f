package org.sightline.intel.actors;

/** An actor a name might refer to, with a score from 0 (unlike) to 1 (the same name). */
public record Candidate(String id, String name, String matchedName, double score) {
}
