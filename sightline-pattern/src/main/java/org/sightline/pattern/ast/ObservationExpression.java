package org.sightline.pattern.ast;

import java.util.List;

/** What a pattern is made of: observations joined by AND, OR or FOLLOWEDBY, and qualified. */
public sealed interface ObservationExpression {

    /** {@code [ comparison ]}: one observation that satisfies the comparison. */
    record Observation(ComparisonExpression comparison) implements ObservationExpression {
    }

    /** Operands joined by one operator, left to right (FOLLOWEDBY is ordered in time). */
    record Combined(ObservationOperator operator, List<ObservationExpression> operands) implements ObservationExpression {
        public Combined {
            operands = List.copyOf(operands);
        }
    }

    /** An expression with a qualifier: WITHIN, REPEATS or START/STOP. */
    record Qualified(ObservationExpression expression, Qualifier qualifier) implements ObservationExpression {
    }

    /** Parentheses the author wrote; kept so that a printed pattern reads as written. */
    record Grouped(ObservationExpression expression) implements ObservationExpression {
    }

    enum ObservationOperator { AND, OR, FOLLOWEDBY }
}
