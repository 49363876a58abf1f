package org.sightline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' classes use only the modules below them: the build fails when one reaches further.
 * The sightline command's test classpath holds every module, so its classes are all read here.
 *
 * <p>The graph is DESIGN's, and Maven's dependencies alone would allow more: every module sees what
 * its dependencies depend on (intel sees the pattern module through the store), yet intel's classes
 * use only the store and stix, as DESIGN says, and this keeps them so. Two edges DESIGN does not name are written out
 * so they cannot grow unnoticed: the server validates and evaluates patterns for its pattern
 * endpoints (server → pattern), and the store validates patterns on write (store → pattern). The
 * events module (log adapters, the indicators to match, a match's sighting) is below ingest and the
 * stream, and reaches no store: a stream worker runs on events and the matcher alone, and the
 * front end that runs it wires the store in.
 */
class ModuleGraphTest {
    /** Each module's packages, and the modules whose classes it may use. */
    private static final Map<String, List<String>> PACKAGES = new LinkedHashMap<>();
    private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        module("stix", List.of("org.sightline.stix..", "org.sightline.error.."));
        module("pattern", List.of("org.sightline.pattern.."), "stix");
        module("store", List.of("org.sightline.store.."), "stix", "pattern");
        module("events", List.of("org.sightline.events.."), "stix", "pattern");
        module("ingest", List.of("org.sightline.ingest.."), "stix", "pattern", "store", "events");
        module("intel", List.of("org.sightline.intel.."), "stix", "store");
        module("stream", List.of("org.sightline.stream.."), "stix", "pattern", "events");
        module("server", List.of("org.sightline.server.."), "stix", "pattern", "store", "events", "ingest", "intel");
        module("cli", List.of("org.sightline.cli.."), "stix", "pattern", "store", "events", "ingest", "intel", "stream", "server");
    }

    private static JavaClasses classes;

    private static void module(String name, List<String> packages, String... mayUse) {
        PACKAGES.put(name, packages);
        MAY_USE.put(name, Set.of(mayUse));
    }

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sightline");
    }

    @Test
    void noModuleUsesOneAboveItOrBesideItThatItDoesNotName() {
        for (Map.Entry<String, List<String>> module : PACKAGES.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            PACKAGES.forEach((other, packages) -> {
                if (!other.equals(module.getKey()) && !MAY_USE.get(module.getKey()).contains(other)) {
                    forbidden.addAll(packages);
                }
            });
            if (forbidden.isEmpty()) {
                continue;
            }
            noClasses().that().resideInAnyPackage(module.getValue().toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("sightline-" + module.getKey() + " uses only " + MAY_USE.get(module.getKey()))
                    .check(classes);
        }
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.sightline.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..")
                .as("SQL stays in the store module").check(classes);
    }
}
