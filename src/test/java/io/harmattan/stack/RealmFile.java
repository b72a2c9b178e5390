package io.harmattan.stack;

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
 * (demo users, the password-grant client) are appended and its other fields replace the
 * production ones. One source of truth, and the production file never holds a demo account.
 */
public final class RealmFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFile() {
    }

    public static ObjectNode devRealm(Path realmConfig) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(realmConfig.resolve("harmattan-realm.json").toFile());
            ObjectNode overlay = (ObjectNode) JSON.readTree(realmConfig.resolve("dev-overlay.json").toFile());
            Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = overlay.fields();
            while (fields.hasNext()) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
                if (field.getKey().startsWith("_")) {
                    continue;
                }
                if (field.getValue().isArray() && realm.get(field.getKey()) instanceof ArrayNode existing) {
                    existing.addAll((ArrayNode) field.getValue());
                } else {
                    realm.set(field.getKey(), field.getValue());
                }
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm files in " + realmConfig, e);
        }
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
