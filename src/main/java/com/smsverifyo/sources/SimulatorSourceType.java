package com.smsverifyo.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceSettings;
import com.smsverifyo.engine.SourceType;
import com.smsverifyo.store.SourceRecord;
import java.util.Random;

/**
 * The {@code simulator} type: demo numbers that get made-up codes. It has no settings of its own:
 * how often and how fast codes come is the server's ({@code serve --sim-delay}, {@code --sim-success}).
 */
public final class SimulatorSourceType implements SourceType {
    public static final String TYPE = "simulator";

    private final Engine engine;
    private final SimulatorSource.Settings settings;
    private final Random random;

    public SimulatorSourceType(Engine engine, SimulatorSource.Settings settings, Random random) {
        this.engine = engine;
        this.settings = settings;
        this.random = random;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode check(SourceSettings given) {
        return given.done();
    }

    @Override
    public SmsSource create(SourceRecord source, ObjectNode kept) {
        return new SimulatorSource(engine, source.id(), settings, random);
    }
}
