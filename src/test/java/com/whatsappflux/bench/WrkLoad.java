package com.whatsappflux.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.whatsappflux.whatsapp.WebhookSignature;

/**
 * Signed webhook deliveries posted by wrk (Debian's {@code wrk}, C, epoll): the load generator shares the two cores
 * with the app and PostgreSQL, and the JDK's HTTP client cost about as much CPU per request as the request path it
 * measured. The deliveries are signed here and written to a file first, one per line ({@code scripts/wrk-webhooks.lua}
 * reads them); each is posted once unless wrk runs out of them.
 */
final class WrkLoad {

    private static final Pattern RESULT = Pattern.compile("(\\w+)=([0-9.]+)");

    private final String baseUrl;
    private final String secret;
    private final Path script;
    private final Path workDir;

    WrkLoad(String baseUrl, String secret, Path script, Path workDir) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.script = script;
        this.workDir = workDir;
    }

    /** Whether wrk can be run here ({@code scripts/bench} installs it from Debian when missing). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Result(long requests, long non2xx, long socketErrors, double seconds, double p50, double p95, double p99,
                  double max, ResourceMeter.Usage usage) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** Writes {@code count} deliveries made by {@code body} (numbered from 0) to a file for {@link #run}. */
    Path deliveries(String name, int count, IntFunction<String> body) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve(name + ".tsv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String json = body.apply(i);
                out.write(WebhookSignature.sign(json.getBytes(StandardCharsets.UTF_8), secret));
                out.write('\t');
                out.write(json);
                out.write('\n');
            }
        }
        return file;
    }

    /** Posts the file's deliveries over {@code connections} keep-alive connections for {@code seconds}. */
    Result run(Path deliveries, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), baseUrl, "--", deliveries.toString(), "1");
        ResourceMeter.Snapshot before = ResourceMeter.snapshot();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        ResourceMeter.Usage usage = ResourceMeter.between(before, ResourceMeter.snapshot());
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk exited with " + exit + " and no result:\n" + output));
        Map<String, Double> values = RESULT.matcher(line).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> Double.parseDouble(m.group(2))));
        return new Result(values.get("requests").longValue(), values.get("non2xx").longValue(),
                values.get("socket_errors").longValue(), values.get("seconds"), values.get("p50"), values.get("p95"),
                values.get("p99"), values.get("max"), usage);
    }
}
