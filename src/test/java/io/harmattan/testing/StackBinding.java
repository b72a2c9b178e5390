package io.harmattan.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the harness for every test (restrictToAnnotatedClass is false by default here). */
@SuppressWarnings("deprecation")
@QuarkusTestResource(HarmattanTestResource.class)
public final class StackBinding {

    private StackBinding() {
    }
}
