package org.sightline.pattern.stream;

/**
 * The longest run of plain characters that every match of a regular expression must contain, so
 * that MATCHES indicators can be found through a substring index instead of running every regex
 * on every event. Returns null when no such run can be proven (alternation, flags, short runs).
 */
final class RequiredLiteral {
    static final int MIN_LENGTH = 3;

    private RequiredLiteral() {
    }

    static String of(String regex) {
        if (regex.startsWith("(?")) {
            return null; // inline flags (case-insensitivity) change what a literal means
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= regex.length()) {
                        return null;
                    }
                    char next = regex.charAt(++i);
                    if (Character.isLetterOrDigit(next)) {
                        best = longer(best, run); // \d, \w, \b, \1 …: not a literal
                        run.setLength(0);
                    } else {
                        run.append(next);
                    }
                }
                case '|' -> {
                    if (depth == 0) {
                        return null; // a top-level alternative need not contain any particular run
                    }
                    run.setLength(0);
                }
                case '?', '*' -> {
                    if (run.length() > 0) {
                        run.setLength(run.length() - 1); // the previous character is optional
                    }
                    best = longer(best, run);
                    run.setLength(0);
                }
                case '{' -> {
                    if (run.length() > 0) {
                        run.setLength(run.length() - 1);
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    int close = regex.indexOf('}', i);
                    i = close < 0 ? regex.length() : close;
                }
                case '+', '^', '$', '.' -> {
                    if (c == '+') {
                        best = longer(best, run);
                        run.setLength(0);
                        continue;
                    }
                    best = longer(best, run);
                    run.setLength(0);
                }
                case '(' -> {
                    depth++;
                    best = longer(best, run);
                    run.setLength(0);
                }
                case ')' -> {
                    depth--;
                    // a group may be quantified or hold alternatives: what it contained is not required
                    run.setLength(0);
                }
                case '[' -> {
                    best = longer(best, run);
                    run.setLength(0);
                    int close = regex.indexOf(']', i + 2);
                    i = close < 0 ? regex.length() : close;
                }
                default -> {
                    if (depth == 0) {
                        run.append(c);
                    }
                }
            }
        }
        best = longer(best, run);
        return best.length() >= MIN_LENGTH ? best : null;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
