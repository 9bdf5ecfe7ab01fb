package org.iago.batch;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The deepest cause of a failure. H2's exceptions can cause each other in a loop, so the walk stops on a repeat. */
public final class RootCause {

    private RootCause() {
    }

    /** The last throwable of {@code t}'s cause chain, or the one where the chain comes back to itself. */
    public static Throwable of(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = t;
        while (seen.add(root) && root.getCause() != null && !seen.contains(root.getCause())) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause's message, or its class and message when it has none. */
    public static String message(Throwable t) {
        Throwable root = of(t);
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
