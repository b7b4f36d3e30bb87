package io.cameliotf.examples;

import io.cameliotf.iotf.payload.IotfMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated valve: acts on its setValve commands and reports its new state. */
public class Valve {

    private final DemoStats stats;

    public Valve(DemoStats stats) {
        this.stats = stats;
    }

    /** Acts on a command and returns the state to publish as the valve's "state" event. */
    public Map<String, Object> act(IotfMessage command) {
        boolean open = command.data().path("open").asBoolean(true);
        stats.valveActed(open ? "opening" : "closing");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("open", open);
        return state;
    }
}
