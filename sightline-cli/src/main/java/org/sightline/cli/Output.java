package org.sightline.cli;

import java.io.PrintStream;
import org.sightline.stix.json.StixJson;

/** Where a command's answer goes: one JSON document on stdout with --json, text for people otherwise. */
public final class Output {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    public Output(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** Prints the document as JSON, or runs the text renderer. */
    public void answer(Object document, Runnable text) {
        if (json) {
            out.println(StixJson.document(document));
        } else {
            text.run();
        }
    }

    public void line(String text) {
        out.println(text);
    }

    public PrintStream out() {
        return out;
    }

    /** Notes for people (progress, hints) go to stderr so that stdout stays clean. */
    public void note(String text) {
        if (!json) {
            err.println(text);
        }
    }

    public PrintStream err() {
        return err;
    }
}
