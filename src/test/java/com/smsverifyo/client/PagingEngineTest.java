package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging through 500 rentals of a real engine, lazily, a page per request. */
class PagingEngineTest {
    private static final int RENTALS = 500;
    private static final int LATEST = 5;

    @TempDir
    Path dir;

    @Test
    void fiveHundredRentalsArePagedThroughLazilyNewestFirstEachOnce() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir)) {
            SmsVerifyoClient owner = engine.owner;
            owner.credits().add(owner.account().get().id(), new BigDecimal("100"), "paging test");
            List<String> created;
            // One client shared by four threads: the client is thread-safe. The key allows the burst.
            try (SmsVerifyoClient bulk = engine.client(engine.key("bulk", 1000))) {
                ExecutorService threads = Executors.newFixedThreadPool(4);
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < RENTALS - LATEST; i++) {
                    NewRental request = EngineFixture.cheap(i);
                    futures.add(threads.submit(() -> bulk.rentals().create(request).id()));
                }
                created = new ArrayList<>();
                for (Future<String> future : futures) {
                    created.add(future.get());
                }
                threads.shutdown();
            }
            assertThat(Set.copyOf(created)).hasSize(RENTALS - LATEST);
            // The last few one by one, a second apart on the engine's clock: they must come first, newest first.
            List<String> latest = new ArrayList<>();
            for (int i = RENTALS - LATEST; i < RENTALS; i++) {
                engine.server.clock().advance(java.time.Duration.ofSeconds(1));
                String id = owner.rentals().create(EngineFixture.cheap(i)).id();
                latest.add(0, id);
                created.add(id);
            }

            int before = engine.requests.get();
            List<Rental> all = owner.rentals().list(RentalQuery.all().pageSize(50)).stream().toList();
            int pages = engine.requests.get() - before;

            assertThat(all).extracting(Rental::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            assertThat(pages).isEqualTo(RENTALS / 50);
            assertThat(all.subList(0, LATEST)).extracting(Rental::id).containsExactlyElementsOf(latest);
            assertThat(all).extracting(Rental::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            before = engine.requests.get();
            List<Rental> first120 = owner.rentals().list(RentalQuery.all().pageSize(50)).stream().limit(120).toList();
            assertThat(first120).isEqualTo(all.subList(0, 120));
            assertThat(engine.requests.get() - before).as("only the pages needed are fetched").isEqualTo(3);

            long discordInIndia = IntStream.range(0, RENTALS).mapToObj(EngineFixture::cheap)
                    .filter(r -> r.service().equals("discord") && r.country().equals("IN")).count();
            assertThat(owner.rentals().list(RentalQuery.all().service("discord").country("IN").pageSize(7)).stream()
                    .collect(Collectors.toList())).hasSize((int) discordInIndia);
        }
    }
}
