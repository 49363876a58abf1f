package org.sightline.pattern.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.stix.StixTimestamp;

/** Property: any pattern tree the parser could produce prints to text that parses back to the same tree. */
class PatternRoundTripPropertyTest {

    @Property(tries = 1000)
    void printedPatternsParseBackToTheSameTree(@ForAll("patterns") ObservationExpression tree) {
        String text = PatternPrinter.print(tree);
        assertThat(PatternParser.parse(text).expression()).as(text).isEqualTo(tree);
    }

    @Provide
    Arbitrary<ObservationExpression> patterns() {
        return observations(3);
    }

    private Arbitrary<ObservationExpression> observations(int depth) {
        Arbitrary<ObservationExpression> leaf = comparisons(2).map(ObservationExpression.Observation::new);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ObservationExpression> grouped = observations(depth - 1).map(ObservationExpression.Grouped::new);
        Arbitrary<ObservationExpression> qualified = Combinators.combine(Arbitraries.oneOf(leaf, grouped), qualifiers())
                .as(ObservationExpression.Qualified::new);
        // Qualifiers bind tightest: a qualified operand needs no parentheses, and may be qualified again.
        Arbitrary<ObservationExpression> twiceQualified = Combinators.combine(qualified, qualifiers())
                .as(ObservationExpression.Qualified::new);
        Arbitrary<ObservationExpression> operand = Arbitraries.oneOf(leaf, grouped, qualified);
        Arbitrary<ObservationExpression> combined = Combinators.combine(
                Arbitraries.of(ObservationExpression.ObservationOperator.class), operand.list().ofMinSize(2).ofMaxSize(3))
                .as(ObservationExpression.Combined::new);
        return Arbitraries.oneOf(leaf, grouped, combined, qualified, twiceQualified);
    }

    private Arbitrary<Qualifier> qualifiers() {
        Arbitrary<Qualifier> within = Arbitraries.bigDecimals().between(BigDecimal.valueOf(0.001), BigDecimal.valueOf(100000))
                .ofScale(3).map(Qualifier.Within::new);
        Arbitrary<Qualifier> repeats = Arbitraries.integers().between(1, 1000).map(Qualifier.Repeats::new);
        Arbitrary<Qualifier> startStop = timestamps().tuple2().filter(t -> t.get1().instant().isBefore(t.get2().instant()))
                .map(t -> new Qualifier.StartStop(t.get1(), t.get2(), false));
        return Arbitraries.oneOf(within, repeats, startStop);
    }

    private Arbitrary<ComparisonExpression> comparisons(int depth) {
        Arbitrary<ComparisonExpression> leaf = Arbitraries.oneOf(
                Combinators.combine(paths(), Arbitraries.of(ComparisonOperator.EQ, ComparisonOperator.NEQ),
                        Arbitraries.of(true, false), primitives())
                        .as(ComparisonExpression.Comparison::new),
                Combinators.combine(paths(), Arbitraries.of(ComparisonOperator.GT, ComparisonOperator.LT,
                                ComparisonOperator.GE, ComparisonOperator.LE), Arbitraries.of(true, false), orderables())
                        .as(ComparisonExpression.Comparison::new),
                Combinators.combine(paths(), Arbitraries.of(ComparisonOperator.LIKE, ComparisonOperator.MATCHES,
                                ComparisonOperator.ISSUBSET, ComparisonOperator.ISSUPERSET), Arbitraries.of(true, false), strings())
                        .as(ComparisonExpression.Comparison::new),
                Combinators.combine(paths(), Arbitraries.of(true, false), primitives().list().ofMaxSize(3))
                        .as((path, negated, values) -> new ComparisonExpression.Comparison(path, ComparisonOperator.IN,
                                negated, new Literal.SetValue(values))),
                Combinators.combine(paths(), Arbitraries.of(true, false)).as(ComparisonExpression.Exists::new));
        if (depth == 0) {
            return leaf;
        }
        // Operands are single tests or parenthesised groups, as the parser builds them: AND binds tighter
        // than OR, so a bare OR can never sit inside an AND.
        Arbitrary<ComparisonExpression> operand = Arbitraries.oneOf(leaf,
                comparisons(depth - 1).map(ComparisonExpression.Grouped::new));
        Arbitrary<ComparisonExpression> combined = Combinators.combine(
                Arbitraries.of(ComparisonExpression.BooleanOperator.class), operand.list().ofMinSize(2).ofMaxSize(3))
                .as(ComparisonExpression.Combined::new);
        return Arbitraries.oneOf(leaf, combined);
    }

    private Arbitrary<ObjectPath> paths() {
        Arbitrary<String> identifiers = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !List.of("true", "false").contains(s));
        Arbitrary<String> types = Arbitraries.of("file", "ipv4-addr", "network-traffic", "x-custom-thing", "url");
        Arbitrary<ObjectPath.Step> step = Arbitraries.oneOf(
                identifiers.map(name -> new ObjectPath.Key(name, false)),
                Arbitraries.strings().ofMaxLength(8).map(name -> new ObjectPath.Key(name, true)),
                Arbitraries.integers().between(-5, 20).map(ObjectPath.Index::new),
                Arbitraries.just(new ObjectPath.AnyIndex()));
        return Combinators.combine(types, identifiers, step.list().ofMaxSize(3)).as((type, first, rest) -> {
            List<ObjectPath.Step> steps = new ArrayList<>();
            steps.add(new ObjectPath.Key(first, false));
            steps.addAll(rest);
            return new ObjectPath(type, steps);
        });
    }

    private Arbitrary<Literal> strings() {
        return Arbitraries.strings().ofMaxLength(12).map(Literal.StringValue::new);
    }

    private Arbitrary<Literal> primitives() {
        return Arbitraries.oneOf(orderables(), Arbitraries.of(true, false).map(Literal.BoolValue::new));
    }

    private Arbitrary<Literal> orderables() {
        return Arbitraries.oneOf(
                strings(),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000L))
                        .map(Literal.IntValue::new),
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e6), BigDecimal.valueOf(1e6)).ofScale(2)
                        .map(Literal.FloatValue::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> new Literal.BytesValue(b, true)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8).map(b -> new Literal.BytesValue(b, false)),
                timestamps().map(t -> t));
    }

    private Arbitrary<Literal.TimestampValue> timestamps() {
        return Arbitraries.longs().between(0, 4_000_000_000_000L).map(millis -> {
            String text = StixTimestamp.format(Instant.ofEpochMilli(millis));
            return new Literal.TimestampValue(text, Instant.ofEpochMilli(millis));
        });
    }
}
