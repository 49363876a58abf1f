package org.sightline.pattern.match;

import java.time.Duration;
import org.sightline.error.LimitExceededException;

/**
 * How much one pattern evaluation may spend: a wall-clock deadline and a number of candidate
 * bindings. A pattern from an API caller is untrusted: a backtracking regular expression or
 * {@code REPEATS 10 TIMES} over a hundred observations would otherwise hold a core or fill the heap.
 * Regular expressions see their input through {@link #watch}, which checks the clock as the regex
 * engine reads it, so even catastrophic backtracking stops at the deadline.
 */
public final class EvaluationBudget {
    /** For trusted, local work: the CLI on the user's own files, the streaming matcher's single events. */
    public static final EvaluationBudget UNLIMITED = new EvaluationBudget(null, Long.MAX_VALUE);

    private static final int CLOCK_EVERY = 4096;

    private final Duration time;
    private final long deadlineNanos;
    private final long maxBindings;
    private long bindings;
    private int sinceClock;

    private EvaluationBudget(Duration time, long maxBindings) {
        this.time = time;
        this.deadlineNanos = time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos();
        this.maxBindings = maxBindings;
    }

    /** A budget that starts now. Not shared between threads: one evaluation, one budget. */
    public static EvaluationBudget of(Duration time, long maxBindings) {
        return new EvaluationBudget(time, maxBindings);
    }

    boolean unlimited() {
        return this == UNLIMITED;
    }

    /** Counts one candidate binding (kept or dropped). */
    void binding() {
        if (unlimited()) {
            return;
        }
        if (++bindings > maxBindings) {
            throw new LimitExceededException("the pattern needs more than " + maxBindings + " candidate bindings of observations "
                    + "(the limit per evaluation); narrow it (fewer REPEATS, a WITHIN window, more specific comparisons) or send fewer observations");
        }
        tick();
    }

    /** Checks the clock now and then; throws once the deadline has passed. */
    void tick() {
        if (unlimited() || ++sinceClock < CLOCK_EVERY) {
            return;
        }
        sinceClock = 0;
        if (System.nanoTime() > deadlineNanos) {
            throw new LimitExceededException("the pattern took longer than " + time.toMillis() + " ms to evaluate "
                    + "(the limit per evaluation); simplify its regular expressions (MATCHES, LIKE) or its qualifiers");
        }
    }

    /** The text as a regular expression should read it: under a budget, each read counts against the clock. */
    CharSequence watch(String text) {
        return unlimited() ? text : new WatchedText(text, this);
    }

    /** A string whose every read ticks the budget's clock. */
    private record WatchedText(String text, EvaluationBudget budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            budget.tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new WatchedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
