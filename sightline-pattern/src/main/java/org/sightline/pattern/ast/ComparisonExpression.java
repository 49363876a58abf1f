package org.sightline.pattern.ast;

import java.util.List;

/** The inside of an observation: comparisons of object properties, joined by AND or OR. */
public sealed interface ComparisonExpression {

    /** {@code path [NOT] operator value}. */
    record Comparison(ObjectPath path, ComparisonOperator operator, boolean negated, Literal value)
            implements ComparisonExpression {
    }

    /** {@code [NOT] EXISTS path}. */
    record Exists(ObjectPath path, boolean negated) implements ComparisonExpression {
    }

    record Combined(BooleanOperator operator, List<ComparisonExpression> operands) implements ComparisonExpression {
        public Combined {
            operands = List.copyOf(operands);
        }
    }

    record Grouped(ComparisonExpression expression) implements ComparisonExpression {
    }

    enum BooleanOperator { AND, OR }
}
