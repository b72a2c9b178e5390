package io.harmattan.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The dev/test realm is the production realm plus {@code dev-overlay.json}: the overlay's arrays
 * (demo users, the password-grant client) are appended, an element named like one already there
 * (the /clients group with the demo organisations under it) replaces it, and the overlay's other
 * fields replace the production ones. One source of truth, and the production file never holds a demo account.
 */
public final class RealmFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFile() {
    }

    public static ObjectNode devRealm(Path realmConfig) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(realmConfig.resolve("harmattan-realm.json").toFile());
            ObjectNode overlay = (ObjectNode) JSON.readTree(realmConfig.resolve("dev-overlay.json").toFile());
            Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("_")) {
                    continue;
                }
                if (field.getValue().isArray() && realm.get(field.getKey()) instanceof ArrayNode existing) {
                    for (JsonNode element : field.getValue()) {
                        replaceOrAdd(existing, element);
                    }
                } else {
                    realm.set(field.getKey(), field.getValue());
                }
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm files in " + realmConfig, e);
        }
    }

    /** An element named like one already there (a group) replaces it; anything else is appended. */
    private static void replaceOrAdd(ArrayNode existing, JsonNode element) {
        if (element.hasNonNull("name")) {
            for (int i = 0; i < existing.size(); i++) {
                if (element.get("name").equals(existing.get(i).get("name"))) {
                    existing.set(i, element);
                    return;
                }
            }
        }
        existing.add(element);
    }

    public static void writeDevRealm(Path realmConfig, Path target) {
        try {
            Files.createDirectories(target.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), devRealm(realmConfig));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dev realm to " + target, e);
        }
    }
}
