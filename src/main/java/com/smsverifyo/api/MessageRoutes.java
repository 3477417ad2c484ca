package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.SourceRegistry;
import com.smsverifyo.engine.SourceWire;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.MessageRepository;
import com.smsverifyo.store.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /v1/messages}: every inbound SMS, newest first, for the Support page: unmatched and
 * late messages stay visible here (owner's admin keys: they may hold anyone's codes).
 */
final class MessageRoutes {
    private final Engine engine;

    MessageRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/messages", this::list);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        SourceRegistry.requireOwnerAdmin(principal);
        Pagination page = Pagination.of(ctx);
        Boolean unmatched = flag(ctx, "unmatched");
        Boolean late = flag(ctx, "late");
        String phone = ctx.queryParam("phone");
        String normalized = phone == null || phone.isBlank() ? null : InboundMessageService.normalize(phone)
                .orElseThrow(() -> DomainException.invalid("phone",
                        "'phone' must be a phone number in E.164 form, such as +14155550123."));
        String source = ctx.queryParam("source");
        MessageRepository.Filter filter = new MessageRepository.Filter(unmatched, late, normalized,
                source == null || source.isBlank() ? null : source.strip());
        Page<Message> result = engine.db().read(tx -> engine.inbound().list(tx, filter, page.afterSeq(), page.limit()));
        Http.json(ctx, 200, Pagination.list(result.items().stream().map(SourceWire::inboundMessage).toList(),
                result.nextAfter()));
    }

    private static Boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid(name, "'" + name + "' must be true or false.");
        };
    }
}
