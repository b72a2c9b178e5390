package io.harmattan.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the fault table between the markers of docs/reliability.md, or alone into a file of its own. */
final class Report {

    static final String BEGIN = "<!-- faults:begin -->";
    static final String END = "<!-- faults:end -->";

    private Report() {
    }

    static void write(Path file, String section) throws IOException {
        String block = BEGIN + "\n" + section + END;
        if (Files.exists(file)) {
            String text = Files.readString(file);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin >= 0 && end > begin) {
                Files.writeString(file, text.substring(0, begin) + block + text.substring(end + END.length()));
                return;
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, block + "\n");
    }
}
