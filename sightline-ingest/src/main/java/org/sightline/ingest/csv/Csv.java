package org.sightline.ingest.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sightline.error.InvalidInputException;

/** RFC 4180 fields of one CSV line: commas separate, double quotes enclose, "" is a quote. */
public final class Csv {
    private Csv() {
    }

    public static List<String> fields(String line, int number, Path file) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(file + ":" + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
