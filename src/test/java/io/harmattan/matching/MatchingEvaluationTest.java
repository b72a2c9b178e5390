package io.harmattan.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine against request texts labelled by hand (src/test/resources/matching/evaluation.md
 * says how they were made): micro precision, recall and F1 of the sectors and countries it reads
 * from the text alone, per code and overall. Both the evaluation set (340 texts, half English, half
 * French, read while the engine was tuned) and the held-out set (80 texts, never read) must reach
 * F1 0.95 for sectors and 0.98 for countries. The figures also go to target/matching-evaluation.md,
 * from which docs/matching.md is updated.
 */
class MatchingEvaluationTest {

    static final double SECTOR_F1 = 0.95;
    static final double COUNTRY_F1 = 0.98;

    record Example(String id, String language, Set<String> sectors, Set<String> countries, String text) {
    }

    /** Counts of one code (or all codes together): true positives, false positives, false negatives. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }
    }

    record Result(Map<String, Score> sectors, Map<String, Score> countries, List<String> mistakes) {

        Score all(Map<String, Score> scores) {
            Score total = new Score();
            scores.values().forEach(s -> {
                total.tp += s.tp;
                total.fp += s.fp;
                total.fn += s.fn;
            });
            return total;
        }
    }

    static List<Example> read(String resource) {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MatchingEvaluationTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                examples.add(new Example(f[0], f[1], codes(f[2]), codes(f[3]), f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static Set<String> codes(String field) {
        return field.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(field.split(",")));
    }

    static Result evaluate(List<Example> examples) {
        MatchEngine engine = MatchEngine.standard();
        Map<String, Score> sectors = scores(MatchEngine.SECTORS);
        Map<String, Score> countries = scores(MatchEngine.COUNTRIES);
        List<String> mistakes = new ArrayList<>();
        for (Example example : examples) {
            MatchEngine.Analysis analysis = engine.analyse(example.text(), List.of(), List.of());
            Set<String> foundSectors = analysis.sectors().stream().map(MatchEngine.Tag::code).collect(Collectors.toCollection(TreeSet::new));
            Set<String> foundCountries = analysis.countries().stream().map(MatchEngine.Tag::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            count(sectors, example.sectors(), foundSectors);
            count(countries, example.countries(), foundCountries);
            if (!foundSectors.equals(example.sectors()) || !foundCountries.equals(example.countries())) {
                mistakes.add(String.format("%s expected %s %s, found %s %s from %s", example.id(), example.sectors(),
                        example.countries(), foundSectors, foundCountries, evidence(analysis)));
            }
        }
        return new Result(sectors, countries, mistakes);
    }

    private static String evidence(MatchEngine.Analysis analysis) {
        return analysis.sectors().stream().map(t -> t.code() + "=" + t.evidence()).collect(Collectors.joining(" "))
                + " " + analysis.countries().stream().map(t -> t.code() + "=" + t.evidence()).collect(Collectors.joining(" "));
    }

    private static Map<String, Score> scores(List<String> codes) {
        Map<String, Score> scores = new LinkedHashMap<>();
        codes.forEach(code -> scores.put(code, new Score()));
        return scores;
    }

    private static void count(Map<String, Score> scores, Set<String> expected, Set<String> found) {
        scores.forEach((code, score) -> {
            boolean want = expected.contains(code);
            boolean got = found.contains(code);
            if (want && got) {
                score.tp++;
            } else if (got) {
                score.fp++;
            } else if (want) {
                score.fn++;
            }
        });
    }

    static String table(String title, Result result) {
        StringBuilder out = new StringBuilder("| " + title + " | labels | precision | recall | F1 |\n|---|---|---|---|---|\n");
        for (Map<String, Score> scores : List.of(result.sectors(), result.countries())) {
            scores.forEach((code, s) -> out.append(row(code, s)));
            out.append(row(scores == result.sectors() ? "**all sectors (micro)**" : "**all countries (micro)**",
                    result.all(scores)));
        }
        return out.toString();
    }

    private static String row(String label, Score s) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |\n", label, s.tp + s.fn, s.precision(),
                s.recall(), s.f1());
    }

    @Test
    void theEngineReadsTheLabelledRequestsAsAConsultantWould() throws IOException {
        List<Example> set = new ArrayList<>(read("/matching/evaluation-en.tsv"));
        set.addAll(read("/matching/evaluation-fr.tsv"));
        set.addAll(read("/matching/evaluation-2.tsv"));
        List<Example> holdout = read("/matching/evaluation-holdout.tsv");
        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        assertThat(set.stream().filter(e -> e.language().equals("fr")).count()).isEqualTo(set.size() / 2);
        Result result = evaluate(set);
        Result held = evaluate(holdout);
        String report = "### Evaluation set (" + set.size() + " texts)\n\n" + table("code", result)
                + "\n### Held-out set (" + holdout.size() + " texts)\n\n" + table("code", held);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/matching-evaluation.md"), report);
        System.out.println(report);
        // What the engine got wrong on the evaluation set (the held-out set's mistakes stay unread).
        result.mistakes().forEach(System.out::println);
        assertThat(result.all(result.sectors()).f1()).as("sector F1").isGreaterThanOrEqualTo(SECTOR_F1);
        assertThat(result.all(result.countries()).f1()).as("country F1").isGreaterThanOrEqualTo(COUNTRY_F1);
        assertThat(held.all(held.sectors()).f1()).as("held-out sector F1").isGreaterThanOrEqualTo(SECTOR_F1);
        assertThat(held.all(held.countries()).f1()).as("held-out country F1").isGreaterThanOrEqualTo(COUNTRY_F1);
    }
}
