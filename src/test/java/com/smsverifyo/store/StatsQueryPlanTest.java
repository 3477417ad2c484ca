package com.smsverifyo.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's aggregates read one account's rows through an index (EXPLAIN QUERY PLAN), never
 * by scanning a table: their cost follows the window, not the history.
 */
class StatsQueryPlanTest {
    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(dir.resolve("plan.db"), 1);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static List<Arguments> queries() {
        long from = 1_700_000_000_000L;
        long to = from + 86_400_000L;
        return List.of(
                Arguments.of("open rentals", StatsRepository.OPEN_RENTALS, new Object[] {"acc_1"}, "rentals_account_open"),
                Arguments.of("first codes", StatsRepository.FIRST_CODES, new Object[] {"acc_1", from, to},
                        "rentals_account_first_code"),
                Arguments.of("first codes per bucket", StatsRepository.FIRST_CODES_PER_BUCKET,
                        new Object[] {from, 3_600_000L, "acc_1", from, to}, "rentals_account_first_code"),
                Arguments.of("spend per bucket", StatsRepository.SPEND_PER_BUCKET,
                        new Object[] {from, 3_600_000L, "acc_1", from, to}, "rentals_account_created"),
                Arguments.of("outcomes by service", StatsRepository.OUTCOMES_BY_SERVICE,
                        new Object[] {"acc_1", from, to, "acc_1", from, to}, "rentals_account_ended"),
                Arguments.of("balance per bucket", StatsRepository.BALANCE_PER_BUCKET,
                        new Object[] {from, 3_600_000L, "acc_1", from, to}, "ledger_account_time"),
                Arguments.of("balance before", StatsRepository.BALANCE_BEFORE, new Object[] {"acc_1", from},
                        "ledger_account_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void readsThroughAnIndexOfTheAccount(String name, String sql, Object[] args, String index) {
        List<String> plan = db.read(tx -> Sql.list(tx, "EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"), args));

        assertThat(plan).as(name + ": " + plan).anyMatch(step -> step.contains(index));
        assertThat(plan).as(name + ": " + plan)
                .noneMatch(step -> step.matches("SCAN (rentals|ledger)\\b.*"))
                .allMatch(step -> !step.startsWith("SEARCH") || step.contains("INDEX") || step.contains("PRIMARY KEY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void coversTheRentalsTableWithoutLookups(String name, String sql, Object[] args, String index) {
        List<String> plan = db.read(tx -> Sql.list(tx, "EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"), args));

        assertThat(plan).as(name + ": " + plan)
                .filteredOn(step -> step.startsWith("SEARCH rentals") || step.startsWith("SEARCH ledger"))
                .allMatch(step -> step.contains("COVERING INDEX"));
    }
}
