package com.smsverifyo.sources.modem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the fake modem plays, step by step, session by session (a hang-up starts the next one). */
final class ModemScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private ArrayNode session;

    ModemScript() {
        session = root.putArray("sessions").addArray();
    }

    /** The set-up every session starts with, in PDU mode; the modem echoes until ATE0. */
    ModemScript init() {
        return expectEchoed("ATE0", "OK").expect("AT+CMEE=1", "OK").expect("AT+CMGF=0", "OK")
                .expect("AT+CNMI=2,1,0,0,0", "OK");
    }

    /** The set-up followed by an empty list of stored messages. */
    ModemScript initEmpty() {
        return init().expect("AT+CMGL=4", "OK");
    }

    ModemScript expect(String command, String... reply) {
        ObjectNode step = session.addObject().put("expect", command);
        ArrayNode lines = step.putArray("reply");
        for (String line : reply) {
            lines.add(line);
        }
        return this;
    }

    ModemScript expectEchoed(String command, String... reply) {
        expect(command, reply);
        ((ObjectNode) session.get(session.size() - 1)).put("echo", true);
        return this;
    }

    /** Unsolicited lines, such as {@code +CMTI: "SM",3}. */
    ModemScript send(String... lines) {
        ArrayNode array = session.addObject().putArray("send");
        for (String line : lines) {
            array.add(line);
        }
        return this;
    }

    /** A new-message notice for storage index {@code index}. */
    ModemScript notice(int index) {
        return send("+CMTI: \"SM\"," + index);
    }

    /** Bytes as they are: half a response, say. */
    ModemScript raw(String text) {
        session.addObject().put("raw", text);
        return this;
    }

    /** The port drops; the modem is back on a fresh terminal after {@code awaySeconds}. */
    ModemScript hangup(double awaySeconds) {
        session.addObject().put("hangup", awaySeconds);
        session = ((ArrayNode) root.get("sessions")).addArray();
        return this;
    }

    String json() {
        return root.toString();
    }
}
