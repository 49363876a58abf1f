package org.sightline.ingest.sanctions;

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
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.vocabulary.Countries;

/**
 * OFAC's Specially Designated Nationals list in its CSV form (sdn.csv, with alt.csv for other names,
 * add.csv for addresses and sdn_comments.csv for remarks too long for sdn.csv, side by side): individuals and organisations (vessels and aircraft are
 * organisations here), each with its aliases, countries, birth dates, identifiers and programmes,
 * the last three read from the entry's remarks. Entry numbers are OFAC's, shared with its XML form.
 */
public final class OfacSdnCsv {
    public static final String LIST = "OFAC SDN";
    public static final String KEY = "ofac-sdn";
    public static final String PUBLISHER = "U.S. Treasury, public domain";
    private static final String NONE = "-0-";
    private static final Pattern DOB = Pattern.compile("DOB ([^;]+?)(?:;|\\.$|$)");
    private static final Pattern AKA = Pattern.compile("a\\.k\\.a\\. '([^']+)'");
    private static final Pattern IDENTIFIER = Pattern.compile("(Passport|National ID No\\.|Registration (?:Number|ID)|Company Number|"
            + "Tax ID No\\.|Citizen's Card Number|SSN|Digital Currency Address - [A-Z]+) ([^;(]+?)\\s*(?:\\(([^)]+)\\))?(?:;|\\.$|$)");
    private static final Pattern CITIZEN = Pattern.compile("(?:citizen|nationality) ([A-Za-z ,]+?)(?:;|\\.$|$)");

    private OfacSdnCsv() {
    }

    /** A folder holding sdn.csv, or sdn.csv itself. */
    public static boolean looksLikeOfac(Path path) {
        Path sdn = Files.isDirectory(path) ? path.resolve("sdn.csv") : path;
        return sdn.getFileName() != null && sdn.getFileName().toString().equalsIgnoreCase("sdn.csv") && Files.isRegularFile(sdn);
    }

    /** The list in the folder (or beside the sdn.csv given), dated by sdn.csv's modification day: OFAC's CSV carries no date. */
    public static SanctionsList read(Path path) {
        return read(path, null);
    }

    /** The same, dated {@code date} when given (the day OFAC published the files). */
    public static SanctionsList read(Path path, LocalDate date) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path sdn = folder.resolve("sdn.csv");
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
        forEachRow(folder.resolve("alt.csv"), 4, entries, (entry, fields) -> {
            if (value(fields.get(3)) != null) {
                entry.aliases.add(value(fields.get(3)));
            }
        });
        forEachRow(folder.resolve("sdn_comments.csv"), 2, entries, (entry, fields) -> {
            if (value(fields.get(1)) != null) {
                entry.remarks = (entry.remarks == null ? "" : entry.remarks) + fields.get(1).trim(); // remarks too long for sdn.csv go on here
            }
        });
        forEachRow(folder.resolve("add.csv"), 5, entries, (entry, fields) -> {
            if (value(fields.get(4)) != null) {
                Countries.code(value(fields.get(4))).ifPresent(entry.countries::add);
            }
        });
        String listDate = date != null ? StixTimestamp.ofDay(date) : listDate(sdn);
        return new SanctionsList(LIST, KEY, listDate, PUBLISHER, entries.values().stream().map(Entry::toListing).toList());
    }

    /**
     * The other names alt.csv gives each entry (a.k.a., f.k.a., n.k.a.), by entry number, as
     * published: what the screening evaluation holds out and screens as spellings someone else wrote.
     */
    public static Map<String, List<String>> otherNames(Path folder) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (List<String> values : rows(folder.resolve("alt.csv"), 4)) {
            if (value(values.get(0)) != null && value(values.get(3)) != null) {
                names.computeIfAbsent(value(values.get(0)), k -> new ArrayList<>()).add(value(values.get(3)));
            }
        }
        return names;
    }

    /** Each row of a side file (alt.csv, add.csv, sdn_comments.csv) with its entry, when the file is there and the row names a known entry. */
    private static void forEachRow(Path file, int fields, Map<String, Entry> entries, java.util.function.BiConsumer<Entry, List<String>> row) {
        for (List<String> values : rows(file, fields)) {
            Entry entry = entries.get(value(values.get(0)));
            if (entry != null) {
                row.accept(entry, values);
            }
        }
    }

    /** The rows of a side file with at least {@code fields} fields; none when the file is not there. */
    private static List<List<String>> rows(Path file, int fields) {
        List<List<String>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        int number = 0;
        for (String line : lines(file)) {
            List<String> values = Csv.fields(line, ++number, file);
            if (values.size() >= fields) {
                rows.add(values);
            }
        }
        return rows;
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

    private static String listDate(Path sdn) {
        try {
            FileTime modified = Files.getLastModifiedTime(sdn);
            return StixTimestamp.ofDay(modified.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
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
        String remarks;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();

        Entry(String number, String name, String type, String programs, String remarks) {
            this.number = number;
            this.name = name;
            this.type = type;
            this.programs = programs;
            this.remarks = remarks;
        }

        Listing toListing() {
            boolean individual = "individual".equalsIgnoreCase(type);
            List<String> aliases = new ArrayList<>(this.aliases);
            List<String> births = new ArrayList<>();
            List<String> identifiers = new ArrayList<>();
            Set<String> countries = new LinkedHashSet<>(this.countries);
            if (remarks != null) {
                Matcher aka = AKA.matcher(remarks);
                while (aka.find()) {
                    aliases.add(aka.group(1));
                }
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
            return new Listing(number, individual ? naturalOrder(name) : name, name, individual, individual ? null : type, aliases,
                    programs(programs), births, identifiers, List.copyOf(countries), remarks, null);
        }
    }

    /** "SDGT] [SDT" as the CSV writes several programmes: ["SDGT", "SDT"]. */
    static List<String> programs(String programs) {
        List<String> list = new ArrayList<>();
        if (programs != null) {
            for (String program : programs.split("\\]\\s*\\[")) {
                list.add(program.replace("[", "").replace("]", "").trim());
            }
        }
        return list;
    }

    /** "ZHANG, Lei" as OFAC writes a person becomes "Lei ZHANG"; the listed form stays an alias. */
    static String naturalOrder(String listed) {
        int comma = listed.indexOf(',');
        return comma < 0 ? listed : (listed.substring(comma + 1).trim() + " " + listed.substring(0, comma).trim()).trim();
    }
}
