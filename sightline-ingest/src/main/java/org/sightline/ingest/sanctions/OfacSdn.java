package org.sightline.ingest.sanctions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.csv.Csv;
import org.sightline.stix.StixId;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.vocabulary.Countries;

/**
 * OFAC's Specially Designated Nationals list in its CSV form (sdn.csv, with alt.csv for other names
 * and add.csv for addresses, side by side) as STIX identities: individuals and organisations (vessels
 * and aircraft are organisations here), each with its aliases, countries, birth dates, identifiers
 * and programmes under {@code x_sightline_list_entry}, marked with a statement naming the list and
 * its date. Ids derive from OFAC's entry numbers, so a newer list updates the same objects.
 */
public final class OfacSdn {
    public static final String LIST = "OFAC SDN";
    private static final String NONE = "-0-";
    private static final Pattern DOB = Pattern.compile("DOB ([^;]+?)(?:;|\\.$|$)");
    private static final Pattern AKA = Pattern.compile("a\\.k\\.a\\. '([^']+)'");
    private static final Pattern IDENTIFIER = Pattern.compile("(Passport|National ID No\\.|Registration (?:Number|ID)|Company Number|"
            + "Tax ID No\\.|Citizen's Card Number|SSN) ([^;(]+?)\\s*(?:\\(([^)]+)\\))?(?:;|\\.$|$)");
    private static final Pattern CITIZEN = Pattern.compile("(?:citizen|nationality) ([A-Za-z ,]+?)(?:;|\\.$|$)");

    private OfacSdn() {
    }

    /** A folder holding sdn.csv, or sdn.csv itself. */
    public static boolean looksLikeOfac(Path path) {
        Path sdn = Files.isDirectory(path) ? path.resolve("sdn.csv") : path;
        return sdn.getFileName() != null && sdn.getFileName().toString().equalsIgnoreCase("sdn.csv") && Files.isRegularFile(sdn);
    }

    /** The STIX objects of the list in the folder (or beside the sdn.csv given): the statement marking first. */
    public static List<ObjectNode> read(Path path) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path sdn = folder.resolve("sdn.csv");
        String listDate = listDate(sdn);
        ObjectNode marking = StixJson.newObject();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", StixId.deterministic("marking-definition", "ofac-sdn:" + listDate));
        marking.put("created", listDate);
        marking.put("definition_type", "statement");
        marking.putObject("definition").put("statement", LIST + " list as of " + listDate.substring(0, 10)
                + " (U.S. Treasury, public domain)");
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines(sdn)) {
            number++;
            List<String> fields = Csv.fields(line, number, sdn);
            if (fields.size() < 12) {
                throw new InvalidInputException(sdn + ":" + number + ": an SDN row has 12 fields, this one " + fields.size());
            }
            Entry entry = new Entry(value(fields.get(0)), value(fields.get(1)), value(fields.get(2)), value(fields.get(3)), value(fields.get(11)));
            if (entry.number == null || entry.name == null) {
                throw new InvalidInputException(sdn + ":" + number + ": an SDN row needs its entry number and name");
            }
            entries.put(entry.number, entry);
        }
        Path alt = folder.resolve("alt.csv");
        if (Files.exists(alt)) {
            number = 0;
            for (String line : lines(alt)) {
                List<String> fields = Csv.fields(line, ++number, alt);
                Entry entry = fields.size() >= 4 ? entries.get(value(fields.get(0))) : null;
                if (entry != null && value(fields.get(3)) != null) {
                    entry.aliases.add(value(fields.get(3)));
                }
            }
        }
        Path add = folder.resolve("add.csv");
        if (Files.exists(add)) {
            number = 0;
            for (String line : lines(add)) {
                List<String> fields = Csv.fields(line, ++number, add);
                Entry entry = fields.size() >= 5 ? entries.get(value(fields.get(0))) : null;
                if (entry != null && value(fields.get(4)) != null) {
                    Countries.code(value(fields.get(4))).ifPresent(entry.countries::add);
                }
            }
        }
        List<ObjectNode> objects = new ArrayList<>(List.of(marking));
        entries.values().forEach(entry -> objects.add(entry.toStix(listDate, marking.get("id").asText())));
        return objects;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            try {
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter(line -> !line.isBlank()).toList();
            } catch (IOException again) {
                throw new InvalidInputException("cannot read " + file + ": " + again.getMessage());
            }
        }
    }

    /** The list's date: the file's modification day (OFAC's CSV carries none). */
    private static String listDate(Path sdn) {
        try {
            FileTime modified = Files.getLastModifiedTime(sdn);
            LocalDate day = modified.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            return StixTimestamp.format(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (IOException e) {
            return StixTimestamp.format(Instant.EPOCH);
        }
    }

    private static String value(String field) {
        String trimmed = field == null ? "" : field.trim();
        return trimmed.isEmpty() || trimmed.equals(NONE) ? null : trimmed;
    }

    /** One SDN row and what alt.csv, add.csv and its remarks add to it. */
    private static final class Entry {
        final String number;
        final String name;
        final String type;
        final String programs;
        final String remarks;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();

        Entry(String number, String name, String type, String programs, String remarks) {
            this.number = number;
            this.name = name;
            this.type = type;
            this.programs = programs;
            this.remarks = remarks;
        }

        ObjectNode toStix(String listDate, String marking) {
            boolean individual = "individual".equalsIgnoreCase(type);
            ObjectNode identity = StixJson.newObject("identity", StixId.deterministic("identity", "ofac-sdn:" + number), listDate);
            identity.put("name", individual ? naturalOrder(name) : name);
            identity.put("identity_class", individual ? "individual" : "organization");
            if (remarks != null) {
                identity.put("description", remarks);
            }
            identity.putArray("object_marking_refs").add(marking);
            identity.putArray("external_references").addObject().put("source_name", LIST).put("external_id", number);
            ObjectNode entry = identity.putObject("x_sightline_list_entry");
            entry.put("list", LIST);
            entry.put("entry", number);
            entry.put("kind", individual ? "individual" : "organization");
            if (type != null && !individual) {
                entry.put("ofac_type", type);
            }
            ArrayNode aliases = entry.putArray("aliases");
            if (individual && !naturalOrder(name).equals(name)) {
                aliases.add(name);
            }
            this.aliases.forEach(aliases::add);
            if (remarks != null) {
                Matcher aka = AKA.matcher(remarks);
                while (aka.find()) {
                    aliases.add(aka.group(1));
                }
            }
            ArrayNode programList = entry.putArray("programs");
            if (programs != null) {
                for (String program : programs.split("\\]\\s*\\[")) {
                    programList.add(program.replace("[", "").replace("]", "").trim());
                }
            }
            ArrayNode births = entry.putArray("birth_dates");
            ArrayNode identifiers = entry.putArray("identifiers");
            Set<String> countries = new LinkedHashSet<>(this.countries);
            if (remarks != null) {
                Matcher dob = DOB.matcher(remarks);
                while (dob.find()) {
                    births.add(dob.group(1).trim());
                }
                Matcher id = IDENTIFIER.matcher(remarks);
                while (id.find()) {
                    identifiers.add(id.group(1) + " " + id.group(2).trim() + (id.group(3) == null ? "" : " (" + id.group(3) + ")"));
                }
                Matcher citizen = CITIZEN.matcher(remarks);
                while (citizen.find()) {
                    Countries.code(citizen.group(1).trim()).ifPresent(countries::add);
                }
            }
            ArrayNode countryList = entry.putArray("countries");
            countries.forEach(countryList::add);
            return identity;
        }
    }

    /** "ZHANG, Lei" as OFAC writes a person becomes "Lei ZHANG"; the listed form stays an alias. */
    static String naturalOrder(String listed) {
        int comma = listed.indexOf(',');
        return comma < 0 ? listed : (listed.substring(comma + 1).trim() + " " + listed.substring(0, comma).trim()).trim();
    }
}
