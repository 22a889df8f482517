package io.carehub.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * R46: the route policy {@code oneInstance} ({@code routePolicyRef: oneInstance} in routes/*.yaml): a scheduled job
 * whose route names it runs on exactly one hub instance at a time, the one holding the job's PostgreSQL advisory lock
 * ({@link JobLocks}); on every other instance its timer fires and the exchange stops before the first step. A job no
 * instance holds is taken over at the next tick or within {@code carehub.jobs.claim-interval}, whichever is first.
 */
@Component("oneInstance")
public class OneInstancePolicy extends RoutePolicySupport implements DisposableBean {

    private final JobLocks locks;
    private final Set<String> jobs = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carehub-job-claims");
        thread.setDaemon(true);
        return thread;
    });

    OneInstancePolicy(JobLocks locks, JobProperties properties) {
        this.locks = locks;
        long every = properties.claimInterval().toMillis();
        claims.scheduleWithFixedDelay(this::claimFreeJobs, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onStart(Route route) {
        jobs.add(route.getRouteId());
    }

    @Override
    public void onStop(Route route) {
        jobs.remove(route.getRouteId());
        locks.release(route.getRouteId());
    }

    @Override
    public void onRemove(Route route) {
        onStop(route);
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (locks.runs(route.getRouteId())) {
            locks.ran(route.getRouteId());
        } else {
            exchange.setRouteStop(true); // another instance runs this job
        }
    }

    /** The jobs of a stopped instance move here even if their own period is long (an hourly or daily purge). */
    private void claimFreeJobs() {
        for (String job : jobs) {
            try {
                locks.runs(job);
            } catch (RuntimeException e) {
                // the next attempt tries again; a failed one must not end the schedule
            }
        }
    }

    @Override
    public void destroy() {
        claims.shutdownNow();
        locks.close();
    }
}
