package com.smsverifyo.sources;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.sources.android.AndroidGatewayType;
import com.smsverifyo.sources.modem.ModemType;
import com.smsverifyo.sources.relay.UpstreamType;
import java.util.Random;

/** Registers the source types this program offers with the engine. */
public final class BuiltInSources {
    private BuiltInSources() {
    }

    /**
     * @param simulator how the simulator sends its codes (the server's {@code --sim-*} options)
     * @param random    the simulator's randomness (seeded in tests)
     */
    public static void register(Engine engine, SimulatorSource.Settings simulator, Random random) {
        engine.sources().register(new SimulatorSourceType(engine, simulator, random))
                .register(new AndroidGatewayType(engine))
                .register(new ModemType(engine))
                .register(new UpstreamType(engine));
    }
}
