package org.sightline.store.vault;

import java.util.List;

/** The outcome of re-hashing every artifact and walking the ledger; {@code problems} name what and where. */
public record VerifyReport(long entries, long artifacts, List<String> problems, double seconds) {
    public boolean intact() {
        return problems.isEmpty();
    }
}
