package com.smsverifyo.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Giving back a reservation races with a request attaching it: the relay's worker reads the list of
 * reserved entries, and by the time it acts a customer's rental may hold the entry. The give-back is
 * a compare-and-set, so it never cancels upstream a number a customer is using.
 */
class RelayRepositoryTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private final RelayRepository entries = new RelayRepository();

    @TempDir
    Path dir;

    @Test
    void aReservationIsGivenBackOnlyWhileNoRentalHoldsIt() {
        try (Database db = Database.open(dir.resolve("test.db"))) {
            db.write(tx -> {
                Sql.update(tx, "INSERT INTO sources (id, type, name, enabled, settings, created_at, updated_at) "
                        + "VALUES ('src_A', 'upstream', 'A', 1, '{}', 0, 0)");
                for (String id : new String[] {"rly_taken", "rly_orphan"}) {
                    entries.insert(tx, id, "src_A", "whatsapp", "US", "any", null, AT);
                    entries.reserved(tx, id, "rnt_up_" + id, "+12015550100", AT.plusSeconds(1200), AT);
                }
                return null;
            });

            // A request attaches one entry after the worker listed both as reserved.
            assertThat(db.<Boolean>write(tx -> entries.attach(tx, "rly_taken", "rnt_local", AT))).isTrue();

            assertThat(db.<Boolean>write(tx -> entries.giveBack(tx, "rly_taken", AT))).isFalse();
            assertThat(db.<Boolean>write(tx -> entries.giveBack(tx, "rly_orphan", AT))).isTrue();
            assertThat(db.<Boolean>write(tx -> entries.giveBack(tx, "rly_orphan", AT))).as("given back once").isFalse();
            db.read(tx -> {
                assertThat(entries.find(tx, "rly_taken").orElseThrow().state()).isEqualTo(RelayRental.State.ACTIVE);
                RelayRental orphan = entries.find(tx, "rly_orphan").orElseThrow();
                assertThat(orphan.state()).isEqualTo(RelayRental.State.CLOSING);
                assertThat(orphan.closeAction()).isEqualTo(RelayRental.CloseAction.CANCEL);
                return null;
            });
        }
    }
}
