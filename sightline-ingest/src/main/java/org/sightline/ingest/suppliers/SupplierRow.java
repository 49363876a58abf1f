package org.sightline.ingest.suppliers;

import java.util.List;
import org.sightline.stix.vocabulary.SupplyVocabulary.AccessLevel;
import org.sightline.stix.vocabulary.SupplyVocabulary.Criticality;
import org.sightline.stix.vocabulary.SupplyVocabulary.ServiceType;

/**
 * One declared supply, as read and checked: who supplies whom, what, with which access and how
 * critically, and the supplier's sectors (STIX industry sectors) and countries (ISO codes).
 * {@code line} is where it was declared, for errors.
 */
public record SupplierRow(int line, String supplier, String customer, ServiceType serviceType, AccessLevel accessLevel,
                          Criticality criticality, List<String> sectors, List<String> countries) {
}
