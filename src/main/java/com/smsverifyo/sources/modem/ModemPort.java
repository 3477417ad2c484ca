package com.smsverifyo.sources.modem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One modem on one serial port, on its own thread: open the port, set the modem up
 * ({@code ATE0}, {@code AT+CMEE=1}, {@code AT+CMGF=0} or text mode if PDU mode is refused,
 * {@code AT+CNMI=2,1,0,0,0}), read every message already stored ({@code AT+CMGL}), then read each
 * new one as the modem announces it ({@code +CMTI} → {@code AT+CMGR}) and delete it
 * ({@code AT+CMGD}) once the engine has it. When the port drops or stops answering it is opened
 * again after a pause, and the stored messages are read again: a message is deleted from the SIM
 * only after it was kept, so none is lost (the engine keeps each one once).
 */
final class ModemPort implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ModemPort.class);
    private static final Pattern INDEX = Pattern.compile("^\\+CM(?:GL|TI): (?:\"\\w*\",)?(\\d+)");
    private static final Pattern TEXT_HEADER = Pattern.compile(
            "^\\+CMG[LR]: (?:\\d+,)?\"[^\"]*\",\"([^\"]*)\",[^,]*,\"([^\"]*)\"");
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");
    private static final Duration IDLE_WAIT = Duration.ofMillis(250);

    /** Hands a message to the engine; false when it could not be kept now (then it stays on the SIM). */
    @FunctionalInterface
    interface Delivery {
        boolean deliver(String port, String sender, String text, Instant sentAt, String receiptKey);
    }

    /** Where the port stands, for the source's health. */
    record State(boolean connected, String detail, Instant at) {
    }

    private final String path;
    private final ModemSettings settings;
    private final SerialLink.Opener opener;
    private final Delivery delivery;
    private final Clock clock;
    private final Concatenation parts;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile SerialLink link;
    private volatile State state;
    private volatile String lastError;
    private Instant nextSweep;

    ModemPort(String path, ModemSettings settings, SerialLink.Opener opener, Delivery delivery, Clock clock) {
        this.path = path;
        this.settings = settings;
        this.opener = opener;
        this.delivery = delivery;
        this.clock = clock;
        this.parts = new Concatenation(settings.concatTimeout());
        this.state = new State(false, "Opening " + path + ".", clock.instant());
        this.thread = new Thread(this, "modem " + path);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String path() {
        return path;
    }

    State state() {
        return state;
    }

    /** The last error the modem answered with since the port was opened, if any. */
    String lastError() {
        return lastError;
    }

    @Override
    public void run() {
        while (!stopping) {
            try (SerialLink opened = opener.open(path, settings.baudRate())) {
                link = opened;
                session(new AtSession(opened, settings.commandTimeout()));
            } catch (IOException e) {
                down(e.getMessage());
            } catch (AtSession.AtError e) {
                down("the modem refused " + e.getMessage());
            } catch (RuntimeException e) {
                log.error("modem {}: unexpected failure", path, e);
                down("unexpected failure: " + e);
            } finally {
                link = null;
            }
            pause(settings.reconnectDelay());
        }
    }

    private void session(AtSession at) throws IOException, AtSession.AtError {
        at.command("ATE0");
        at.command("AT+CMEE=1");
        boolean pdu = true;
        try {
            at.command("AT+CMGF=0");
        } catch (AtSession.AtError refused) {
            at.command("AT+CMGF=1");
            pdu = false;
        }
        boolean notices = true;
        try {
            at.command("AT+CNMI=2,1,0,0,0");
        } catch (AtSession.AtError refused) {
            notices = false;
        }
        lastError = null;
        state = new State(true, "Connected to " + path + " (" + (pdu ? "PDU" : "text") + " mode"
                + (notices ? "" : "; no new-message notices: stored messages are read every "
                + settings.sweepInterval().toSeconds() + " s") + ").", clock.instant());
        log.info("modem {}: {}", path, state.detail());
        sweep(at, pdu);
        // Without notices, listing is the only way to learn of new messages: do it often.
        Duration sweepEvery = notices ? settings.sweepInterval() : min(settings.sweepInterval(), Duration.ofSeconds(10));
        nextSweep = clock.instant().plus(sweepEvery);
        while (!stopping) {
            Optional<String> notice = at.unsolicited(IDLE_WAIT);
            if (notice.isPresent()) {
                Matcher index = INDEX.matcher(notice.get());
                if (notice.get().startsWith("+CMTI:") && index.find()) {
                    read(at, pdu, Integer.parseInt(index.group(1)));
                }
            }
            for (Concatenation.Joined overdue : parts.overdue(clock.instant())) {
                log.warn("modem {}: a message from {} came only in part; delivered as it is", path, overdue.sender());
                deliverJoined(at, overdue);
            }
            if (!clock.instant().isBefore(nextSweep)) {
                sweep(at, pdu);
                nextSweep = clock.instant().plus(sweepEvery);
            }
        }
    }

    /** Reads every stored message (received, read or not). */
    private void sweep(AtSession at, boolean pdu) throws IOException {
        List<String> lines;
        try {
            lines = at.command(pdu ? "AT+CMGL=4" : "AT+CMGL=\"ALL\"");
        } catch (AtSession.AtError e) {
            error("listing stored messages failed: " + e.result());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher index = INDEX.matcher(lines.get(i));
            if (!index.find()) {
                continue;
            }
            int body = i + 1;
            int end = body;
            while (end < lines.size() && !lines.get(end).startsWith("+CMGL:")) {
                end++;
            }
            handle(at, Integer.parseInt(index.group(1)), lines.get(i), lines.subList(body, end), pdu);
            i = end - 1;
        }
    }

    private void read(AtSession at, boolean pdu, int index) throws IOException {
        List<String> lines;
        try {
            lines = at.command("AT+CMGR=" + index);
        } catch (AtSession.AtError e) {
            // The message stays where it is; the next sweep tries it again.
            error("reading message " + index + " failed: " + e.result());
            return;
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("+CMGR:")) {
            return; // nothing stored there (already read and deleted)
        }
        handle(at, index, lines.get(0), lines.subList(1, lines.size()), pdu);
    }

    private void handle(AtSession at, int index, String header, List<String> body, boolean pdu) throws IOException {
        Pdu.Sms sms;
        try {
            sms = pdu ? Pdu.decode(body.isEmpty() ? "" : body.get(0)) : text(header, body);
        } catch (IllegalArgumentException e) {
            // Kept as it came, so a person can still read it on the Support page.
            log.warn("modem {}: message {} could not be decoded: {}", path, index, e.getMessage());
            sms = new Pdu.Sms("unknown", "Undecodable SMS (" + e.getMessage() + "): " + String.join(" ", body), null, null);
        }
        if (sms.part() != null) {
            Optional<Concatenation.Joined> joined = parts.add(new Concatenation.Stored(index, sms), clock.instant());
            if (joined.isPresent()) {
                deliverJoined(at, joined.get());
            }
            return;
        }
        String key = key(sms.sender() + "|" + sms.sentAt() + "|" + sms.text());
        if (delivery.deliver(path, sms.sender(), sms.text(), sms.sentAt(), key)) {
            delete(at, index);
        } else {
            sweepSoon();
        }
    }

    private void deliverJoined(AtSession at, Concatenation.Joined joined) throws IOException {
        if (delivery.deliver(path, joined.sender(), joined.text(), joined.sentAt(), key(joined.key() + "|" + joined.text()))) {
            for (int index : joined.indexes()) {
                delete(at, index);
            }
        } else {
            sweepSoon();
        }
    }

    private void delete(AtSession at, int index) throws IOException {
        try {
            at.command("AT+CMGD=" + index);
        } catch (AtSession.AtError e) {
            error("deleting message " + index + " failed: " + e.result());
        }
    }

    /** A message the engine could not keep now: it stays stored and is read again shortly. */
    private void sweepSoon() {
        nextSweep = clock.instant().plus(Duration.ofSeconds(30));
    }

    /** A text-mode message: {@code +CMGR: "REC UNREAD","+31628870634",,"11/01/09,10:26:26+04"} and its lines. */
    static Pdu.Sms text(String header, List<String> body) {
        Matcher fields = TEXT_HEADER.matcher(header);
        if (!fields.find()) {
            throw new IllegalArgumentException("unreadable text-mode header " + header);
        }
        return new Pdu.Sms(fields.group(1), String.join("\n", body), textTime(fields.group(2)), null);
    }

    private static Instant textTime(String value) {
        try {
            int zoneAt = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
            LocalDateTime local = LocalDateTime.parse(value.substring(0, zoneAt), TEXT_TIME);
            int quarters = Integer.parseInt(value.substring(zoneAt));
            return local.toInstant(ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String key(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "sms:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void error(String detail) {
        lastError = detail;
        log.warn("modem {}: {}", path, detail);
    }

    private void down(String why) {
        if (!stopping) {
            state = new State(false, path + ": " + why + "; retrying every " + settings.reconnectDelay().toMillis() + " ms.",
                    clock.instant());
            log.warn("modem {}: {}", path, why);
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops the thread; the port is closed. */
    void close() {
        stopping = true;
        SerialLink open = link;
        if (open != null) {
            open.close();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
