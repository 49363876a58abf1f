package org.sightline.server.taxii;

/** A request TAXII answers with an error message (TAXII 2.1 §3.6.1) and this HTTP status. */
public final class TaxiiException extends RuntimeException {
    private final int status;
    private final String title;

    public TaxiiException(int status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    static TaxiiException notFound(String what) {
        return new TaxiiException(404, "Not found", what);
    }

    static TaxiiException badRequest(String what) {
        return new TaxiiException(400, "Bad request", what);
    }
}
