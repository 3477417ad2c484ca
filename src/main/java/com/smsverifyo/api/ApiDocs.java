package com.smsverifyo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API reference for people, no key needed: {@code /docs} renders the OpenAPI document with
 * Swagger UI (served out of its WebJar, no CDN), with examples in five languages on every operation;
 * {@code /docs/problems} explains every problem {@code code}, with anchors that problem {@code type}
 * URIs such as {@code /docs/problems#rate_limited} point at.
 */
final class ApiDocs {
    /** The Swagger UI WebJar's version (pom.xml's {@code swagger-ui.version}). */
    static final String SWAGGER_UI_VERSION = "5.34.1";
    static final String SWAGGER_UI_PATH = "/docs/swagger-ui";
    private static final String HTML = "text/html; charset=utf-8";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final byte[] reference;
    private final byte[] problems;

    /** @param document the OpenAPI document as stored */
    ApiDocs(JsonNode document, String version) {
        ObjectNode withSamples = CodeSamples.addTo(document, true);
        this.reference = reference(withSamples, version).getBytes(StandardCharsets.UTF_8);
        this.problems = problems(version).getBytes(StandardCharsets.UTF_8);
    }

    /** Swagger UI's files, straight from its jar; static files are not routes of the API. */
    static void serveSwaggerUi(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = SWAGGER_UI_PATH;
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION;
            files.location = Location.CLASSPATH;
            files.headers.put("Cache-Control", "public, max-age=86400");
            // The WebJar's own index page loads the Petstore demo from the internet: /docs is ours.
            files.skipFileFunction = request -> {
                String path = request.getRequestURI();
                return path.endsWith("/") || path.endsWith("/index.html") || path.endsWith("/swagger-initializer.js");
            };
        });
    }

    void register(RoutesConfig routes) {
        routes.get("/docs", ctx -> html(ctx, reference));
        routes.get("/docs/problems", ctx -> html(ctx, problems));
    }

    private static void html(Context ctx, byte[] page) {
        ctx.status(200).contentType(HTML).result(page);
    }

    private static String reference(ObjectNode document, String version) {
        // The document travels inside the page: "</" is escaped so that no string in it can end the script.
        String spec = Json.text(document).replace("</", "<\\/");
        return head("SMSVerifyo API reference", version)
                + "<link rel=\"stylesheet\" href=\"" + SWAGGER_UI_PATH + "/swagger-ui.css\">\n"
                + "</head>\n<body>\n" + header(version)
                + "<main id=\"swagger-ui\"></main>\n"
                + "<script src=\"" + SWAGGER_UI_PATH + "/swagger-ui-bundle.js\"></script>\n"
                + "<script id=\"openapi\" type=\"application/json\">" + spec + "</script>\n"
                + "<script>\n"
                + "const spec = JSON.parse(document.getElementById('openapi').textContent);\n"
                + "// Try-it-out calls go to the server that serves this page.\n"
                + "spec.servers = [{url: window.location.origin, description: 'This server'}];\n"
                + "window.ui = SwaggerUIBundle({spec, dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'list',\n"
                + "  defaultModelsExpandDepth: 0, displayRequestDuration: true, persistAuthorization: false,\n"
                + "  syntaxHighlight: {activated: true, theme: 'agate'}});\n"
                + "</script>\n</body>\n</html>\n";
    }

    private static String problems(String version) {
        StringBuilder rows = new StringBuilder();
        for (ErrorCode code : ErrorCode.values()) {
            rows.append("<tr id=\"").append(code.code()).append("\">")
                    .append("<td><a href=\"#").append(code.code()).append("\"><code>").append(code.code())
                    .append("</code></a></td>")
                    .append("<td>").append(code.status()).append("</td>")
                    .append("<td>").append(escape(code.title())).append("</td>")
                    .append("<td>").append(ProblemDocs.meaning(code).map(ApiDocs::markup).orElse("See <code>detail</code>."))
                    .append("</td></tr>\n");
        }
        return head("SMSVerifyo API: problem codes", version) + "</head>\n<body>\n" + header(version)
                + "<main class=\"prose\">\n<h2>Problem codes</h2>\n"
                + "<p>Every error is an <a href=\"https://www.rfc-editor.org/rfc/rfc9457\">RFC 9457</a> problem "
                + "(<code>application/problem+json</code>) with a stable <code>code</code>; its <code>type</code> "
                + "links to the row below. <code>detail</code> says what happened in words, <code>errors</code> lists "
                + "each invalid field as a JSON pointer, and some codes add members named here.</p>\n"
                + "<pre><code>{\"type\": \"/docs/problems#max_price_exceeded\", \"title\": \"Max price exceeded\", "
                + "\"status\": 422,\n \"detail\": \"The current price of 0.45 USD is above your max_price_usd of 0.2 USD; "
                + "nothing was charged.\",\n \"code\": \"max_price_exceeded\", \"price_usd\": 0.45, \"max_price_usd\": 0.2}"
                + "</code></pre>\n"
                + "<table>\n<thead><tr><th>code</th><th>status</th><th>title</th><th>meaning and what to do</th></tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
    }

    private static String head(String title, String version) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<meta name=\"generator\" content=\"SMSVerifyo " + escape(version) + "\">\n"
                + "<style>\n"
                + "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1c2430;background:#fbfcfe}\n"
                + ".docs-header{display:flex;align-items:baseline;gap:24px;flex-wrap:wrap;padding:14px 28px;"
                + "background:#0b4fa8;color:#fff}\n"
                + ".docs-header h1{font-size:20px;margin:0;font-weight:600}\n"
                + ".docs-header .version{opacity:.75;font-size:13px}\n"
                + ".docs-header nav{margin-left:auto;display:flex;gap:18px}\n"
                + ".docs-header a{color:#fff;text-decoration:none;font-size:14px}\n"
                + ".docs-header a:hover{text-decoration:underline}\n"
                + ".prose{max-width:1040px;margin:24px auto;padding:0 28px;line-height:1.5}\n"
                + ".prose table{border-collapse:collapse;width:100%;font-size:14px}\n"
                + ".prose th,.prose td{border-bottom:1px solid #dfe4ec;padding:8px 10px;text-align:left;vertical-align:top}\n"
                + ".prose tr:target{background:#fff6d6}\n"
                + ".prose pre{background:#f1f4f9;padding:12px;border-radius:6px;overflow:auto;font-size:13px}\n"
                + "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\n"
                + ".swagger-ui .info{margin:24px 0}\n"
                + "</style>\n";
    }

    private static String header(String version) {
        return "<header class=\"docs-header\"><h1>SMSVerifyo API</h1><span class=\"version\">server "
                + escape(version) + "</span>\n<nav><a href=\"/docs\">Reference</a>"
                + "<a href=\"/docs/problems\">Problem codes</a>"
                + "<a href=\"/v1/openapi.json\" download=\"smsverifyo-openapi.json\">OpenAPI document</a></nav></header>\n";
    }

    /** {@code `x`} → {@code <code>x</code>}, the rest escaped. */
    private static String markup(String text) {
        Matcher matcher = CODE.matcher(escape(text));
        return matcher.replaceAll(match -> Matcher.quoteReplacement("<code>" + match.group(1) + "</code>"));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
