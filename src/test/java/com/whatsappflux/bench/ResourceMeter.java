package com.whatsappflux.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the two cores went during a part of the benchmark: this JVM (the app, and the benchmark's driver, which
 * mostly waits), PostgreSQL's processes, and the load generator (wrk, a child process: its CPU is added to ours
 * once it has been waited for), plus the JVM's compiler and collector. Without it a table says how fast, not
 * what the speed cost or whether the JIT was still compiling while it was measured.
 */
final class ResourceMeter {

    /** Clock ticks per second of /proc's counters (USER_HZ; 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(long nanos, Duration app, Duration postgres, Duration children, long jitMillis, long gcMillis,
                    long gcCount, long stubNanos) {
    }

    record Usage(double seconds, double appCores, double postgresCores, double childCores, double jitSeconds,
                 double gcSeconds, long gcCount, double stubCores) {
        /** Milliseconds of CPU per unit of work in the Graph stub's threads (part of the app's figure). */
        String stubPerUnit(long units) {
            return String.format(java.util.Locale.ROOT, "%.2f", stubCores * seconds * 1000 / units);
        }

        /** Milliseconds of CPU per unit of work (a message, a send) in the app and in PostgreSQL. */
        String perUnit(long units) {
            double app = appCores * seconds * 1000 / units;
            double pg = postgresCores * seconds * 1000 / units;
            return String.format(java.util.Locale.ROOT, "%.2f / %.2f", app, pg);
        }

        String gc() {
            return String.format(java.util.Locale.ROOT, "%d (%.2f)", gcCount, gcSeconds);
        }

        String cores() {
            return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f", appCores, postgresCores, childCores);
        }
    }

    static Snapshot snapshot() {
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        return new Snapshot(System.nanoTime(), ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
                postgresCpu(), childrenCpu(), jit, gcMillis, gcCount, stubCpuNanos());
    }

    static Usage between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        return new Usage(seconds, cores(from.app(), to.app(), seconds), cores(from.postgres(), to.postgres(), seconds),
                cores(from.children(), to.children(), seconds), (to.jitMillis() - from.jitMillis()) / 1000.0,
                (to.gcMillis() - from.gcMillis()) / 1000.0, to.gcCount() - from.gcCount(),
                Math.max(0, (to.stubNanos() - from.stubNanos()) / 1e9 / seconds));
    }

    /**
     * CPU of the Graph stub's threads (its pool and the JDK server's dispatcher): work that stands in for Meta's
     * servers, so it is on these two cores only in the benchmark. Its pool threads live as long as the stub.
     */
    private static long stubCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(LeanGraphStub.THREAD_PREFIX)
                    || "HTTP-Dispatcher".equals(info.getThreadName()))) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos;
    }

    private static double cores(Duration from, Duration to, double seconds) {
        return Math.max(0, to.minus(from).toNanos() / 1e9 / seconds);
    }

    /** The local PostgreSQL server's processes (postmaster, backends, WAL writer, checkpointer). */
    private static Duration postgresCpu() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("/postmaster")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU of this JVM's children that have exited and been waited for (fields cutime and cstime of /proc/self/stat). */
    private static Duration childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": field 3 (state) is index 0, so cutime (16) and cstime (17) are at 13 and 14
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Duration.ofNanos((long) (ticks / TICKS_PER_SECOND * 1e9));
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    private ResourceMeter() {
    }
}
