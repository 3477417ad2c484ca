package com.smsverifyo.client;

import mockwebserver3.MockResponse;

/** JSON bodies of the contract, as a server sends them, for MockWebServer tests. */
final class Fixtures {
    static final String KEY = "sms_live_TestKeyAbCdEfGhIjKlMnOpQrStUvWxYz0123";

    private Fixtures() {
    }

    static String rental(String id, String status, String code) {
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        String messages = code == null ? "[]" : "[{\"id\":\"msg_1\",\"from\":\"WhatsApp\",\"text\":\"Your code: " + code
                + "\",\"code\":\"" + code + "\",\"received_at\":\"2026-11-29T10:01:00.000Z\",\"late\":false,\"source\":\"api\"}]";
        return "{\"id\":\"" + id + "\",\"account_id\":\"acc_1\",\"service\":\"whatsapp\",\"country\":\"US\","
                + "\"carrier\":\"any\",\"phone_number\":\"+14155550123\",\"price_usd\":0.45,\"status\":\"" + status + "\","
                + "\"code\":" + codeJson + ",\"created_at\":\"2026-11-29T10:00:00.000Z\","
                + "\"expires_at\":\"2026-11-29T10:20:00.000Z\",\"received_at\":" + (code == null ? "null" : "\"2026-11-29T10:01:00.000Z\"")
                + ",\"ended_at\":null,\"refunded_usd\":0,\"messages\":" + messages + "}";
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse problem(int status, String code, String detail, String extraMembers) {
        String body = "{\"type\":\"/docs/problems#" + code + "\",\"title\":\"T\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"" + (extraMembers == null ? "" : "," + extraMembers) + "}";
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json").body(body).build();
    }

    static MockResponse.Builder problemBuilder(int status, String code, String detail) {
        String body = "{\"type\":\"/docs/problems#" + code + "\",\"title\":\"T\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json").body(body);
    }
}
