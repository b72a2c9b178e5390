package io.harmattan.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the app states who may call it. deny-unannotated-endpoints already refuses
 * the rest at run time; this catches the omission at build time, with the method's name.
 */
class EndpointAnnotationsTest {

    private static final List<Class<? extends Annotation>> ACCESS = List.of(PermitAll.class, Authenticated.class,
            RolesAllowed.class, DenyAll.class);

    private static boolean statesAccess(AnnotatedElement element) {
        return ACCESS.stream().anyMatch(element::isAnnotationPresent);
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    @Test
    void everyResourceMethodStatesItsAccess() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> unannotated = new ArrayList<>();
        int endpoints = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/harmattan"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (isEndpoint(method)) {
                        endpoints++;
                        if (!statesAccess(method) && !statesAccess(type)) {
                            unannotated.add(type.getSimpleName() + "#" + method.getName());
                        }
                    }
                }
            }
        }
        assertThat(endpoints).isGreaterThan(5);
        assertThat(unannotated).isEmpty();
    }
}
