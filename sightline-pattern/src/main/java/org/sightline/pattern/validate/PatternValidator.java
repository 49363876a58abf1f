package org.sightline.pattern.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sightline.pattern.ast.ComparisonExpression;
import org.sightline.pattern.ast.ComparisonOperator;
import org.sightline.pattern.ast.Literal;
import org.sightline.pattern.ast.ObjectPath;
import org.sightline.pattern.ast.ObservationExpression;
import org.sightline.pattern.ast.Qualifier;
import org.sightline.pattern.parse.PatternParser;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.stix.validation.PatternCheck;

/**
 * Validates STIX patterns: the syntax (through the parser), then the rules the grammar cannot
 * state: one qualifier of each kind per observation expression (2.1), START before STOP, hash
 * values that fit their algorithm, regular expressions that compile, IP/CIDR operands of
 * ISSUBSET/ISSUPERSET. Unknown object types and properties are warnings (custom ones are legal).
 * As a {@link PatternCheck} it is what the STIX validator refuses an indicator's pattern by.
 */
public final class PatternValidator implements PatternCheck {
    private static final Map<String, Pattern> HASH_FORMATS = Map.of(
            "md5", Pattern.compile("^[a-fA-F0-9]{32}$"),
            "sha-1", Pattern.compile("^[a-fA-F0-9]{40}$"),
            "sha-256", Pattern.compile("^[a-fA-F0-9]{64}$"),
            "sha-512", Pattern.compile("^[a-fA-F0-9]{128}$"),
            "sha3-256", Pattern.compile("^[a-fA-F0-9]{64}$"),
            "sha3-512", Pattern.compile("^[a-fA-F0-9]{128}$"),
            "ssdeep", Pattern.compile("^[0-9]+:[a-zA-Z0-9/+]+:[a-zA-Z0-9/+]+$"),
            "tlsh", Pattern.compile("^(T1)?[a-fA-F0-9]{70}$"));
    private static final Pattern IP_OR_CIDR = Pattern.compile(
            "^(\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/\\d{1,3})?)$");

    @Override
    public List<String> errors(String pattern, String patternVersion) {
        return validate(pattern, patternVersion).errors();
    }

    public PatternReport validate(String text, String stixVersion) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PatternReport.SyntaxPosition position = null;
        try {
            ObservationExpression tree = PatternParser.parse(text, stixVersion).expression();
            new Checks(stixVersion, errors, warnings).observation(tree);
        } catch (PatternSyntaxException e) {
            errors.add(e.getMessage());
            position = new PatternReport.SyntaxPosition(e.line(), e.column(), e.offendingToken());
        }
        return new PatternReport(text, stixVersion, errors.isEmpty(), List.copyOf(errors), List.copyOf(warnings), position);
    }

    /** The rules, walking the tree once. */
    private record Checks(String stixVersion, List<String> errors, List<String> warnings) {

        void observation(ObservationExpression expression) {
            if (expression instanceof ObservationExpression.Observation o) {
                comparison(o.comparison());
            } else if (expression instanceof ObservationExpression.Combined c) {
                c.operands().forEach(this::observation);
            } else if (expression instanceof ObservationExpression.Grouped g) {
                observation(g.expression());
            } else if (expression instanceof ObservationExpression.Qualified q) {
                qualifier(q);
                observation(q.expression());
            }
        }

        /**
         * STIX 2.1 §9.7: one qualifier of each kind on an observation. As in the reference validator,
         * a parenthesised expression may be qualified again ("([a]) WITHIN 5 SECONDS WITHIN 6 SECONDS").
         */
        private void qualifier(ObservationExpression.Qualified qualified) {
            ObservationExpression base = qualified.expression();
            while (base instanceof ObservationExpression.Qualified nested) {
                base = nested.expression();
            }
            if ("2.1".equals(stixVersion) && base instanceof ObservationExpression.Observation) {
                ObservationExpression inner = qualified.expression();
                while (inner instanceof ObservationExpression.Qualified nested) {
                    if (nested.qualifier().kind().equals(qualified.qualifier().kind())) {
                        errors.add("Duplicate qualifier type encountered: " + qualified.qualifier().kind()
                                + " (one of each kind per observation expression; group with parentheses to repeat it)");
                        break;
                    }
                    inner = nested.expression();
                }
            }
            if (qualified.qualifier() instanceof Qualifier.StartStop startStop) {
                if (!startStop.start().instant().isBefore(startStop.stop().instant())) {
                    errors.add("START " + startStop.start().text() + " must be earlier than STOP " + startStop.stop().text());
                }
                if (startStop.plainStrings() && "2.1".equals(stixVersion)) {
                    warnings.add("STIX 2.1 writes START and STOP bounds as t'...' timestamps; '...' strings are STIX 2.0");
                }
            }
            if (qualified.qualifier() instanceof Qualifier.Within within && within.seconds().signum() <= 0) {
                errors.add("WITHIN needs a positive number of seconds, not " + within.seconds().toPlainString());
            }
        }

        void comparison(ComparisonExpression expression) {
            if (expression instanceof ComparisonExpression.Comparison c) {
                path(c.path());
                value(c);
            } else if (expression instanceof ComparisonExpression.Exists e) {
                path(e.path());
            } else if (expression instanceof ComparisonExpression.Combined c) {
                c.operands().forEach(this::comparison);
            } else if (expression instanceof ComparisonExpression.Grouped g) {
                comparison(g.expression());
            }
        }

        private void path(ObjectPath path) {
            var properties = ObservableProperties.BY_TYPE.get(path.objectType());
            if (properties == null) {
                if (!path.objectType().startsWith("x-")) {
                    warnings.add("'" + path.objectType() + "' is not a STIX cyber-observable type (custom types should start with x-)");
                }
            } else if ("2.1".equals(stixVersion) && !properties.contains(path.property()) && !path.property().startsWith("x_")) {
                warnings.add("'" + path.objectType() + "' has no property '" + path.property() + "' in STIX 2.1");
            }
        }

        private void value(ComparisonExpression.Comparison comparison) {
            if (comparison.value() instanceof Literal.StringValue string) {
                hash(comparison.path(), string.value());
                if (comparison.operator() == ComparisonOperator.MATCHES) {
                    try {
                        Pattern.compile(string.value());
                    } catch (java.util.regex.PatternSyntaxException e) {
                        errors.add("MATCHES '" + string.value() + "' is not a valid regular expression: "
                                + e.getMessage().split("\\R")[0]);
                    }
                }
                if ((comparison.operator() == ComparisonOperator.ISSUBSET || comparison.operator() == ComparisonOperator.ISSUPERSET)
                        && !IP_OR_CIDR.matcher(string.value()).matches()) {
                    errors.add(comparison.operator().text() + " needs an IP address or CIDR block, not '" + string.value() + "'");
                }
            } else if (comparison.value() instanceof Literal.SetValue set) {
                set.values().stream().filter(v -> v instanceof Literal.StringValue)
                        .forEach(v -> hash(comparison.path(), ((Literal.StringValue) v).value()));
            }
        }

        /** {@code …hashes.'SHA-256' = 'f00'}: a value that cannot be a hash of that algorithm. */
        private void hash(ObjectPath path, String value) {
            List<ObjectPath.Step> steps = path.steps();
            for (int i = 0; i + 1 < steps.size(); i++) {
                if (steps.get(i) instanceof ObjectPath.Key key && key.name().equals("hashes")
                        && steps.get(i + 1) instanceof ObjectPath.Key algorithm) {
                    Pattern format = HASH_FORMATS.get(algorithm.name().toLowerCase(Locale.ROOT));
                    if (format != null && !format.matcher(value).matches()) {
                        errors.add("'" + value + "' is not a valid " + algorithm.name() + " hash");
                    }
                }
            }
        }
    }
}
