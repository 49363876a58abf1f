package org.sightline.cli.knowledge;

import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.NotFoundException;
import org.sightline.stix.StixObject;
import org.sightline.stix.json.StixJson;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// --version here names an object version (as the interface has it), so only --help is mixed in.
@Command(name = "get",
        description = "Print one STIX object: its current version, or the version given.")
public final class GetCommand extends KnowledgeCommand {
    @Parameters(paramLabel = "ID", description = "The STIX id, e.g. intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f.")
    String id;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "TIMESTAMP", description = "The version's modified timestamp.")
    String version;

    @Option(names = "--versions", description = "List every version of the object instead.")
    boolean listVersions;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if (listVersions) {
            var versions = knowledge.store().versions(id);
            if (versions.isEmpty()) {
                throw new NotFoundException("no object " + id + " in the knowledge store");
            }
            output.answer(java.util.Map.of("id", id, "versions", versions), () -> versions.forEach(v ->
                    output.line(v.modified() + (v.current() ? "  current" : "") + (v.revoked() ? "  revoked" : ""))));
            return Sightline.OK;
        }
        StixObject object = (version == null ? knowledge.store().current(id) : knowledge.store().version(id, version))
                .orElseThrow(() -> new NotFoundException("no object " + id
                        + (version == null ? "" : " with version " + version) + " in the knowledge store"));
        output.line(StixJson.writePretty(object.json()));
        return Sightline.OK;
    }
}
