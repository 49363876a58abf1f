package org.sightline.intel.intrusion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.stix.StixObject;
import org.sightline.store.StixStore;

/**
 * When each actor was reported active: the years of the reports cited for it and for what it was
 * seen using ("FireEye. (2017, April 6). APT10 ..."), plus its own first_seen and last_seen. Only
 * the actor's own statements count, not its campaigns', so that a campaign being attributed does
 * not date its own suspect. ATT&CK's groups carry no activity dates; their citations do.
 */
public final class ReportingYears {
    private static final Pattern CITED_YEAR = Pattern.compile("\\((\\d{4})[,)]");

    /** Reports per year for one actor, oldest first. */
    public record Years(TreeMap<Integer, Integer> reports) {
        public int total() {
            return reports.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Reports dated within [from, to], years inclusive. */
        public int within(int from, int to) {
            return reports.subMap(from, true, to, true).values().stream().mapToInt(Integer::intValue).sum();
        }

        public int first() {
            return reports.firstKey();
        }

        public int last() {
            return reports.lastKey();
        }
    }

    private ReportingYears() {
    }

    /** The latest year anyone was reported in: where the yardstick of an even spread ends (this year when nothing is dated). */
    public static int lastYear(Map<String, Years> years) {
        return years.values().stream().mapToInt(Years::last).max().orElse(java.time.Year.now().getValue());
    }

    /** The reporting years of every intrusion set and threat actor that has any, by STIX id. */
    public static Map<String, Years> load(StixStore store) {
        Map<String, TreeMap<Integer, Integer>> years = new HashMap<>();
        Set<String> actorTypes = Set.of("intrusion-set", "threat-actor");
        store.forEachCurrent(new StixStore.ObjectQuery(Set.of("intrusion-set", "threat-actor", "relationship"), Set.of(), false),
                object -> {
                    if (actorTypes.contains(object.type())) {
                        TreeMap<Integer, Integer> own = years.computeIfAbsent(object.id(), k -> new TreeMap<>());
                        cited(object, own);
                        dated(object.text("first_seen"), own);
                        dated(object.text("last_seen"), own);
                    } else if ("uses".equals(object.text("relationship_type"))) {
                        String source = object.text("source_ref");
                        if (source != null && actorTypes.contains(source.substring(0, source.indexOf("--")))) {
                            cited(object, years.computeIfAbsent(source, k -> new TreeMap<>()));
                        }
                    }
                });
        Map<String, Years> result = new HashMap<>();
        years.forEach((id, reports) -> {
            if (!reports.isEmpty()) {
                result.put(id, new Years(reports));
            }
        });
        return result;
    }

    private static void cited(StixObject object, TreeMap<Integer, Integer> years) {
        for (JsonNode reference : object.json().path("external_references")) {
            Matcher year = CITED_YEAR.matcher(reference.path("description").asText(""));
            if (year.find()) {
                int value = Integer.parseInt(year.group(1));
                if (value >= 1990 && value <= 2100) {
                    years.merge(value, 1, Integer::sum);
                }
            }
        }
    }

    private static void dated(String timestamp, TreeMap<Integer, Integer> years) {
        if (timestamp != null && timestamp.length() >= 4) {
            years.merge(Integer.parseInt(timestamp.substring(0, 4)), 1, Integer::sum);
        }
    }
}
