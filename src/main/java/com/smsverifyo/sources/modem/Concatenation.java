package com.smsverifyo.sources.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins the parts of concatenated messages by sender, reference and total, in sequence order. A
 * message whose parts do not all come within the timeout is delivered with what came (a gap marked
 * "[…]"), never dropped. Each part remembers where it is stored on the SIM, so the storage is freed
 * only once the whole message has been delivered. One modem port's thread owns an instance.
 */
final class Concatenation {
    static final String GAP = "[…]";

    /** A stored part: its place in SIM storage and its SMS. */
    record Stored(int index, Pdu.Sms sms) {
    }

    /** A whole message (or what came of it), with every SIM index its parts occupy. */
    record Joined(String sender, String text, Instant sentAt, List<Integer> indexes, boolean complete, String key) {
    }

    private record Key(String sender, int reference, int total) {
    }

    private static final class Pending {
        final Instant firstSeen;
        final Map<Integer, Stored> parts = new TreeMap<>();

        Pending(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final Duration timeout;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    Concatenation(Duration timeout) {
        this.timeout = timeout;
    }

    /** Adds a part; the joined message once every part is in. A part seen again (a re-read) is ignored. */
    Optional<Joined> add(Stored stored, Instant now) {
        Pdu.Part part = stored.sms().part();
        Key key = new Key(stored.sms().sender(), part.reference(), part.total());
        Pending message = pending.computeIfAbsent(key, k -> new Pending(now));
        message.parts.putIfAbsent(part.sequence(), stored);
        if (message.parts.size() < part.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(join(key, message, true));
    }

    /** Messages whose missing parts did not come within the timeout, as far as they came. */
    List<Joined> overdue(Instant now) {
        List<Joined> due = new ArrayList<>();
        Iterator<Map.Entry<Key, Pending>> entries = pending.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Pending> entry = entries.next();
            if (!now.isBefore(entry.getValue().firstSeen.plus(timeout))) {
                entries.remove();
                due.add(join(entry.getKey(), entry.getValue(), false));
            }
        }
        return due;
    }

    private static Joined join(Key key, Pending message, boolean complete) {
        StringBuilder text = new StringBuilder();
        List<Integer> indexes = new ArrayList<>();
        Instant sentAt = null;
        for (int sequence = 1; sequence <= key.total(); sequence++) {
            Stored stored = message.parts.get(sequence);
            if (stored == null) {
                text.append(GAP);
                continue;
            }
            text.append(stored.sms().text());
            indexes.add(stored.index());
            if (sentAt == null) {
                sentAt = stored.sms().sentAt();
            }
        }
        String id = key.sender() + "|" + key.reference() + "|" + key.total() + "|" + sentAt;
        return new Joined(key.sender(), text.toString(), sentAt, List.copyOf(indexes), complete, id);
    }
}
