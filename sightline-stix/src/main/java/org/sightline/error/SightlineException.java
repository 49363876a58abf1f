package org.sightline.error;

/**
 * Root of the errors Sightline reports to its users. The message names the thing and the rule,
 * so the CLI and the HTTP API can show it as it is; {@link #code()} is the stable machine name.
 */
public class SightlineException extends RuntimeException {
    private final String code;

    public SightlineException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SightlineException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
