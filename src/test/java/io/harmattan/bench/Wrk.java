package io.harmattan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run; any answer but 200 (a redirect to Keycloak included) is counted and reported. */
final class Wrk {

    private static final String SCRIPT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) bad = 0 end
            function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
            function done(summary, latency, requests)
              local total = 0
              for _, t in ipairs(threads) do total = total + t:get("bad") end
              io.write(string.format("NON200 %d\\n", total))
              io.write(string.format("P99MS %.3f\\n", latency:percentile(99) / 1000))
            end
            """;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_200 = Pattern.compile("NON200 (\\d+)");
    private static final Pattern P99 = Pattern.compile("P99MS ([\\d.]+)");

    record Result(double requestsPerSecond, long non200, double p99Millis) {
    }

    static Result run(String url, String cookie, int connections, int seconds, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("count-non-200.lua");
        if (!Files.exists(script)) {
            Files.writeString(script, SCRIPT);
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString()));
        if (cookie != null) {
            command.addAll(List.of("-H", "Cookie: " + cookie));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return new Result(number(RATE, output), (long) number(NON_200, output), number(P99, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
