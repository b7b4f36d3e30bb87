package io.cameliotf.iotf.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the snippets keep the tokens the registry returns once: here, a list the test reads. */
public final class Vault {

    private final List<Object> stored = new CopyOnWriteArrayList<>();

    public void store(Object credentials) {
        stored.add(credentials);
    }

    public List<Object> stored() {
        return stored;
    }
}
