package org.sightline.intel.dossier;

import java.util.Locale;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;

/** The forms a dossier is written in, each with its media type for the API. */
public enum DossierFormat {
    HTML("text/html; charset=utf-8"), MD("text/markdown; charset=utf-8"), STIX("application/json");

    private final String mediaType;

    DossierFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static DossierFormat parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.equals("MARKDOWN")) {
            return MD;
        }
        for (DossierFormat format : values()) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new InvalidInputException("format '" + text + "' is not one of html, md, stix");
    }

    public String render(Dossier dossier, StixStore store) {
        java.util.function.Function<String, String> names = id -> id == null ? "" : store.current(id).map(StixObject::name).orElse(id);
        return switch (this) {
            case HTML -> HtmlDossier.render(dossier, names);
            case MD -> MarkdownDossier.render(dossier, names);
            case STIX -> StixJson.writePretty(StixDossier.render(dossier, store, MarkdownDossier.render(dossier, names)));
        };
    }
}
