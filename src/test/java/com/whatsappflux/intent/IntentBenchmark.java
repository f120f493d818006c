package com.whatsappflux.intent;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Single-thread throughput and latency of the built-in classifier (entities included) over the dev texts,
 * plus model load time and retained heap. Not a unit test: timings on a shared CI box are noise.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.whatsappflux.intent.IntentBenchmark -Dexec.args=../shared/data/intent-dev.tsv}
 */
public final class IntentBenchmark {

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "../shared/data/intent-dev.tsv");
        List<String> texts;
        try (InputStream in = Files.newInputStream(path)) {
            texts = LabelledText.readTsv(in).stream().map(LabelledText::text).toList();
        }
        ZoneId zone = ZoneId.of("Asia/Kolkata");

        long heapBefore = usedHeapAfterGc();
        long loadStarted = System.nanoTime();
        BuiltInIntentClassifier classifier = BuiltInIntentClassifier.fromClasspath(zone);
        double loadMillis = (System.nanoTime() - loadStarted) / 1e6;
        long retained = usedHeapAfterGc() - heapBefore;

        ZonedDateTime now = ZonedDateTime.now(zone);
        long sink = 0;
        for (int round = 0; round < 60; round++) { // warm-up: let the JIT compile the hot path
            for (String text : texts) {
                sink += classifier.classify(text, now).intent().ordinal();
            }
        }
        int rounds = 100;
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                sink += classifier.classify(text, now).intent().ordinal();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = rounds * texts.size() / seconds;

        long[] latencies = new long[texts.size() * 20];
        int i = 0;
        for (int round = 0; round < 20; round++) {
            for (String text : texts) {
                long t = System.nanoTime();
                sink += classifier.classify(text, now).intent().ordinal();
                latencies[i++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1000.0;
        double p99 = latencies[(int) (latencies.length * 0.99)] / 1000.0;

        System.out.printf("%n%-34s %14s %12s%n", "metric", "measured", "target");
        System.out.printf("%-34s %14.0f %12s%n", "classifications/s (1 thread)", perSecond, ">= 50000");
        System.out.printf("%-34s %11.1f µs %12s%n", "latency p50", p50, "");
        System.out.printf("%-34s %11.1f µs %12s%n", "latency p99", p99, "< 1000 µs");
        System.out.printf("%-34s %11.0f ms %12s%n", "model load (train from corpus)", loadMillis, "< 1000 ms");
        System.out.printf("%-34s %11.1f MB %12s%n", "retained heap of the model", retained / 1e6, "< 50 MB");
        System.out.printf("%-34s %11.1f MB %12s%n", "weight arrays", classifier.modelBytes() / 1e6, "");
        System.out.printf("(%d texts, %d training rows, checksum %d)%n", texts.size(), classifier.trainingRows(), sink);
        if (classifier.hashCode() == 0) { // keep the model reachable until after the heap was measured
            System.out.print("");
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
