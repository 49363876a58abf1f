package org.sightline.cli;

/**
 * A command that changes the store or takes knowledge out of it (an import, a claim, a token, an
 * export): each run goes into the audit log beside the API's requests, with the local user, the
 * command line (secrets masked) and its exit code.
 */
public interface Audited {
}
