package io.harmattan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md in named sections, so that a run of one section replaces its own figures
 * and keeps the others'. Sections sit between HTML comments that Markdown does not show.
 */
final class Report {

    private Report() {
    }

    static void replaceSection(Path file, String name, String markdown) throws IOException {
        String begin = "<!-- section:" + name + " -->\n";
        String end = "<!-- /section:" + name + " -->\n";
        String block = begin + markdown.stripTrailing() + "\n" + end;
        String current = Files.exists(file) ? Files.readString(file) : "";
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = current.substring(0, from) + block + current.substring(to + end.length());
        } else if ("intro".equals(name)) {
            updated = block + "\n" + current;
        } else {
            updated = current.stripTrailing() + "\n\n" + block;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated);
    }
}
