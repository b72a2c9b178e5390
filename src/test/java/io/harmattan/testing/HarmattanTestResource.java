package io.harmattan.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points every @QuarkusTest at the shared {@link TestStack}. */
public class HarmattanTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.get().appConfig();
    }

    @Override
    public void stop() {
        // The stack lives for the whole test JVM; its shutdown hook stops it.
    }
}
