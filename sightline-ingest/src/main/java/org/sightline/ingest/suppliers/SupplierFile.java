package org.sightline.ingest.suppliers;

import org.sightline.ingest.csv.Csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.vocabulary.Countries;
import org.sightline.stix.vocabulary.Sectors;
import org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel;
import org.sightline.stix.vocabulary.SupplyVocabulary.Criticality;
import org.sightline.stix.vocabulary.SupplyVocabulary.ServiceType;

/**
 * Reads a supplier file (CSV with a header row, or YAML: a list of the same fields) into checked
 * rows. Every problem is collected with its line and field, and the whole file is refused when
 * there is any, so nothing is half-imported. The columns are documented in the README:
 * {@code supplier, customer, service_type, access_level, criticality, sectors, countries}, with
 * sectors and countries separated by ";".
 */
public final class SupplierFile {
    static final List<String> COLUMNS = List.of("supplier", "customer", "service_type", "access_level", "criticality",
            "sectors", "countries");

    private SupplierFile() {
    }

    public static boolean isSupplierFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public static List<SupplierRow> read(Path file, String defaultCustomer) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), !name.endsWith(".csv"), defaultCustomer);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the supplier file " + file + ": " + e.getMessage());
        }
    }

    /** Parses supplier text (CSV, or YAML when {@code yaml}); {@code source} names it in errors. */
    public static List<SupplierRow> parse(String source, String text, boolean yaml, String defaultCustomer) {
        Path file = Path.of(source);
        List<Map<String, String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            if (!yaml) {
                readCsv(text.lines().toList(), file, records, lines);
            } else {
                readYaml(text, file, records, lines);
            }
        } catch (IOException e) {
            throw new InvalidInputException(source + " is not valid YAML: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        List<SupplierRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SupplierRow row = check(records.get(i), lines.get(i), defaultCustomer, file, errors);
            if (row != null) {
                rows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(file + ": nothing imported, " + errors.size() + " problem(s):\n  "
                    + String.join("\n  ", errors.subList(0, Math.min(50, errors.size()))));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file + ": no suppliers declared");
        }
        return rows;
    }

    private static SupplierRow check(Map<String, String> record, int line, String defaultCustomer, Path file, List<String> errors) {
        String where = file.getFileName() + ":" + line + ": ";
        int before = errors.size();
        String supplier = record.getOrDefault("supplier", "").trim();
        String customer = record.getOrDefault("customer", "").trim();
        if (customer.isEmpty() && defaultCustomer != null) {
            customer = defaultCustomer;
        }
        if (supplier.isEmpty()) {
            errors.add(where + "'supplier' is empty");
        }
        if (customer.isEmpty()) {
            errors.add(where + "'customer' is empty (fill it in, or name the organisation (org) whose suppliers these rows are)");
        }
        if (!supplier.isEmpty() && supplier.equalsIgnoreCase(customer)) {
            errors.add(where + "'" + supplier + "' cannot supply itself");
        }
        ServiceType service = ServiceType.parse(record.get("service_type")).orElse(null);
        if (service == null) {
            errors.add(where + "service_type '" + record.getOrDefault("service_type", "") + "' is not one of "
                    + Arrays.stream(ServiceType.values()).map(ServiceType::label).toList());
        }
        AccessLevel access = AccessLevel.parse(record.get("access_level")).orElse(null);
        if (access == null) {
            errors.add(where + "access_level '" + record.getOrDefault("access_level", "") + "' is not one of "
                    + Arrays.stream(AccessLevel.values()).map(AccessLevel::label).toList());
        }
        String criticalityText = record.getOrDefault("criticality", "");
        Criticality criticality = criticalityText.isBlank() ? Criticality.MEDIUM : Criticality.parse(criticalityText).orElse(null);
        if (criticality == null) {
            errors.add(where + "criticality '" + criticalityText + "' is not one of high, medium, low");
        }
        List<String> sectors = new ArrayList<>();
        for (String text : split(record.get("sectors"))) {
            Sectors.normalise(text).ifPresentOrElse(sectors::add,
                    () -> errors.add(where + "sector '" + text + "' is not a STIX industry sector nor a known name for one"));
        }
        List<String> countries = new ArrayList<>();
        for (String text : split(record.get("countries"))) {
            Countries.code(text).ifPresentOrElse(countries::add,
                    () -> errors.add(where + "country '" + text + "' is not an ISO 3166 code or an English country name"));
        }
        return errors.size() > before ? null
                : new SupplierRow(line, supplier, customer, service, access, criticality, sectors.stream().distinct().toList(),
                        countries.stream().distinct().toList());
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void readCsv(List<String> text, Path file, List<Map<String, String>> records, List<Integer> lines) {
        if (text.isEmpty()) {
            throw new InvalidInputException(file + ": empty; the first line must name the columns " + COLUMNS);
        }
        List<String> header = Csv.fields(text.get(0).replace("\uFEFF", ""), 1, file).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String required : List.of("supplier", "service_type", "access_level")) {
            if (!header.contains(required)) {
                throw new InvalidInputException(file + ":1: the header has no '" + required + "' column; columns are " + COLUMNS);
            }
        }
        for (int i = 1; i < text.size(); i++) {
            if (text.get(i).isBlank() || text.get(i).startsWith("#")) {
                continue;
            }
            List<String> fields = Csv.fields(text.get(i), i + 1, file);
            if (fields.size() > header.size()) {
                throw new InvalidInputException(file + ":" + (i + 1) + ": " + fields.size() + " fields but the header names "
                        + header.size() + "; quote fields that contain commas");
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                record.put(header.get(f), fields.get(f));
            }
            records.add(record);
            lines.add(i + 1);
        }
    }

    private static void readYaml(String text, Path file, List<Map<String, String>> records, List<Integer> lines) throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(text);
        JsonNode list = document != null && document.has("suppliers") ? document.get("suppliers") : document;
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(file + ": expected a list of suppliers (or 'suppliers:' with a list)");
        }
        int index = 0;
        for (JsonNode entry : list) {
            index++;
            Map<String, String> record = new LinkedHashMap<>();
            entry.fields().forEachRemaining(field -> record.put(field.getKey().toLowerCase(Locale.ROOT),
                    field.getValue().isArray() ? join(field.getValue()) : field.getValue().asText()));
            records.add(record);
            lines.add(index); // YAML entries are numbered by their position in the list
        }
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(";", values);
    }
}
