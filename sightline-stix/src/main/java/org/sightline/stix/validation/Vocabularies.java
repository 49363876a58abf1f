package org.sightline.stix.validation;

import java.util.Map;
import java.util.Set;

/**
 * The STIX 2.1 open vocabularies (§10) Sightline checks. A value outside an open vocabulary is
 * allowed by the specification, so a miss is a warning, never an error.
 */
final class Vocabularies {
    static final Set<String> INDUSTRY_SECTOR = Set.of("agriculture", "aerospace", "automotive", "chemical",
            "commercial", "communications", "construction", "defense", "education", "energy", "entertainment",
            "financial-services", "government", "government-emergency-services", "government-local",
            "government-national", "government-public-services", "government-regional", "healthcare",
            "hospitality-leisure", "infrastructure", "infrastructure-dams", "infrastructure-nuclear",
            "infrastructure-water", "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals",
            "retail", "technology", "telecommunications", "transportation", "utilities");

    /** property name → allowed values, per object type ("*" for any type). */
    static final Map<String, Map<String, Set<String>>> BY_TYPE = Map.of(
            "identity", Map.of(
                    "identity_class", Set.of("individual", "group", "system", "organization", "class", "unknown"),
                    "sectors", INDUSTRY_SECTOR),
            "malware", Map.of("malware_types", Set.of("adware", "backdoor", "bot", "bootkit", "ddos", "downloader",
                    "dropper", "exploit-kit", "keylogger", "ransomware", "remote-access-trojan", "resource-exploitation",
                    "rogue-security-software", "rootkit", "screen-capture", "spyware", "trojan", "unknown", "virus",
                    "webshell", "wiper", "worm")),
            "tool", Map.of("tool_types", Set.of("denial-of-service", "exploitation", "information-gathering",
                    "network-capture", "credential-exploitation", "remote-access", "vulnerability-scanning", "unknown")),
            "indicator", Map.of(
                    "indicator_types", Set.of("anomalous-activity", "anonymization", "benign", "compromised",
                            "malicious-activity", "attribution", "unknown"),
                    "pattern_type", Set.of("stix", "pcre", "sigma", "snort", "suricata", "yara")),
            "report", Map.of("report_types", Set.of("attack-pattern", "campaign", "identity", "indicator",
                    "intrusion-set", "malware", "observed-data", "threat-actor", "threat-report", "tool",
                    "vulnerability")),
            "threat-actor", Map.of(
                    "threat_actor_types", Set.of("activist", "competitor", "crime-syndicate", "criminal", "hacker",
                            "insider-accidental", "insider-disgruntled", "nation-state", "sensationalist", "spy",
                            "terrorist", "unknown"),
                    "roles", Set.of("agent", "director", "independent", "infrastructure-architect",
                            "infrastructure-operator", "malware-author", "sponsor"),
                    "sophistication", Set.of("none", "minimal", "intermediate", "advanced", "expert", "innovator",
                            "strategic")),
            "grouping", Map.of("context", Set.of("suspicious-activity", "malware-analysis", "unspecified")),
            "infrastructure", Map.of("infrastructure_types", Set.of("amplification", "anonymization", "botnet",
                    "command-and-control", "control-system", "exfiltration", "firewall", "hosting-malware",
                    "hosting-target-lists", "phishing", "reconnaissance", "routers-switches", "staging",
                    "workstation", "unknown")),
            "*", Map.of(
                    "resource_level", Set.of("individual", "club", "contest", "team", "organization", "government"),
                    "primary_motivation", Set.of("accidental", "coercion", "dominance", "ideology", "notoriety",
                            "organizational-gain", "personal-gain", "personal-satisfaction", "revenge", "unpredictable"),
                    "secondary_motivations", Set.of("accidental", "coercion", "dominance", "ideology", "notoriety",
                            "organizational-gain", "personal-gain", "personal-satisfaction", "revenge", "unpredictable")));

    private Vocabularies() {
    }
}
