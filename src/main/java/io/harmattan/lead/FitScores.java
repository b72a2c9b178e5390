package io.harmattan.lead;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Works out the fit score of leads stored without one (seed data, rows from before scores
 * existed), in small batches after start-up. New leads get theirs when they are stored.
 */
@ApplicationScoped
public class FitScores {

    static final int BATCH = 200;

    void onStart(@Observes StartupEvent event, ManagedExecutor executor) {
        executor.execute(this::fillMissing);
    }

    public int fillMissing() {
        int done = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Lead> leads = Lead.find("fitScore is null").page(0, BATCH).list();
                leads.forEach(lead -> lead.fitScore = LeadTags.of(lead).fit(lead).total());
                return leads.size();
            });
            done += batch;
            if (batch < BATCH) {
                return done;
            }
        }
    }
}
