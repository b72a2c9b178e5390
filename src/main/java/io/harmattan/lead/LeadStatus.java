package io.harmattan.triage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The triage life cycle: new -> qualified | disqualified (with a reason) | spam; qualified ->
 * converted; spam -> new (released from quarantine); disqualified -> new (reopened); a new lead
 * may be merged into another. Converted and merged are final.
 */
public final class LeadStatus {

    public static final String NEW = "new";
    public static final String QUALIFIED = "qualified";
    public static final String DISQUALIFIED = "disqualified";
    public static final String SPAM = "spam";
    public static final String CONVERTED = "converted";
    public static final String MERGED = "merged";

    /** In the order the inbox shows them. */
    public static final List<String> ALL = List.of(NEW, QUALIFIED, DISQUALIFIED, CONVERTED, MERGED, SPAM);

    private static final Map<String, Set<String>> NEXT = Map.of(
            NEW, Set.of(QUALIFIED, DISQUALIFIED, SPAM, MERGED),
            QUALIFIED, Set.of(CONVERTED, DISQUALIFIED),
            DISQUALIFIED, Set.of(NEW),
            SPAM, Set.of(NEW),
            CONVERTED, Set.of(),
            MERGED, Set.of());

    private LeadStatus() {
    }

    public static boolean canMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** Whether a consultant can still work on it: assign, annotate, correct. */
    public static boolean isOpen(String status) {
        return NEW.equals(status) || QUALIFIED.equals(status);
    }

    public static boolean isKnown(String status) {
        return ALL.contains(status);
    }
}
