package org.sightline.stix.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.StixTypes;

/**
 * Checks one STIX 2.1 object against the specification's rules: identifier and timestamp formats,
 * required properties per type, {@code created <= modified}, the types that references may point
 * to, marking references, and the published TLP definitions. Each broken rule is reported with
 * the object id, the property and the section of the specification.
 *
 * <p>Stateless and thread-safe; it never looks beyond the object (a reference to an object the
 * store does not hold is legal STIX). An indicator's STIX pattern is checked by the {@link PatternCheck}
 * it is given, so a pattern that does not parse is refused on every way in.
 */
public final class StixValidator {
    private static final Pattern TYPE_NAME = Pattern.compile("^([a-z][a-z0-9]*)+(-[a-z0-9]+)*-?$");
    private static final Set<String> NOT_RELATABLE = Set.of("relationship", "sighting", "bundle",
            "marking-definition", "language-content", "extension-definition");
    private static final Set<String> OTHER_TIMESTAMPS = Set.of("first_seen", "last_seen", "valid_from",
            "valid_until", "published", "first_observed", "last_observed", "start_time", "stop_time",
            "object_modified", "analysis_started", "analysis_ended", "submitted", "created_time",
            "modified_time", "ctime", "mtime", "atime", "date", "validity_not_before", "validity_not_after",
            "account_created", "account_expires", "credential_last_changed", "account_first_login",
            "account_last_login", "start", "end");
    private static final Set<String> OPINIONS = Set.of("strongly-disagree", "disagree", "neutral", "agree",
            "strongly-agree");

    private final PatternCheck patterns;

    public StixValidator(PatternCheck patterns) {
        this.patterns = patterns;
    }

    /** Validates; the label names the object in messages when it has no usable id. */
    public List<ValidationIssue> validate(ObjectNode object, String label) {
        Checks checks = new Checks(object, label, patterns);
        checks.run();
        return checks.issues;
    }

    public List<ValidationIssue> validate(ObjectNode object) {
        return validate(object, null);
    }

    /**
     * The one policy for an object coming in, whichever way it comes (import, TAXII pull or POST, the
     * store's writer): a STIX 2.0 object is upgraded to 2.1 in place, then validated; every issue is
     * listed. So a 2.0 object that `import` takes is taken by TAXII POST too.
     */
    public List<ValidationIssue> intake(ObjectNode object, String label) {
        if (org.sightline.stix.upgrade.Stix20Upgrader.isStix20(object)) {
            org.sightline.stix.upgrade.Stix20Upgrader.upgrade(object);
        }
        return validate(object, label);
    }

    /** The errors {@link #intake} finds, as messages (warnings left out). */
    public List<String> intakeErrors(ObjectNode object, String label) {
        return intake(object, label).stream().filter(ValidationIssue::isError).map(ValidationIssue::message).toList();
    }

    /** The checks for one object; collects every issue rather than stopping at the first. */
    private static final class Checks {
        private final ObjectNode object;
        private final String id;
        private final String type;
        private final PatternCheck patterns;
        private final List<ValidationIssue> issues = new ArrayList<>();

        Checks(ObjectNode object, String label, PatternCheck patterns) {
            this.object = object;
            this.patterns = patterns;
            String rawId = object.path("id").asText(null);
            this.id = rawId != null ? rawId : (label != null ? label : "(object without id)");
            this.type = object.path("type").asText(null);
        }

        void run() {
            if (!checkTypeAndId()) {
                return;
            }
            checkRequired();
            checkSpecVersion();
            checkTimestamps();
            checkConfidence();
            checkReferences();
            checkMarkings();
            checkExternalReferences();
            checkKillChainPhases();
            checkHashes();
            checkTypeSpecific();
            checkVocabularies();
        }

        private boolean checkTypeAndId() {
            if (type == null) {
                error("type", "is required on every STIX object (STIX 2.1 §3.2)");
                return false;
            }
            if (type.length() < 3 || type.length() > 250 || !TYPE_NAME.matcher(type).matches()) {
                error("type", "'" + type + "' is not a valid type name: lowercase letters, digits and hyphens, 3-250 characters (STIX 2.1 §3.1)");
            }
            String rawId = object.path("id").asText(null);
            if (rawId == null) {
                error("id", "is required on every STIX object (STIX 2.1 §3.2)");
                return false;
            }
            if (!StixId.isValid(rawId)) {
                error("id", "'" + rawId + "' is not a valid identifier: TYPE--UUID with an RFC 4122 UUID (STIX 2.1 §2.8)");
            } else if (!rawId.startsWith(type + "--")) {
                error("id", "must start with the object's type '" + type + "--' (STIX 2.1 §2.8)");
            }
            return true;
        }

        private void checkRequired() {
            Set<String> required = RequiredProperties.BY_TYPE.get(type);
            if (required == null) {
                return; // a custom object type: only the common rules apply
            }
            for (String property : required) {
                if (!object.hasNonNull(property)) {
                    error(property, "is required for " + type + " (STIX 2.1 " + Sections.of(type) + ")");
                }
            }
        }

        private void checkSpecVersion() {
            JsonNode specVersion = object.get("spec_version");
            if (specVersion != null && !"2.1".equals(specVersion.asText())) {
                error("spec_version", "must be '2.1', found '" + specVersion.asText() + "' (STIX 2.1 §3.2)");
            }
        }

        private void checkTimestamps() {
            for (String property : List.of("created", "modified")) {
                String value = object.path(property).asText(null);
                if (value == null) {
                    continue;
                }
                if (!StixTimestamp.isValid(value)) {
                    error(property, "'" + value + "' is not an RFC 3339 UTC timestamp ending in 'Z' (STIX 2.1 §2.14)");
                } else if (!StixTimestamp.hasMillisecondPrecision(value) && needsMilliseconds()) {
                    error(property, "'" + value + "' must be precise to the millisecond (STIX 2.1 §3.2)");
                }
            }
            for (String property : OTHER_TIMESTAMPS) {
                JsonNode node = object.get(property);
                if (node != null && node.isTextual() && !StixTimestamp.isValid(node.asText())) {
                    error(property, "'" + node.asText() + "' is not an RFC 3339 UTC timestamp ending in 'Z' (STIX 2.1 §2.14)");
                }
            }
            order("created", "modified", "must not be later than 'modified' (STIX 2.1 §3.2)");
            order("first_seen", "last_seen", "must not be later than 'last_seen'");
            order("first_observed", "last_observed", "must not be later than 'last_observed' (STIX 2.1 §4.14)");
            order("valid_from", "valid_until", "must be earlier than 'valid_until' (STIX 2.1 §4.7)");
        }

        /** Common properties of SDOs and SROs need milliseconds; marking definitions and observables do not. */
        private boolean needsMilliseconds() {
            return !StixTypes.isObservable(type) && !"marking-definition".equals(type);
        }

        private void order(String earlier, String later, String rule) {
            String first = object.path(earlier).asText(null);
            String second = object.path(later).asText(null);
            if (StixTimestamp.isValid(first) && StixTimestamp.isValid(second)
                    && StixTimestamp.sortKey(first).compareTo(StixTimestamp.sortKey(second)) > 0) {
                error(earlier, rule);
            }
        }

        private void checkConfidence() {
            JsonNode confidence = object.get("confidence");
            if (confidence != null && (!confidence.isIntegralNumber() || confidence.asInt() < 0 || confidence.asInt() > 100)) {
                error("confidence", "must be an integer from 0 to 100 (STIX 2.1 §3.2)");
            }
        }

        /** Every top-level *_ref / *_refs must hold identifiers; some must point to given types. */
        private void checkReferences() {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String property = field.getKey();
                JsonNode value = field.getValue();
                if (property.endsWith("_ref")) {
                    checkIdentifier(property, value);
                } else if (property.endsWith("_refs")) {
                    if (!value.isArray()) {
                        error(property, "must be a list of identifiers (STIX 2.1 §2.8)");
                        continue;
                    }
                    for (JsonNode item : value) {
                        checkIdentifier(property, item);
                    }
                }
            }
            refersTo("created_by_ref", Set.of("identity"), "(STIX 2.1 §3.2)");
            if ("relationship".equals(type)) {
                for (String property : List.of("source_ref", "target_ref")) {
                    String ref = object.path(property).asText(null);
                    String refType = StixTypes.typeOf(ref);
                    if (refType != null && NOT_RELATABLE.contains(refType)) {
                        error(property, "must refer to an SDO or SCO, not a " + refType + " (STIX 2.1 §5.1)");
                    }
                }
            }
            if ("sighting".equals(type)) {
                String ref = object.path("sighting_of_ref").asText(null);
                String refType = StixTypes.typeOf(ref);
                if (refType != null && (NOT_RELATABLE.contains(refType) || StixTypes.isObservable(refType))) {
                    error("sighting_of_ref", "must refer to an SDO, not a " + refType + " (STIX 2.1 §5.2)");
                }
                refersTo("observed_data_refs", Set.of("observed-data"), "(STIX 2.1 §5.2)");
                refersTo("where_sighted_refs", Set.of("identity", "location"), "(STIX 2.1 §5.2)");
            }
        }

        private void checkIdentifier(String property, JsonNode value) {
            if (!value.isTextual() || !StixId.isValid(value.asText())) {
                String rule = "holds '" + value.asText() + "', which is not a STIX identifier (STIX 2.1 §2.8)";
                // Custom properties are the producer's own: a malformed one is worth a warning, not a rejection
                // (ATT&CK ships empty x_mitre_*_ref values).
                if (property.startsWith("x_")) {
                    issues.add(ValidationIssue.warning(id, property, rule));
                } else {
                    error(property, rule);
                }
            }
        }

        private void refersTo(String property, Set<String> types, String section) {
            JsonNode value = object.get(property);
            if (value == null) {
                return;
            }
            Iterable<JsonNode> refs = value.isArray() ? value : List.of(value);
            for (JsonNode ref : refs) {
                String refType = StixTypes.typeOf(ref.asText(null));
                if (refType != null && !types.contains(refType)) {
                    error(property, "must refer to " + String.join(" or ", types) + ", not " + refType + " " + section);
                }
            }
        }

        private void checkMarkings() {
            refersTo("object_marking_refs", Set.of("marking-definition"), "(STIX 2.1 §7.2.2)");
            JsonNode granular = object.get("granular_markings");
            if (granular != null) {
                if (!granular.isArray()) {
                    error("granular_markings", "must be a list of granular markings (STIX 2.1 §7.2.3)");
                } else {
                    for (JsonNode marking : granular) {
                        checkGranularMarking(marking);
                    }
                }
            }
            if ("marking-definition".equals(type)) {
                checkMarkingDefinition();
            }
        }

        private void checkGranularMarking(JsonNode marking) {
            JsonNode selectors = marking.get("selectors");
            if (selectors == null || !selectors.isArray() || selectors.isEmpty()) {
                error("granular_markings", "each granular marking needs a non-empty 'selectors' list (STIX 2.1 §7.2.3)");
            }
            boolean hasRef = marking.hasNonNull("marking_ref");
            boolean hasLang = marking.hasNonNull("lang");
            if (hasRef == hasLang) {
                error("granular_markings", "each granular marking needs exactly one of 'marking_ref' and 'lang' (STIX 2.1 §7.2.3)");
            }
            if (hasRef && !"marking-definition".equals(StixTypes.typeOf(marking.get("marking_ref").asText()))) {
                error("granular_markings", "'marking_ref' must refer to a marking-definition (STIX 2.1 §7.2.3)");
            }
        }

        private void checkMarkingDefinition() {
            if (!object.has("extensions") && (!object.has("definition_type") || !object.has("definition"))) {
                error("definition", "a marking-definition without extensions needs 'definition_type' and 'definition' (STIX 2.1 §7.2.1)");
            }
            new TlpCheck(object, id, issues).run();
        }

        private void checkExternalReferences() {
            JsonNode refs = object.get("external_references");
            if (refs == null) {
                return;
            }
            if (!refs.isArray()) {
                error("external_references", "must be a list (STIX 2.1 §2.4)");
                return;
            }
            for (JsonNode ref : refs) {
                if (!ref.hasNonNull("source_name")) {
                    error("external_references", "every external reference needs 'source_name' (STIX 2.1 §2.4)");
                }
            }
        }

        private void checkKillChainPhases() {
            for (JsonNode phase : object.path("kill_chain_phases")) {
                if (!phase.hasNonNull("kill_chain_name") || !phase.hasNonNull("phase_name")) {
                    error("kill_chain_phases", "every phase needs 'kill_chain_name' and 'phase_name' (STIX 2.1 §2.10)");
                }
            }
        }

        private void checkHashes() {
            JsonNode hashes = object.get("hashes");
            if (hashes == null) {
                return;
            }
            if (!hashes.isObject() || hashes.isEmpty()) {
                error("hashes", "must be a non-empty dictionary of hash values (STIX 2.1 §2.6)");
                return;
            }
            hashes.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isTextual()) {
                    error("hashes", "the value of '" + entry.getKey() + "' must be a string (STIX 2.1 §2.6)");
                }
            });
        }

        private void checkTypeSpecific() {
            switch (type) {
                case "malware" -> {
                    JsonNode isFamily = object.get("is_family");
                    if (isFamily != null && !isFamily.isBoolean()) {
                        error("is_family", "must be true or false (STIX 2.1 §4.11)");
                    } else if (isFamily != null && isFamily.asBoolean() && !object.hasNonNull("name")) {
                        error("name", "is required for a malware family (is_family = true) (STIX 2.1 §4.11)");
                    }
                }
                case "observed-data" -> {
                    boolean refs = object.has("object_refs");
                    boolean embedded = object.has("objects");
                    if (refs == embedded) {
                        error("object_refs", "observed-data needs exactly one of 'object_refs' and 'objects' (STIX 2.1 §4.14)");
                    }
                    integerRange("number_observed", 1, 999_999_999, "(STIX 2.1 §4.14)");
                }
                case "sighting" -> integerRange("count", 0, 999_999_999, "(STIX 2.1 §5.2)");
                case "indicator" -> checkPattern();
                case "location" -> {
                    if (!object.has("region") && !object.has("country")
                            && !(object.has("latitude") && object.has("longitude"))) {
                        error("region", "a location needs 'region', 'country', or 'latitude' and 'longitude' (STIX 2.1 §4.10)");
                    }
                }
                case "opinion" -> {
                    String opinion = object.path("opinion").asText(null);
                    if (opinion != null && !OPINIONS.contains(opinion)) {
                        error("opinion", "'" + opinion + "' is not one of " + OPINIONS + " (STIX 2.1 §4.15)");
                    }
                }
                case "artifact" -> {
                    if (object.has("payload_bin") == object.has("url")) {
                        error("payload_bin", "an artifact needs exactly one of 'payload_bin' and 'url' (STIX 2.1 §6.1)");
                    }
                }
                case "file" -> {
                    if (!object.has("hashes") && !object.has("name")) {
                        error("hashes", "a file needs 'hashes' or 'name' (STIX 2.1 §6.7)");
                    }
                }
                case "network-traffic" -> {
                    if (!object.has("src_ref") && !object.has("dst_ref")) {
                        error("src_ref", "network traffic needs 'src_ref' or 'dst_ref' (STIX 2.1 §6.12)");
                    }
                }
                default -> {
                }
            }
        }

        private void integerRange(String property, long min, long max, String section) {
            JsonNode value = object.get(property);
            if (value != null && (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max)) {
                error(property, "must be an integer from " + min + " to " + max + " " + section);
            }
        }

        private void checkVocabularies() {
            checkVocabulary(Vocabularies.BY_TYPE.getOrDefault(type, Map.of()));
            checkVocabulary(Vocabularies.BY_TYPE.get("*"));
        }

        private void checkVocabulary(Map<String, Set<String>> vocabularies) {
            vocabularies.forEach((property, allowed) -> {
                JsonNode value = object.get(property);
                if (value == null) {
                    return;
                }
                Iterable<JsonNode> values = value.isArray() ? value : List.of(value);
                for (JsonNode item : values) {
                    if (!allowed.contains(item.asText())) {
                        issues.add(ValidationIssue.warning(id, property,
                                "value '" + item.asText() + "' is not in the STIX 2.1 vocabulary (STIX 2.1 §10)"));
                    }
                }
            });
        }

        /** A STIX pattern must parse and keep the patterning rules; other pattern languages are not ours to judge. */
        private void checkPattern() {
            JsonNode pattern = object.get("pattern");
            if (pattern == null || !pattern.isTextual() || !"stix".equals(object.path("pattern_type").asText())) {
                return;
            }
            String version = object.path("pattern_version").asText("2.1");
            for (String problem : patterns.errors(pattern.asText(), version)) {
                error("pattern", "is not a valid STIX " + version + " pattern: " + problem + " (STIX 2.1 §9)");
            }
        }

        private void error(String property, String rule) {
            issues.add(ValidationIssue.error(id, property, rule));
        }
    }
}
