package org.sightline.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one document every {@code sightline bench NAME --json} prints:
 * {"bench":NAME,"java":…,"cpus":N,"results":[{"metric":…,"value":…,"unit":…,"params":{…}}]}.
 */
public record BenchReport(String bench, String java, int cpus, List<Result> results) {

    public record Result(String metric, double value, String unit, Map<String, Object> params) {
    }

    public static BenchReport start(String bench) {
        return new BenchReport(bench, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                new ArrayList<>());
    }

    public void add(String metric, double value, String unit, Map<String, Object> params) {
        results.add(new Result(metric, Math.round(value * 10000) / 10000.0, unit, params));
    }

    /** A result's params from name, value pairs, in that order. */
    public static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    /** The report as text, one aligned line per result, or as the JSON document with --json. */
    public void print(org.sightline.cli.Output output) {
        int metric = results.stream().mapToInt(r -> r.metric().length()).max().orElse(0);
        int unit = results.stream().mapToInt(r -> r.unit().length()).max().orElse(0);
        output.answer(this, () -> results.forEach(r -> output.line(String.format("%-" + metric + "s %14.4f %-" + unit + "s %s",
                r.metric(), r.value(), r.unit(), r.params()))));
    }
}
