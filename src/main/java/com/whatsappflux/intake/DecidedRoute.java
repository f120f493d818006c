package com.whatsappflux.intake;

/**
 * The route the intake decided for the message an inbox worker is routing on this thread, with its classification.
 * The worker marks the message processed right after, so it writes both in one UPDATE of the inbox row instead of
 * two ({@link RecordRouteListener} hands them over here; anywhere else, e.g. in a job, the listener writes them).
 */
record DecidedRoute(String intent, Double confidence, String language, String route) {

    /** Nothing decided: a reply that went to a waiting workflow, a message handed to the job executor. */
    static final DecidedRoute NONE = new DecidedRoute(null, null, null, null);

    /** The message being routed on this thread, and what was decided for it (null until the route is decided). */
    private static final ThreadLocal<Pending> ROUTING = new ThreadLocal<>();

    private static final class Pending {
        final String wamid;
        DecidedRoute decided;

        Pending(String wamid) {
            this.wamid = wamid;
        }
    }

    /** The inbox worker starts routing this message on the current thread. */
    static void routing(String wamid) {
        ROUTING.set(new Pending(wamid));
    }

    /** Keeps the route for the worker's UPDATE; false when no worker routes this message on this thread. */
    static boolean offer(String wamid, DecidedRoute decided) {
        Pending pending = ROUTING.get();
        if (pending == null || !pending.wamid.equals(wamid)) {
            return false;
        }
        pending.decided = decided;
        return true;
    }

    /** The route decided while routing, or {@link #NONE}; ends routing. */
    static DecidedRoute take() {
        Pending pending = ROUTING.get();
        ROUTING.remove();
        return pending == null || pending.decided == null ? NONE : pending.decided;
    }
}
