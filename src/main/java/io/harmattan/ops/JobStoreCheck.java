package io.harmattan.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Readiness: the clustered Quartz scheduler is running and its job store (tables in the shared
 * database) answers. The database itself has Quarkus' own datasource check beside this one.
 */
@Readiness
@ApplicationScoped
public class JobStoreCheck implements HealthCheck {

    @Inject
    Scheduler scheduler;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Job store");
        try {
            boolean running = scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
            // Reads the job store's tables: fails while the database is away.
            int groups = scheduler.getJobGroupNames().size();
            return response.status(running).withData("instance", scheduler.getSchedulerInstanceId())
                    .withData("clustered", scheduler.getMetaData().isJobStoreClustered())
                    .withData("jobGroups", groups).build();
        } catch (SchedulerException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
