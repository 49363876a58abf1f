package org.sightline.cli.actors;

import java.util.List;
import org.sightline.cli.KnowledgeCommand;
import org.sightline.cli.Output;
import org.sightline.cli.OutputFile;
import org.sightline.cli.Sightline;
import org.sightline.intel.actors.ActorCard;
import org.sightline.intel.actors.ActorDirectory;
import org.sightline.intel.actors.ActorProfile;
import org.sightline.intel.actors.ActorProfiles;
import org.sightline.intel.actors.ActorResolution;
import org.sightline.intel.actors.Candidate;
import org.sightline.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "actor", mixinStandardHelpOptions = true,
        subcommands = {ActorConflictsCommand.class, ActorLinkCommand.class, ActorUnlinkCommand.class},
        description = {"Resolve any name, alias or ATT&CK id of an intrusion set, threat actor or campaign "
                + "(any case, spacing or hyphenation: \"stone panda\", \"APT 10\", \"apt-10\", \"G0045\") and print its card.",
                "An unknown name exits 1 with the nearest candidates."})
public final class ActorCommand extends KnowledgeCommand {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The name to look up.")
    List<String> name;

    @picocli.CommandLine.Option(names = "--card", description = "Print the full card: sponsor, country, targets, "
            + "techniques by tactic, software, campaigns, people and organisations, first/last seen, references.")
    boolean fullCard;

    @picocli.CommandLine.Option(names = "--navigator-layer", paramLabel = "FILE",
            description = "Also write the actor's techniques as an ATT&CK Navigator layer (format 4.5).")
    java.nio.file.Path navigatorLayer;

    @picocli.CommandLine.Option(names = "--timeline", description = "Print the actor's dated activity, with dormancy and resurgence.")
    boolean timeline;

    @Override
    protected int run(KnowledgeBase knowledge, Output output) {
        if (name == null || name.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a NAME, or one of: conflicts, link, unlink");
        }
        ActorResolution resolution = new ActorDirectory(knowledge.store()).resolve(String.join(" ", name));
        if (navigatorLayer != null && resolution.found()) {
            ActorProfile profile = new ActorProfiles(knowledge.store()).profile(resolution.match().id());
            OutputFile.write(navigatorLayer, org.sightline.stix.json.StixJson.writePretty(org.sightline.intel.navigator.NavigatorLayer.ofActor(profile)));
            output.note("wrote the ATT&CK Navigator layer to " + navigatorLayer);
        }
        if (timeline && resolution.found()) {
            var activity = new org.sightline.intel.timeline.ActivityTimeline(knowledge.store()).of(resolution.match(), java.time.Instant.now());
            output.answer(activity, () -> {
                activity.events().forEach(e -> output.line(e.date() + "  " + e.kind() + "  " + e.label()
                        + (e.resurgence() ? "  (resurgence)" : "")));
                output.line(!activity.dated() ? "activity unknown: no dated campaign, report or sighting on record"
                        : activity.dormant() ? "DORMANT: quiet for " + activity.quietForDays() + " days (usual gap "
                        + activity.medianGapDays() + " days)" : "active");
            });
            return Sightline.OK;
        }
        if (fullCard && resolution.found()) {
            ActorProfile profile = new ActorProfiles(knowledge.store()).profile(resolution.match().id());
            output.answer(profile, () -> printProfile(profile, output));
            return Sightline.OK;
        }
        output.answer(resolution, () -> print(resolution, output));
        return resolution.found() ? Sightline.OK : Sightline.FAILED;
    }

    private static void printProfile(ActorProfile profile, Output output) {
        output.line(profile.name() + (profile.externalId() == null ? "" : "  [" + profile.externalId() + "]") + "  " + profile.id());
        if (profile.summary() != null) {
            output.line(profile.summary());
        }
        output.line("seen: " + profile.firstSeen() + " .. " + profile.lastSeen());
        printSourced(output, "country", profile.countries());
        printSourced(output, "suspected state sponsor", profile.stateSponsors());
        printSourced(output, "target sectors", profile.targetSectors());
        printSourced(output, "victim countries", profile.victimCountries());
        output.line("aliases:");
        profile.aliases().forEach(a -> output.line(String.format("  %-28s %s", a.name(), String.join("; ", a.sources()))));
        output.line("techniques by tactic:");
        profile.techniquesByTactic().forEach((tactic, techniques) -> output.line("  " + tactic + ": "
                + String.join(", ", techniques.stream().map(t -> t.externalId() + " " + t.name()).toList())));
        output.line("software: " + String.join(", ", profile.software().stream().map(s -> s.name() + " (" + s.externalId() + ")").toList()));
        profile.campaigns().forEach(c -> output.line("campaign: " + c.name() + (c.detail() == null ? "" : "  " + c.detail())));
        profile.associated().forEach(a -> output.line("associated: " + a.name() + " (" + a.detail() + ")"));
        output.line(profile.references().size() + " references");
    }

    private static void printSourced(Output output, String label, java.util.List<ActorProfile.Sourced> values) {
        if (!values.isEmpty()) {
            output.line(label + ": " + String.join(", ", values.stream()
                    .map(v -> v.value() + " [" + String.join("; ", v.sources()) + "]").toList()));
        }
    }

    private static void print(ActorResolution resolution, Output output) {
        if (!resolution.found()) {
            output.err().println("no intrusion set, threat actor or campaign is named '" + resolution.query() + "'");
            if (!resolution.candidates().isEmpty()) {
                output.err().println("nearest names:");
                for (Candidate candidate : resolution.candidates()) {
                    output.err().printf("  %.2f  %s (as \"%s\")  %s%n", candidate.score(), candidate.name(),
                            candidate.matchedName(), candidate.id());
                }
            }
            return;
        }
        ActorCard card = resolution.match();
        output.line(card.name() + (card.externalId() == null ? "" : "  [" + card.externalId() + "]") + "  " + card.type());
        output.line(card.id());
        output.line("aliases and who uses them:");
        for (ActorCard.Alias alias : card.aliases()) {
            output.line(String.format("  %-28s %s", alias.name(), String.join("; ", alias.sources())));
        }
        output.line("uses " + card.techniques() + " techniques and " + card.software() + " pieces of software");
        if (card.summary() != null) {
            output.line("");
            output.line(card.summary());
        }
        if (resolution.conflict()) {
            output.line("");
            output.line("CONFLICT: '" + resolution.query() + "' is also claimed by other actors (not linked as the same actor):");
            output.line("  " + holder(card.name(), card.externalId(), card.id()) + "  per " + String.join("; ", resolution.sources())
                    + "  (shown above)");
            resolution.ambiguousWith().forEach(h -> output.line("  " + holder(h.name(), h.externalId(), h.id())
                    + "  per " + String.join("; ", h.sources())));
        }
    }

    private static String holder(String name, String externalId, String id) {
        return name + (externalId == null ? "" : " [" + externalId + "]") + "  " + id;
    }
}
