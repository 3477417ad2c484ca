package com.smsverifyo.ui.server;

import com.smsverifyo.ui.shell.ModelPage;
import com.smsverifyo.ui.EmbeddedEngine;
import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.util.List;
import java.util.Optional;

/**
 * The Server page: on this computer's engine, its switches, log and backups; on any server, its
 * sources, pool and a test SMS. On a remote server the parts only its own machine can do are absent.
 */
public final class ServerViewModel implements ModelPage.Lifecycle, AutoCloseable {
    private final Session session;
    private final SourcesAndPool sources;
    private final TestSmsForm testSms;
    private final EngineControl engine;
    private final BackupRunner backup;
    private final LogTail log;
    /** While shown: rentals taking and freeing numbers, and SMS arriving, change the pool and the sources' health. */
    private final LiveListener follow = new LiveListener() {
        @Override
        public void rentalsChanged(List<Rental> rentals) {
            sources.refresh();
        }

        @Override
        public void codeArrived(CodeReceived code) {
            sources.refresh();
        }
    };

    public ServerViewModel(Session session) {
        this.session = session;
        this.sources = new SourcesAndPool(session);
        this.testSms = new TestSmsForm(session, sources::refresh);
        Optional<EmbeddedEngine> embedded = session.embedded();
        this.engine = embedded.map(e -> new EngineControl(e, session)).orElse(null);
        this.backup = embedded.map(e -> new BackupRunner(e, session)).orElse(null);
        this.log = embedded.flatMap(EmbeddedEngine::logFile).map(file -> new LogTail(file, session.executors().fx()))
                .orElse(null);
    }

    /** Whether this is the app's own engine (the switches, log and backups are shown). */
    public boolean embedded() {
        return engine != null;
    }

    /** The server's address, for the remote notice. */
    public String serverUrl() {
        return session.baseUrl();
    }

    /** The page is shown: read everything again, follow the log. */
    @Override
    public void shown() {
        refresh();
        session.live().addListener(follow);
        if (log != null) {
            log.start();
        }
    }

    /** The page is hidden: stop following the log. */
    @Override
    public void hidden() {
        session.live().removeListener(follow);
        if (log != null) {
            log.stop();
        }
    }

    public void refresh() {
        if (engine != null) {
            engine.refresh();
        }
        sources.refresh();
    }

    public SourcesAndPool sources() {
        return sources;
    }

    public TestSmsForm testSms() {
        return testSms;
    }

    /** The engine's switches (this computer's engine only). */
    public Optional<EngineControl> engine() {
        return Optional.ofNullable(engine);
    }

    public Optional<BackupRunner> backup() {
        return Optional.ofNullable(backup);
    }

    public Optional<LogTail> log() {
        return Optional.ofNullable(log);
    }

    @Override
    public void close() {
        hidden();
    }
}
