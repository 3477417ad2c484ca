package com.smsverifyo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's savepoints, run again and again on one connection: a failing write is undone alone in
 * its group commit, and a failing {@code tx.attempt} is undone alone in its write, every time.
 */
class SavepointTest {
    private final MetaRepository meta = new MetaRepository();

    @TempDir
    Path dir;

    @Test
    void aFailingWriteIsUndoneAloneInItsGroupCommitEveryTime() {
        try (Database db = Database.open(dir.resolve("test.db"))) {
            List<CompletableFuture<String>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "w" + i;
                boolean fails = i % 3 == 0;
                writes.add(db.submit(tx -> {
                    meta.put(tx, name, "written");
                    if (fails) {
                        throw new IllegalStateException("refused " + name);
                    }
                    return name;
                }));
            }
            for (int i = 0; i < writes.size(); i++) {
                CompletableFuture<String> write = writes.get(i);
                if (i % 3 == 0) {
                    assertThatThrownBy(write::join).hasRootCauseInstanceOf(IllegalStateException.class);
                } else {
                    assertThat(write.join()).isEqualTo("w" + i);
                }
            }
            db.read(tx -> {
                for (int i = 0; i < 200; i++) {
                    assertThat(meta.get(tx, "w" + i)).as("w" + i).isEqualTo(
                            i % 3 == 0 ? Optional.empty() : Optional.of("written"));
                }
                return null;
            });
        }
    }

    @Test
    void aFailingAttemptIsUndoneAloneInItsWriteEveryTime() {
        try (Database db = Database.open(dir.resolve("test.db"))) {
            for (int round = 0; round < 20; round++) {
                String prefix = "r" + round + ".";
                db.write(tx -> {
                    meta.put(tx, prefix + "before", "kept");
                    assertThatThrownBy(() -> tx.attempt(inner -> {
                        meta.put(inner, prefix + "refused", "undone");
                        throw new IllegalStateException("refused");
                    })).isInstanceOf(IllegalStateException.class);
                    tx.attempt(inner -> {
                        meta.put(inner, prefix + "attempted", "kept");
                        return null;
                    });
                    meta.put(tx, prefix + "after", "kept");
                    return null;
                });
                db.read(tx -> {
                    assertThat(meta.get(tx, prefix + "before")).contains("kept");
                    assertThat(meta.get(tx, prefix + "refused")).isEmpty();
                    assertThat(meta.get(tx, prefix + "attempted")).contains("kept");
                    assertThat(meta.get(tx, prefix + "after")).contains("kept");
                    return null;
                });
            }
        }
    }
}
