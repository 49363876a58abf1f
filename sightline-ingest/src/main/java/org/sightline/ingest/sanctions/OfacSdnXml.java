package org.sightline.ingest.sanctions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.vocabulary.Countries;

/**
 * OFAC's SDN list in its XML form (sdn.xml: {@code <sdnList>} with {@code <publshInformation>}, the
 * typo OFAC's, and one {@code <sdnEntry>} per entry). The entries are the CSV form's, with the
 * same entry numbers, so either form updates the same identities; the XML carries its publication
 * date and structured identifiers, countries and birth dates.
 */
public final class OfacSdnXml {
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    /** idList types that say something about the entry but identify nothing. */
    private static final List<String> NOT_IDENTIFIERS = List.of("Gender", "Website", "Email Address", "Additional Sanctions Information",
            "Secondary sanctions risk", "Transactions Prohibited", "Organization Established Date", "Organization Type", "Target Type",
            "Nationality of Registration", "Executive Order");

    private OfacSdnXml() {
    }

    /** An .xml file whose root element is sdnList. */
    /** An .xml file whose first 2 KB hold OFAC's {@code <sdnList>} root. */
    public static boolean looksLikeOfacXml(String fileName, byte[] head) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
                && new String(head, 0, Math.min(head.length, 2048), StandardCharsets.UTF_8).contains("<sdnList");
    }

    public static SanctionsList read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static SanctionsList read(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A list file names no DTD or entity; refusing them closes the door to XXE.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Listing> listings = new ArrayList<>();
        String date = null;
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Publish_Date" -> date = publishDate(xml.getElementText().trim(), source);
                        case "sdnEntry" -> listings.add(entry(xml, source));
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidInputException(source + ": not well-formed XML at line " + (e.getLocation() == null ? "?"
                    : e.getLocation().getLineNumber()) + ": " + e.getMessage());
        } finally {
            close(xml);
        }
        if (date == null) {
            throw new InvalidInputException(source + ": an OFAC SDN XML list carries its date in publshInformation/Publish_Date; this one has none");
        }
        return new SanctionsList(OfacSdnCsv.LIST, OfacSdnCsv.KEY, date, OfacSdnCsv.PUBLISHER, listings);
    }

    private static String publishDate(String text, String source) {
        try {
            return StixTimestamp.ofDay(LocalDate.parse(text, PUBLISHED));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(source + ": Publish_Date '" + text + "' is not a MM/dd/yyyy date");
        }
    }

    /** One sdnEntry, read up to its end tag. */
    private static Listing entry(XMLStreamReader xml, String source) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        String uid = null;
        String first = null;
        String last = null;
        String type = null;
        String remarks = null;
        List<String> programs = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> births = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        Set<String> countries = new LinkedHashSet<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sdnEntry")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "uid" -> uid = uid == null ? xml.getElementText().trim() : uid; // the first is the entry's; the rest number its parts
                case "firstName" -> first = xml.getElementText().trim();
                case "lastName" -> last = xml.getElementText().trim();
                case "sdnType" -> type = xml.getElementText().trim();
                case "remarks" -> remarks = xml.getElementText().trim();
                case "program" -> programs.add(xml.getElementText().trim());
                case "aka" -> {
                    String alias = alias(children(xml, "aka"));
                    if (alias != null) {
                        aliases.add(alias);
                    }
                }
                case "id" -> identifier(children(xml, "id")).ifPresent(identifiers::add);
                case "dateOfBirth" -> births.add(xml.getElementText().trim());
                case "country" -> Countries.code(xml.getElementText().trim()).ifPresent(countries::add);
                default -> { }
            }
        }
        if (uid == null || last == null) {
            throw new InvalidInputException(source + ":" + line + ": an sdnEntry needs its uid and lastName");
        }
        boolean individual = "Individual".equalsIgnoreCase(type);
        String listed = first == null ? last : last + ", " + first;
        return new Listing(uid, individual ? OfacSdnCsv.naturalOrder(listed) : listed, listed, individual, individual ? null : type, aliases,
                programs, births, identifiers, List.copyOf(countries), remarks, null);
    }

    /** The texts of an element's children, by name, read up to its end tag (the elements an aka or an id holds are flat). */
    private static java.util.Map<String, String> children(XMLStreamReader xml, String element) throws XMLStreamException {
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                texts.put(xml.getLocalName(), xml.getElementText().trim());
            }
        }
        return texts;
    }

    /** "LAST, First" as the CSV form writes an alias; an organisation's alias is its last name alone. */
    private static String alias(java.util.Map<String, String> aka) {
        String last = aka.get("lastName");
        String first = aka.get("firstName");
        return first == null || first.isEmpty() ? last : last + ", " + first;
    }

    /** "Passport 042833 (Lebanon)", the CSV form's wording; types that identify nothing give nothing. */
    private static java.util.Optional<String> identifier(java.util.Map<String, String> id) {
        String type = id.get("idType");
        String number = id.get("idNumber");
        String country = id.get("idCountry");
        if (type == null || number == null || NOT_IDENTIFIERS.stream().anyMatch(type::startsWith)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(type + " " + number + (country == null || country.isEmpty() ? "" : " (" + country + ")"));
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing more to read
            }
        }
    }
}
