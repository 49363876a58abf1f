package org.sightline.stix.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One controlled vocabulary of sectors: STIX 2.1's industry-sector-ov (§10.12), and a table that maps
 * the free text of MISP's {@code cfr-target-category} and of supplier files onto it ("Telecoms",
 * "Telecomms", "Telecommunications" are all {@code telecommunications}). Words too vague to place
 * ("Private sector", "Civil society", "Individuals") map to nothing rather than to a guess.
 */
public final class Sectors {
    /** STIX 2.1 industry-sector-ov. */
    public static final Set<String> STIX = Set.of("agriculture", "aerospace", "automotive", "chemical", "commercial",
            "communications", "construction", "defense", "education", "energy", "entertainment", "financial-services",
            "government", "government-emergency-services", "government-local", "government-national", "government-public-services",
            "government-regional", "healthcare", "hospitality-leisure", "infrastructure", "infrastructure-dams",
            "infrastructure-nuclear", "infrastructure-water", "insurance", "manufacturing", "mining", "non-profit",
            "pharmaceuticals", "retail", "technology", "telecommunications", "transportation", "utilities");

    private static final Map<String, String> FREE_TEXT = new TreeMap<>();

    static {
        map("technology", "information technology", "it", "high-tech", "high tech", "hi-tech", "software", "semiconductor industry",
                "electronics manufacturers", "managed services", "managed it services", "it services", "cloud");
        map("telecommunications", "telecoms", "telecomms", "telecom", "telecommunication", "telco");
        map("communications", "media", "media and entertainment", "journalists");
        map("financial-services", "finance", "financial", "financial services", "banking", "banks", "cryptocurrency", "fintech");
        map("government", "government agencies and services", "government institutions", "intergovernmental", "diplomatic", "diplomacy");
        map("government-national", "national government");
        map("defense", "military", "defense industrial base", "defence", "defense contractor");
        map("healthcare", "health", "medical", "biomedical", "hospitals");
        map("pharmaceuticals", "pharmaceutical", "covid-19 research organizations");
        map("education", "universities", "university", "academia", "scientific research", "research");
        map("energy", "energy company", "petroleum", "oil and gas", "oil & gas");
        map("transportation", "transportation systems", "rail", "logistics", "aviation", "shipping", "airlines", "travel");
        map("aerospace", "aviation and aerospace");
        map("manufacturing", "critical manufacturing", "industrial");
        map("automotive", "automobile");
        map("retail", "e-commerce", "ecommerce");
        map("hospitality-leisure", "hospitality", "hotels", "gambling companies", "gambling websites", "gaming");
        map("non-profit", "ngos", "ngo", "religious organization", "religious organizations", "think tanks",
                "pro-democracy and human rights political organizations");
        map("construction", "civil engineering");
        map("agriculture", "food and agriculture");
        map("commercial", "business", "services");
        map("utilities", "water", "electricity");
        map("insurance", "insurers");
        map("chemical", "chemicals");
        map("mining", "metals and mining");
        map("entertainment", "film", "music");
        for (String sector : STIX) {
            FREE_TEXT.put(sector, sector);
            FREE_TEXT.put(sector.replace('-', ' '), sector);
        }
    }

    private Sectors() {
    }

    private static void map(String sector, String... words) {
        for (String word : words) {
            FREE_TEXT.put(word, sector);
        }
    }

    /** The STIX sector for a free-text sector name, or empty when it names none ("Private sector"). */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.ofNullable(FREE_TEXT.get(key));
    }

    /** Every free-text value the table knows, with its sector (for the docs and tests). */
    public static Map<String, String> table() {
        return java.util.Collections.unmodifiableMap(FREE_TEXT);
    }

    public static List<String> normaliseAll(List<String> texts) {
        return texts.stream().map(Sectors::normalise).flatMap(Optional::stream).distinct().toList();
    }
}
