package org.sightline.store.search;

/** One full-text search result. */
public record SearchHit(String id, String type, String name, float score) {
}
