package com.smsverifyo.ui.bench;

import com.smsverifyo.client.Carrier;
import com.smsverifyo.client.Message;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.Theme;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.rentals.RentalFeedback;
import com.smsverifyo.ui.rentals.RentalsView;
import com.smsverifyo.ui.rentals.RentalsViewModel;
import com.smsverifyo.ui.session.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark (not a test) of the Rentals view under load: the real view and view-model, shown in a
 * 1440 × 900 window, holding 100,000 rentals while 1,000 rental updates a second are fed in for 30
 * seconds, from a background thread, through the same path the event stream uses
 * ({@code session.live().publish}: coalesced per rental, applied at most once per frame). Meanwhile
 * the table scrolls without pause, a row is selected (its detail pane follows its updates) and the
 * countdowns tick. It reports the FX thread's longest stall, the frame gaps (pulse to pulse, from an
 * {@link AnimationTimer}) and the heap.
 *
 * <p>Run it with {@code bench/ui-rentals.sh} (Xvfb, or Monocle headless with {@code --headless}).
 * Options: {@code --rows 100000 --rate 1000 --seconds 30 --warmup 5 --new-share 0.02 --scroll true}.
 */
public final class RentalsViewBench {
    private static final String[] SERVICES = {"whatsapp", "telegram", "google", "facebook", "instagram", "tiktok",
            "discord", "uber", "amazon", "microsoft"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "NL", "PL", "BR", "IN", "ID", "RU", "CA", "MX"};

    private final Settings settings;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Instant start = Instant.now();
    private long nextId;

    private RentalsViewBench(Settings settings) {
        this.settings = settings;
    }

    record Settings(int rows, int rate, int seconds, int warmup, double newShare, boolean scroll) {
        static Settings parse(String[] args) {
            int rows = 100_000;
            int rate = 1_000;
            int seconds = 30;
            int warmup = 5;
            double newShare = 0.02;
            boolean scroll = true;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> rows = Integer.parseInt(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--new-share" -> newShare = Double.parseDouble(value);
                    case "--scroll" -> scroll = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Settings(rows, rate, seconds, warmup, newShare, scroll);
        }
    }

    public static void main(String[] args) throws Exception {
        new RentalsViewBench(Settings.parse(args)).run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("ui-bench");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (TestServer server = TestServer.start(dir)) {
            SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build();
            Session session = new Session(client, Session.Kind.EMBEDDED, "bench", server.baseUrl(), UiExecutors.forApp());
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();

            RentalsViewModel[] model = new RentalsViewModel[1];
            RentalsView[] view = new RentalsView[1];
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                model[0] = new RentalsViewModel(session, new Quiet());
                view[0] = new RentalsView(model[0]);
                Stage stage = new Stage();
                Scene scene = new Scene((javafx.scene.Parent) view[0].root(), 1440, 900);
                Theme.LIGHT.apply(scene);
                stage.setScene(scene);
                stage.show();
                model[0].start();
                Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> model[0].tick()));
                ticker.setCycleCount(Timeline.INDEFINITE);
                ticker.play();
                shown.countDown();
            });
            shown.await();

            // Fill: every rental through the live path, as if the stream had announced each.
            long fillStarted = System.nanoTime();
            List<Rental> rentals = new ArrayList<>(settings.rows());
            for (int i = 0; i < settings.rows(); i++) {
                Rental rental = fresh();
                rentals.add(rental);
                session.live().publish(rental);
            }
            waitFor(() -> onFx(() -> model[0].rows().size()) >= settings.rows(), Duration.ofMinutes(3));
            long fillMillis = (System.nanoTime() - fillStarted) / 1_000_000;
            System.out.printf(Locale.ROOT, "filled %,d rows in %,d ms%n", settings.rows(), fillMillis);
            onFx(() -> {
                view[0].table().getSelectionModel().select(3);
                view[0].table().requestFocus();
                return null;
            });

            Measure measure = new Measure(settings, view[0]);
            onFx(() -> {
                measure.timer.start();
                return null;
            });
            Thread stallWatch = new Thread(measure::watchStalls, "bench-stall-watch");
            stallWatch.setDaemon(true);
            stallWatch.start();

            long[] fed = new long[1];
            long peakHeap = 0;
            long feedStart = System.nanoTime();
            long totalNanos = (long) (settings.warmup() + settings.seconds()) * 1_000_000_000L;
            long warmupNanos = (long) settings.warmup() * 1_000_000_000L;
            for (long slice = 0; ; slice++) {
                // A slice every 10 ms, each bringing the feed up to rate × time so far.
                long due = feedStart + slice * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long elapsed = System.nanoTime() - feedStart;
                if (elapsed >= totalNanos) {
                    break;
                }
                measure.recording.set(elapsed >= warmupNanos);
                long target = (long) (settings.rate() * (elapsed / 1e9));
                while (fed[0] < target) {
                    Rental next;
                    if (random.nextDouble() < settings.newShare()) {
                        next = fresh();
                        rentals.add(next);
                    } else {
                        int index = random.nextInt(rentals.size());
                        next = updated(rentals.get(index));
                        rentals.set(index, next);
                    }
                    session.live().publish(next);
                    fed[0]++;
                }
                if (slice % 100 == 0) {
                    peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                }
            }
            double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
            measure.recording.set(false);
            measure.done.set(true);
            onFx(() -> {
                measure.timer.stop();
                return null;
            });
            int rows = onFx(() -> model[0].rows().size());
            System.gc();
            Thread.sleep(300);
            long retained = memory.getHeapMemoryUsage().getUsed();
            measure.report(fed[0], feedSeconds, rows, peakHeap, retained, fillMillis);
            Platform.exit();
            session.close();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** A new waiting rental with a fresh, later id. */
    private Rental fresh() {
        long n = nextId++;
        String id = "rnt_" + String.format(Locale.ROOT, "%026d", n);
        Instant created = start.minusSeconds(600).plusMillis(n % 600_000);
        return new Rental(id, "acc_bench", SERVICES[(int) (n % SERVICES.length)], COUNTRIES[(int) (n % COUNTRIES.length)],
                Carrier.ANY, String.format(Locale.ROOT, "+1415%07d", n % 10_000_000), new BigDecimal("0.45"),
                RentalStatus.WAITING, Optional.empty(), created, start.plus(Duration.ofMinutes(30)), Optional.empty(),
                Optional.empty(), BigDecimal.ZERO, List.of());
    }

    /** The next state of a rental: a code, another message, or its end. */
    private Rental updated(Rental r) {
        Instant now = Instant.now();
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        List<Message> messages = new ArrayList<>(r.messages());
        if (messages.size() > 4) {
            messages.remove(0);
        }
        RentalStatus status = switch (r.status()) {
            case WAITING -> random.nextInt(4) == 0 ? RentalStatus.CANCELLED : RentalStatus.RECEIVED;
            case RECEIVED -> random.nextInt(3) == 0 ? RentalStatus.COMPLETED : RentalStatus.RECEIVED;
            default -> RentalStatus.WAITING; // keeps rows moving through every state
        };
        if (status == RentalStatus.RECEIVED) {
            messages.add(new Message("sms_" + now.toEpochMilli(), "WhatsApp", "Your WhatsApp code: " + code, Optional.of(code),
                    now, false, Optional.of("simulator")));
        }
        return new Rental(r.id(), r.accountId(), r.service(), r.country(), r.carrier(), r.phoneNumber(), r.price(), status,
                status == RentalStatus.RECEIVED ? Optional.of(code) : r.code(), r.createdAt(), r.expiresAt(),
                status == RentalStatus.RECEIVED ? Optional.of(now) : r.receivedAt(),
                status.isFinal() ? Optional.of(now) : Optional.empty(),
                status == RentalStatus.CANCELLED ? r.price() : BigDecimal.ZERO, messages);
    }

    /** Frame gaps and FX-thread stalls, recorded after the warm-up. */
    private static final class Measure {
        final AtomicBoolean recording = new AtomicBoolean();
        final AtomicBoolean done = new AtomicBoolean();
        final long[] gaps = new long[200_000];
        /** CPU time the FX thread spent from one pulse to the next: its work, whatever the machine's load. */
        final long[] cpu = new long[200_000];
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int count;
        long last;
        long lastCpu;
        int scrollIndex;
        final AtomicLong longestStall = new AtomicLong();
        final AnimationTimer timer;

        Measure(Settings settings, RentalsView view) {
            this.timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (last != 0 && recording.get() && count < gaps.length) {
                        cpu[count] = cpuNow - lastCpu;
                        gaps[count++] = now - last;
                    }
                    last = now;
                    lastCpu = cpuNow;
                    if (settings.scroll()) {
                        // A person dragging the scroll bar: a few rows further each frame, all the way down.
                        scrollIndex = (scrollIndex + 7) % Math.max(1, view.table().getItems().size());
                        view.table().scrollTo(scrollIndex);
                    }
                }
            };
        }

        /** The FX thread's longest stall: how late a tiny task posted every 2 ms runs, at worst. */
        void watchStalls() {
            while (!done.get()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    long late = System.nanoTime() - posted;
                    if (recording.get()) {
                        longestStall.accumulateAndGet(late, Math::max);
                    }
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void report(long fed, double seconds, int rows, long peakHeap, long retained, long fillMillis) {
            long[] sorted = Arrays.copyOf(gaps, count);
            Arrays.sort(sorted);
            double p50 = percentile(sorted, 0.50);
            double p99 = percentile(sorted, 0.99);
            double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
            double frames = count / Math.max(1e-9, Arrays.stream(sorted).sum() / 1e9);
            System.out.printf(Locale.ROOT, "updates fed: %,d in %.1f s (%,.0f/s), rows at the end: %,d%n", fed, seconds,
                    fed / seconds, rows);
            System.out.printf(Locale.ROOT, "frames measured: %,d (%.1f fps)%n", count, frames);
            System.out.printf(Locale.ROOT, "frame gap: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50, p99, max);
            long[] work = Arrays.copyOf(cpu, count);
            Arrays.sort(work);
            double busy = Arrays.stream(work).sum() / Math.max(1.0, Arrays.stream(sorted).sum());
            System.out.printf(Locale.ROOT, "FX thread CPU per frame: p50 %.1f ms, p99 %.1f ms, max %.1f ms (busy %.0f%% of the time)%n",
                    percentile(work, 0.50), percentile(work, 0.99), work.length == 0 ? 0 : work[work.length - 1] / 1e6,
                    busy * 100);
            System.out.printf(Locale.ROOT, "FX thread longest stall: %.1f ms%n", longestStall.get() / 1e6);
            System.out.printf(Locale.ROOT, "heap: peak used %,d MB, used after GC %,d MB (max %,d MB)%n", peakHeap >> 20,
                    retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "RESULT rows=%d rate=%.0f fill_ms=%d p50_ms=%.1f p99_ms=%.1f max_gap_ms=%.1f "
                            + "stall_ms=%.1f cpu_p50_ms=%.1f cpu_p99_ms=%.1f heap_peak_mb=%d heap_after_gc_mb=%d load=%s%n",
                    rows, fed / seconds, fillMillis, p50, p99, max, longestStall.get() / 1e6, percentile(work, 0.50),
                    percentile(work, 0.99), peakHeap >> 20, retained >> 20, loadAverage());
        }

        private static String loadAverage() {
            return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** The page's messages are not the subject here. */
    private static final class Quiet implements RentalFeedback {
        @Override
        public void refused(String title, String words) {
        }

        @Override
        public void told(String title, String words) {
        }

        @Override
        public void copy(String what, String text) {
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the view did not fill within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
