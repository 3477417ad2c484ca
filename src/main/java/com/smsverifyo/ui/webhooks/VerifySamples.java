package com.smsverifyo.ui.webhooks;

import java.util.List;

/**
 * Short receivers that verify deliveries, one per language, for the page's code panel: Java with
 * this project's client ({@code WebhookVerifier}), Node and Python with the Standard Webhooks
 * libraries. Each verifies the raw body before parsing it and answers 2xx before doing slow work.
 */
public final class VerifySamples {
    /** One sample: the tab's name and the code. */
    public record Sample(String language, String code) {
    }

    public static final Sample JAVA = new Sample("Java", """
            // Maven: com.smsverifyo:smsverifyo-desk (its Java client)
            import com.smsverifyo.client.Event;
            import com.smsverifyo.client.WebhookVerificationException;
            import com.smsverifyo.client.WebhookVerifier;
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class Receiver {
                public static void main(String[] args) throws Exception {
                    // During a secret rotation: WebhookVerifier.of(newSecret, oldSecret)
                    WebhookVerifier verifier = WebhookVerifier.of(System.getenv("WEBHOOK_SECRET"));
                    HttpServer server = HttpServer.create(new InetSocketAddress(3000), 0);
                    server.createContext("/hooks/sms", exchange -> {
                        byte[] body = exchange.getRequestBody().readAllBytes(); // raw bytes, as signed
                        try {
                            Event event = verifier.verify(body, exchange.getRequestHeaders());
                            exchange.sendResponseHeaders(204, -1); // answer first, work after
                            event.codeReceived().ifPresent(code -> System.out.println("code " + code.code()));
                        } catch (WebhookVerificationException e) {
                            exchange.sendResponseHeaders(400, -1); // forged, altered or too old
                        }
                        exchange.close();
                    });
                    server.start();
                }
            }
            """);

    public static final Sample NODE = new Sample("Node", """
            // npm install standardwebhooks
            const http = require("node:http");
            const { Webhook } = require("standardwebhooks");

            const wh = new Webhook(process.env.WEBHOOK_SECRET); // "whsec_…"

            http.createServer((req, res) => {
              const chunks = [];
              req.on("data", (chunk) => chunks.push(chunk));
              req.on("end", () => {
                let event;
                try {
                  // the raw body, exactly as it arrived
                  event = wh.verify(Buffer.concat(chunks).toString("utf8"), req.headers);
                } catch (err) {
                  res.writeHead(400).end(); // forged, altered or too old
                  return;
                }
                res.writeHead(204).end(); // answer first, work after
                if (event.type === "rental.code_received") console.log("code", event.code);
              });
            }).listen(3000);
            """);

    public static final Sample PYTHON = new Sample("Python", """
            # pip install standardwebhooks flask
            import os
            from flask import Flask, request
            from standardwebhooks.webhooks import Webhook

            app = Flask(__name__)
            wh = Webhook(os.environ["WEBHOOK_SECRET"])  # "whsec_…"

            @app.post("/hooks/sms")
            def sms_hook():
                try:
                    # the raw body, exactly as it arrived
                    event = wh.verify(request.get_data(), dict(request.headers))
                except Exception:
                    return "", 400  # forged, altered or too old
                if event["type"] == "rental.code_received":
                    print("code", event["code"])
                return "", 204
            """);

    public static final List<Sample> ALL = List.of(JAVA, NODE, PYTHON);

    private VerifySamples() {
    }
}
