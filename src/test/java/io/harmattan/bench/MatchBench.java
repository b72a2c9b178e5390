package io.harmattan.bench;

import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One match (read a prospect's text, combine with declared tags, rank every published briefing)
 * against 10,000 briefings, timed call by call in this JVM after a warm-up: the engine alone, as
 * the API and the explorer call it with the catalogue already in memory.
 */
final class MatchBench {

    static final int BRIEFINGS = 10_000;
    /** What the API and the explorer ask for: the best 50, with reasons. */
    static final int LIMIT = 50;
    static final String TEXT = """
            We are a mid-tier gold producer with an exploration permit near Kéniéba and a processing
            plant project close to Sadiola (Kayes region). We are also looking at a solar plant to
            supply the site and at lithium around Bougouni. Our convoys come from Dakar and Abidjan.
            Nous souhaitons une évaluation des risques pour nos équipes et nos sous-traitants, ainsi
            qu'un suivi mensuel de la situation sécuritaire au Mali et au Burkina Faso.""";

    record Figures(int briefings, int matched, int calls, double medianMicros, double p99Micros, double maxMicros) {
    }

    static Figures measure(int calls) {
        Random random = new Random(20261122);
        List<Candidate> candidates = new ArrayList<>(BRIEFINGS);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int id = 1; id <= BRIEFINGS; id++) {
            List<String> countries = pick(random, MatchEngine.COUNTRIES, 1 + random.nextInt(3));
            List<String> sectors = random.nextInt(10) == 0 ? List.of() : pick(random, MatchEngine.SECTORS, 1 + random.nextInt(2));
            candidates.add(Candidate.of(id, countries, sectors, start.plusSeconds(random.nextInt(90_000_000))));
        }
        MatchEngine engine = MatchEngine.standard();
        List<String> declaredSectors = List.of("mining");
        List<String> declaredCountries = List.of("ML");
        int matched = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up
            matched = engine.rank(engine.analyse(TEXT, declaredSectors, declaredCountries), candidates, LIMIT).size();
        }
        matched = engine.rank(engine.analyse(TEXT, declaredSectors, declaredCountries), candidates).size();
        double[] micros = new double[calls];
        for (int i = 0; i < calls; i++) {
            long began = System.nanoTime();
            engine.rank(engine.analyse(TEXT, declaredSectors, declaredCountries), candidates, LIMIT);
            micros[i] = (System.nanoTime() - began) / 1_000.0;
        }
        java.util.Arrays.sort(micros);
        return new Figures(BRIEFINGS, matched, calls, micros[calls / 2], micros[(int) Math.ceil(calls * 0.99) - 1],
                micros[calls - 1]);
    }

    private static List<String> pick(Random random, List<String> from, int count) {
        List<String> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }

    public static void main(String[] args) {
        System.out.println(measure(5_000));
    }
}
