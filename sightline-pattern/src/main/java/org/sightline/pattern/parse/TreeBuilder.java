package org.sightline.pattern.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;
import org.sightline.pattern.ast.ObjectPath;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Qualifier;
import org.sightline.pattern.grammar.StixPatternLexer;
import org.sightline.pattern.grammar.StixPatternParser;
import org.sightline.stix.StixTimestamp;

/** Turns ANTLR's parse tree into Sightline's syntax tree, decoding every literal on the way. */
final class TreeBuilder {

    ObservationExpression observations(StixPatternParser.ObservationExpressionsContext ctx) {
        if (ctx.FOLLOWEDBY() != null) {
            return combine(ObservationExpression.ObservationOperator.FOLLOWEDBY,
                    observations(ctx.observationExpressions(0)), observations(ctx.observationExpressions(1)));
        }
        return or(ctx.observationExpressionOr());
    }

    private ObservationExpression or(StixPatternParser.ObservationExpressionOrContext ctx) {
        if (ctx.OR() != null) {
            return combine(ObservationExpression.ObservationOperator.OR, or(ctx.observationExpressionOr(0)),
                    or(ctx.observationExpressionOr(1)));
        }
        return and(ctx.observationExpressionAnd());
    }

    private ObservationExpression and(StixPatternParser.ObservationExpressionAndContext ctx) {
        if (ctx.AND() != null) {
            return combine(ObservationExpression.ObservationOperator.AND, and(ctx.observationExpressionAnd(0)),
                    and(ctx.observationExpressionAnd(1)));
        }
        return observation(ctx.observationExpression());
    }

    /** Left-associative chains of one operator become one n-ary node. */
    private static ObservationExpression combine(ObservationExpression.ObservationOperator operator,
                                                 ObservationExpression left, ObservationExpression right) {
        List<ObservationExpression> operands = new ArrayList<>();
        if (left instanceof ObservationExpression.Combined c && c.operator() == operator) {
            operands.addAll(c.operands());
        } else {
            operands.add(left);
        }
        operands.add(right);
        return new ObservationExpression.Combined(operator, operands);
    }

    private ObservationExpression observation(StixPatternParser.ObservationExpressionContext ctx) {
        if (ctx instanceof StixPatternParser.ObservationSimpleContext simple) {
            return new ObservationExpression.Observation(comparison(simple.comparisonExpression()));
        }
        if (ctx instanceof StixPatternParser.ObservationGroupContext group) {
            return new ObservationExpression.Grouped(observations(group.observationExpressions()));
        }
        if (ctx instanceof StixPatternParser.ObservationWithinContext within) {
            TerminalNode number = within.withinQualifier().IntPosLiteral() != null
                    ? within.withinQualifier().IntPosLiteral() : within.withinQualifier().FloatPosLiteral();
            // WITHIN 0 SECONDS parses; the validator and the matcher refuse it.
            BigDecimal seconds = new BigDecimal(stripPlus(number.getText()));
            return new ObservationExpression.Qualified(observation(within.observationExpression()),
                    new Qualifier.Within(seconds));
        }
        if (ctx instanceof StixPatternParser.ObservationRepeatedContext repeated) {
            TerminalNode number = repeated.repeatedQualifier().IntPosLiteral();
            BigInteger times = new BigInteger(stripPlus(number.getText()));
            if (times.signum() <= 0 || times.bitLength() > 31) {
                throw error(number.getSymbol(), "REPEATS needs a whole number of times from 1 to 2147483647");
            }
            return new ObservationExpression.Qualified(observation(repeated.observationExpression()),
                    new Qualifier.Repeats(times.intValue()));
        }
        StixPatternParser.ObservationStartStopContext startStop = (StixPatternParser.ObservationStartStopContext) ctx;
        StixPatternParser.StartStopQualifierContext q = startStop.startStopQualifier();
        Token start = (Token) q.getChild(1).getPayload();
        Token stop = (Token) q.getChild(3).getPayload();
        boolean plainStrings = start.getType() == StixPatternLexer.StringLiteral
                || stop.getType() == StixPatternLexer.StringLiteral;
        return new ObservationExpression.Qualified(observation(startStop.observationExpression()),
                new Qualifier.StartStop(timestamp(start), timestamp(stop), plainStrings));
    }

    ComparisonExpression comparison(StixPatternParser.ComparisonExpressionContext ctx) {
        if (ctx.OR() != null) {
            return combine(ComparisonExpression.BooleanOperator.OR, comparison(ctx.comparisonExpression(0)),
                    comparison(ctx.comparisonExpression(1)));
        }
        return comparisonAnd(ctx.comparisonExpressionAnd());
    }

    private ComparisonExpression comparisonAnd(StixPatternParser.ComparisonExpressionAndContext ctx) {
        if (ctx.AND() != null) {
            return combine(ComparisonExpression.BooleanOperator.AND, comparisonAnd(ctx.comparisonExpressionAnd(0)),
                    comparisonAnd(ctx.comparisonExpressionAnd(1)));
        }
        return test(ctx.propTest());
    }

    private static ComparisonExpression combine(ComparisonExpression.BooleanOperator operator,
                                                ComparisonExpression left, ComparisonExpression right) {
        List<ComparisonExpression> operands = new ArrayList<>();
        if (left instanceof ComparisonExpression.Combined c && c.operator() == operator) {
            operands.addAll(c.operands());
        } else {
            operands.add(left);
        }
        operands.add(right);
        return new ComparisonExpression.Combined(operator, operands);
    }

    private ComparisonExpression test(StixPatternParser.PropTestContext ctx) {
        if (ctx instanceof StixPatternParser.PropTestParenContext paren) {
            return new ComparisonExpression.Grouped(comparison(paren.comparisonExpression()));
        }
        if (ctx instanceof StixPatternParser.PropTestExistsContext exists) {
            return new ComparisonExpression.Exists(path(exists.objectPath()), exists.NOT() != null);
        }
        if (ctx instanceof StixPatternParser.PropTestEqualContext equal) {
            ComparisonOperator operator = equal.EQ() != null ? ComparisonOperator.EQ : ComparisonOperator.NEQ;
            return new ComparisonExpression.Comparison(path(equal.objectPath()), operator, equal.NOT() != null,
                    primitive(equal.primitiveLiteral()));
        }
        if (ctx instanceof StixPatternParser.PropTestOrderContext order) {
            ComparisonOperator operator = order.GT() != null ? ComparisonOperator.GT
                    : order.LT() != null ? ComparisonOperator.LT
                    : order.GE() != null ? ComparisonOperator.GE : ComparisonOperator.LE;
            return new ComparisonExpression.Comparison(path(order.objectPath()), operator, order.NOT() != null,
                    orderable(order.orderableLiteral()));
        }
        if (ctx instanceof StixPatternParser.PropTestSetContext set) {
            List<Literal> values = new ArrayList<>();
            for (StixPatternParser.PrimitiveLiteralContext item : set.setLiteral().primitiveLiteral()) {
                values.add(primitive(item));
            }
            return new ComparisonExpression.Comparison(path(set.objectPath()), ComparisonOperator.IN, set.NOT() != null,
                    new Literal.SetValue(values));
        }
        if (ctx instanceof StixPatternParser.PropTestLikeContext like) {
            return stringTest(like.objectPath(), ComparisonOperator.LIKE, like.NOT(), like.StringLiteral());
        }
        if (ctx instanceof StixPatternParser.PropTestRegexContext regex) {
            return stringTest(regex.objectPath(), ComparisonOperator.MATCHES, regex.NOT(), regex.StringLiteral());
        }
        if (ctx instanceof StixPatternParser.PropTestIsSubsetContext subset) {
            return stringTest(subset.objectPath(), ComparisonOperator.ISSUBSET, subset.NOT(), subset.StringLiteral());
        }
        StixPatternParser.PropTestIsSupersetContext superset = (StixPatternParser.PropTestIsSupersetContext) ctx;
        return stringTest(superset.objectPath(), ComparisonOperator.ISSUPERSET, superset.NOT(), superset.StringLiteral());
    }

    private ComparisonExpression stringTest(StixPatternParser.ObjectPathContext path, ComparisonOperator operator,
                                            TerminalNode not, TerminalNode string) {
        return new ComparisonExpression.Comparison(path(path), operator, not != null,
                new Literal.StringValue(unquote(string.getText())));
    }

    private ObjectPath path(StixPatternParser.ObjectPathContext ctx) {
        List<ObjectPath.Step> steps = new ArrayList<>();
        StixPatternParser.FirstPathComponentContext first = ctx.firstPathComponent();
        steps.add(first.StringLiteral() != null ? new ObjectPath.Key(unquote(first.getText()), true)
                : new ObjectPath.Key(first.getText(), false));
        if (ctx.objectPathComponent() != null) {
            addSteps(ctx.objectPathComponent(), steps);
        }
        return new ObjectPath(ctx.objectType().getText(), steps);
    }

    private void addSteps(StixPatternParser.ObjectPathComponentContext ctx, List<ObjectPath.Step> steps) {
        if (ctx instanceof StixPatternParser.PathStepContext pair) {
            addSteps(pair.objectPathComponent(0), steps);
            addSteps(pair.objectPathComponent(1), steps);
        } else if (ctx instanceof StixPatternParser.KeyPathStepContext key) {
            steps.add(key.StringLiteral() != null ? new ObjectPath.Key(unquote(key.StringLiteral().getText()), true)
                    : new ObjectPath.Key(key.IdentifierWithoutHyphen().getText(), false));
        } else {
            StixPatternParser.IndexPathStepContext index = (StixPatternParser.IndexPathStepContext) ctx;
            if (index.ASTERISK() != null) {
                steps.add(new ObjectPath.AnyIndex());
            } else {
                TerminalNode number = index.IntPosLiteral() != null ? index.IntPosLiteral() : index.IntNegLiteral();
                BigInteger value = new BigInteger(stripPlus(number.getText()));
                if (value.bitLength() > 31) {
                    throw error(number.getSymbol(), "list index " + value + " is out of range");
                }
                steps.add(new ObjectPath.Index(value.intValue()));
            }
        }
    }

    private Literal primitive(StixPatternParser.PrimitiveLiteralContext ctx) {
        if (ctx.BoolLiteral() != null) {
            return new Literal.BoolValue(Boolean.parseBoolean(ctx.BoolLiteral().getText()));
        }
        return orderable(ctx.orderableLiteral());
    }

    private Literal orderable(StixPatternParser.OrderableLiteralContext ctx) {
        Token token = ((TerminalNode) ctx.getChild(0)).getSymbol();
        String text = token.getText();
        return switch (token.getType()) {
            case StixPatternLexer.IntPosLiteral, StixPatternLexer.IntNegLiteral -> new Literal.IntValue(new BigInteger(stripPlus(text)));
            case StixPatternLexer.FloatPosLiteral, StixPatternLexer.FloatNegLiteral -> new Literal.FloatValue(new BigDecimal(stripPlus(text)));
            case StixPatternLexer.StringLiteral -> new Literal.StringValue(unquote(text));
            case StixPatternLexer.HexLiteral -> new Literal.BytesValue(HexFormat.of().parseHex(text.substring(2, text.length() - 1)), true);
            case StixPatternLexer.BinaryLiteral -> new Literal.BytesValue(Base64.getDecoder().decode(text.substring(2, text.length() - 1)), false);
            case StixPatternLexer.TimestampLiteral -> timestamp(token);
            default -> throw error(token, "unexpected literal " + text);
        };
    }

    /** A t'…' literal (or, in a 2.0 START/STOP, a plain string) holding a real instant. */
    private static Literal.TimestampValue timestamp(Token token) {
        String text = token.getText();
        String inner = token.getType() == StixPatternLexer.TimestampLiteral ? text.substring(2, text.length() - 1) : unquote(text);
        if (!StixTimestamp.isValid(inner)) {
            throw error(token, "'" + inner + "' is not a valid RFC 3339 UTC timestamp");
        }
        return new Literal.TimestampValue(inner, StixTimestamp.parse(inner));
    }

    /** Removes the quotes and resolves the two escapes, \' and \\. */
    static String unquote(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        if (inner.indexOf('\\') < 0) {
            return inner;
        }
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                out.append(inner.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripPlus(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }

    private static PatternSyntaxException error(Token token, String message) {
        return new PatternSyntaxException(token.getLine(), token.getCharPositionInLine(), token.getText(), message);
    }
}
