package org.sightline.intel.screening;

/**
 * Edit distance (Damerau's: insertions, deletions, substitutions and two neighbouring letters swapped,
 * each one edit), computed only as far as a limit, since the names compared are usually far apart.
 */
final class EditDistance {
    private EditDistance() {
    }

    /** The edit distance between a and b, or {@code limit + 1} as soon as it is known to exceed the limit. */
    static int atMost(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowBest = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int distance = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    distance = Math.min(distance, beforePrevious[j - 2] + 1);
                }
                current[j] = distance;
                rowBest = Math.min(rowBest, distance);
            }
            if (rowBest > limit) {
                return limit + 1;
            }
            int[] reused = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = reused;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
