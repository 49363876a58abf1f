package org.sightline.ingest.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.vocabulary.Countries;

/**
 * OpenSanctions' FollowTheMoney entities, one JSON object per line ({"id", "schema", "properties",
 * "datasets", "last_change", "target"}). People, organisations, companies, legal entities, public
 * bodies, vessels and aircraft become list entries; Sanction entities add their programme, and
 * Passport or Identification entities their number, to the entity they name. Entities marked as
 * not a target (owners, relatives) are context, not entries. The list is the dataset the entities
 * belong to, dated by their latest change.
 */
public final class FollowTheMoney {
    private static final Set<String> PERSON = Set.of("Person");
    private static final Set<String> BODIES = Set.of("Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane");
    private static final List<String> NAMES = List.of("alias", "weakAlias", "previousName");
    private static final List<String> IDENTIFIERS = List.of("passportNumber", "idNumber", "registrationNumber", "taxNumber", "innCode",
            "ogrnCode", "imoNumber", "swiftBic");

    private FollowTheMoney() {
    }

    /** A .json, .jsonl or .ftm file whose first line is an entity: an object with "schema" and "properties". */
    /** A .json, .jsonl, .ftm or .ijson file whose first line is one entity (schema, properties, id). */
    public static boolean looksLikeFtm(String fileName, byte[] head) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (!(name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ftm") || name.endsWith(".ijson"))) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (end < 0) {
            return false; // no whole first line in the head: not a line-per-entity file
        }
        String first = text.substring(0, end).trim();
        if (!first.startsWith("{") || !first.endsWith("}")) {
            return false;
        }
        try {
            JsonNode entity = StixJson.mapper().readTree(first);
            return entity.has("schema") && entity.has("properties") && entity.has("id");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static SanctionsList read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @param undated the list's date when no entity carries last_change */
    public static SanctionsList read(InputStream in, String source, Instant undated) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        Map<String, List<String>> programs = new LinkedHashMap<>();
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        Set<String> datasets = new LinkedHashSet<>();
        String latest = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entity = entity(line, source, number);
                String schema = entity.path("schema").asText();
                JsonNode properties = entity.path("properties");
                if (PERSON.contains(schema) || BODIES.contains(schema)) {
                    if (entity.path("target").asBoolean(true)) {
                        entries.put(entity.path("id").asText(), entity);
                        entity.path("datasets").forEach(dataset -> datasets.add(dataset.asText()));
                    }
                } else if (schema.equals("Sanction")) {
                    for (JsonNode target : properties.path("entity")) {
                        values(properties, "program").forEach(program -> programs.computeIfAbsent(target.asText(), k -> new ArrayList<>()).add(program));
                    }
                } else if (schema.equals("Passport") || schema.equals("Identification")) {
                    for (JsonNode holder : properties.path("holder")) {
                        values(properties, "number").forEach(id -> identifiers.computeIfAbsent(holder.asText(), k -> new ArrayList<>())
                                .add(schema + " " + id + countryOf(properties)));
                    }
                }
                String change = entity.path("last_change").asText(null);
                if (change != null && (latest == null || change.compareTo(latest) > 0)) {
                    latest = change;
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + ": " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(source + ": no person, organisation, company, vessel or aircraft among its entities");
        }
        String dataset = datasets.size() == 1 ? datasets.iterator().next() : fileName(source);
        List<Listing> listings = new ArrayList<>();
        entries.forEach((id, entity) -> listings.add(listing(id, entity, programs.getOrDefault(id, List.of()),
                identifiers.getOrDefault(id, List.of()))));
        return new SanctionsList(dataset, "ftm:" + dataset, date(latest, undated, source), "FollowTheMoney entities", listings);
    }

    private static JsonNode entity(String line, String source, int number) {
        JsonNode entity;
        try {
            entity = StixJson.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(source + ":" + number + ": not a JSON object: " + e.getOriginalMessage());
        }
        if (!entity.isObject() || !entity.path("id").isTextual() || !entity.path("schema").isTextual() || !entity.path("properties").isObject()) {
            throw new InvalidInputException(source + ":" + number + ": a FollowTheMoney entity needs \"id\", \"schema\" and \"properties\"");
        }
        return entity;
    }

    private static Listing listing(String id, JsonNode entity, List<String> sanctionPrograms, List<String> documents) {
        JsonNode properties = entity.path("properties");
        List<String> names = values(properties, "name");
        String name = names.isEmpty() ? entity.path("caption").asText(id) : names.get(0);
        List<String> aliases = new ArrayList<>(names.subList(Math.min(1, names.size()), names.size()));
        NAMES.forEach(property -> aliases.addAll(values(properties, property)));
        List<String> programs = new ArrayList<>(values(properties, "program"));
        sanctionPrograms.stream().filter(program -> !programs.contains(program)).forEach(programs::add);
        List<String> ids = new ArrayList<>();
        IDENTIFIERS.forEach(property -> values(properties, property).forEach(value -> ids.add(label(property) + " " + value)));
        ids.addAll(documents);
        Set<String> countries = new LinkedHashSet<>();
        for (String property : List.of("nationality", "citizenship", "country", "jurisdiction", "flag")) {
            values(properties, property).forEach(country -> Countries.code(country).ifPresent(countries::add));
        }
        String schema = entity.path("schema").asText();
        List<String> notes = values(properties, "notes");
        return new Listing(id, name, null, PERSON.contains(schema), PERSON.contains(schema) ? null : schema, aliases, programs,
                values(properties, "birthDate"), ids, List.copyOf(countries), notes.isEmpty() ? null : String.join(" ", notes),
                values(properties, "sourceUrl").stream().findFirst().orElse(null));
    }

    /** "passportNumber" reads "Passport", as the OFAC lists word it. */
    private static String label(String property) {
        return switch (property) {
            case "passportNumber" -> "Passport";
            case "idNumber" -> "National ID No.";
            case "registrationNumber" -> "Registration Number";
            case "taxNumber" -> "Tax ID No.";
            case "innCode" -> "INN";
            case "ogrnCode" -> "OGRN";
            case "imoNumber" -> "IMO";
            default -> "SWIFT/BIC";
        };
    }

    private static String countryOf(JsonNode properties) {
        List<String> countries = values(properties, "country");
        return countries.isEmpty() ? "" : " (" + countries.get(0).toUpperCase(java.util.Locale.ROOT) + ")";
    }

    private static List<String> values(JsonNode properties, String property) {
        List<String> values = new ArrayList<>();
        properties.path(property).forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText().trim());
            }
        });
        return values;
    }

    private static String date(String latest, Instant undated, String source) {
        if (latest == null) {
            return StixTimestamp.ofDay(undated.atZone(ZoneOffset.UTC).toLocalDate());
        }
        try {
            return StixTimestamp.ofDay(LocalDateTime.parse(latest.length() == 10 ? latest + "T00:00:00" : latest.replace("Z", "")).toLocalDate());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(source + ": last_change '" + latest + "' is not a date");
        }
    }

    private static String fileName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
