package org.sightline.ingest.bundle;

import java.util.List;

/**
 * What happened to one input document. A rejected document changed nothing in the store; its
 * message says why, and {@code rejections} lists the invalid objects (at most 50 kept).
 */
public record FileOutcome(String source, boolean rejected, String message, long imported, long unchanged,
                          long invalid, List<Rejection> rejections) {
}
