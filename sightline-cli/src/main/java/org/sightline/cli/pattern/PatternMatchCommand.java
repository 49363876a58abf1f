package org.sightline.cli.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sightline.cli.Output;
import org.sightline.cli.Sightline;
import org.sightline.error.InvalidInputException;
import org.sightline.error.NotFoundException;
import org.sightline.pattern.match.MatchResult;
import org.sightline.pattern.match.MatcherException;
import org.sightline.pattern.match.PatternMatching;
import org.sightline.pattern.parse.PatternSyntaxException;
import org.sightline.stix.json.StixJson;
import org.sightline.stix.json.StixReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match one STIX pattern against observed data: bundles or observed-data objects "
                + "(2.1 with object_refs, 2.0 with embedded objects), as the STIX 2.1 specification evaluates it.",
                "--json: {\"matched\":true|false,\"bindings\":[[observed-data ids…]…]}; a pattern error exits 1 with "
                        + "{\"error\":{\"kind\":\"parse_error\"|\"matcher_error\",\"message\":…}}."})
public final class PatternMatchCommand extends PatternToolCommand {
    @Option(names = "--pattern", required = true, paramLabel = "PATTERN", description = "The STIX pattern.")
    String pattern;

    @Option(names = "--observed", required = true, paramLabel = "FILE", arity = "1..*",
            description = "JSON files (optionally gzip) of bundles, observed-data or arrays of objects.")
    List<Path> observed;

    @Override
    protected int run(Output output, String stixVersion) {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : observed) {
            documents.add(read(file));
        }
        MatchResult result;
        try {
            result = PatternMatching.match(pattern, stixVersion, documents);
        } catch (PatternSyntaxException | MatcherException e) {
            output.answer(PatternMatching.errorDocument(e), () -> output.err().println("error: " + e.getMessage()));
            return Sightline.FAILED;
        }
        output.answer(result, () -> {
            output.line(result.matched() ? "match" : "no match");
            result.bindings().stream().limit(10).forEach(binding -> output.line("  " + String.join(", ", binding)));
        });
        return Sightline.OK;
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no such file: " + file);
        }
        try (InputStream in = StixReader.open(file)) {
            return StixJson.mapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
