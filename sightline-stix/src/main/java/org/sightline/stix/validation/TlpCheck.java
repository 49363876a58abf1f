package org.sightline.stix.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.sightline.stix.markings.Tlp;

/**
 * A marking-definition that claims a TLP level must be the published one: the predefined STIX 2.1
 * TLP 1.0 objects (§7.2.1.4) or the TLP 2.0 objects of the OASIS extension. A home-made TLP marking
 * would silently fail every consumer's TLP filter.
 */
final class TlpCheck {
    private final ObjectNode object;
    private final String id;
    private final List<ValidationIssue> issues;

    TlpCheck(ObjectNode object, String id, List<ValidationIssue> issues) {
        this.object = object;
        this.id = id;
        this.issues = issues;
    }

    void run() {
        String rawId = object.path("id").asText("");
        Optional<Tlp> level = Tlp.ofMarkingId(rawId);
        boolean claimsTlp1 = "tlp".equals(object.path("definition_type").asText(null));
        JsonNode tlp2 = object.path("extensions").path(Tlp.TLP2_EXTENSION_ID).path("tlp_2_0");
        boolean claimsTlp2 = !tlp2.isMissingNode();

        if (level.isEmpty()) {
            if (claimsTlp1) {
                issues.add(ValidationIssue.error(id, "definition_type",
                        "a TLP marking must use the predefined TLP marking-definition ids (STIX 2.1 §7.2.1.4)"));
            }
            if (claimsTlp2) {
                issues.add(ValidationIssue.error(id, "extensions",
                        "a TLP 2.0 marking must use the published TLP 2.0 marking-definition ids"));
            }
            return;
        }
        Tlp tlp = level.get();
        if (Tlp.isTlp1Id(rawId)) {
            String value = object.path("definition").path("tlp").asText(null);
            if (!claimsTlp1 || !tlp.tlp1Value().equals(value)) {
                issues.add(ValidationIssue.error(id, "definition",
                        "this id is the predefined TLP:" + tlp.tlp1Value().toUpperCase(java.util.Locale.ROOT)
                                + " marking; its definition must be {\"tlp\": \"" + tlp.tlp1Value() + "\"} (STIX 2.1 §7.2.1.4)"));
            }
        } else if (!tlp.tlp2Value().equals(tlp2.asText(null))) {
            issues.add(ValidationIssue.error(id, "extensions",
                    "this id is the published " + tlp.label() + " marking; its TLP 2.0 extension must say '"
                            + tlp.tlp2Value() + "'"));
        }
    }
}
