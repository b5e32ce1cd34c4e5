package cloudtrail.notifier.doctor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * A logging trail that covers the home region and us-east-1. EventBridge sees CloudTrail's
 * management events only where a trail records them, and IAM, sign-in and Organizations events
 * happen in us-east-1: without a trail there, only GuardDuty findings ever reach the function.
 */
record TrailCheck() implements Check {

    @Override
    public Topic topic() {
        return Topic.TRAIL;
    }

    @Override
    public String permissions() {
        return "cloudtrail:DescribeTrails, cloudtrail:GetTrailStatus";
    }

    @Override
    public CheckResult run(Context c) {
        Region home = c.home();
        List<Region> needed = home.equals(Region.US_EAST_1) ? List.of(home) : List.of(home, Region.US_EAST_1);
        Survey survey = new Survey(c, home);
        // shadow trails: the home region also lists every multi-region trail, wherever it was created
        for (Trail trail : c.aws().cloudTrail(home).describeTrails(b -> b.includeShadowTrails(true)).trailList()) {
            if (survey.add(trail)) {
                return CheckResult.ok(topic(), c.text(Text.TRAIL_OK_MULTI_REGION, trail.name()));
            }
        }
        if (!survey.covered.containsKey(Region.US_EAST_1) && needed.contains(Region.US_EAST_1)) {
            for (Trail trail : c.aws().cloudTrail(Region.US_EAST_1).describeTrails(b -> b.includeShadowTrails(false)).trailList()) {
                if (survey.add(trail)) {
                    return CheckResult.ok(topic(), c.text(Text.TRAIL_OK_MULTI_REGION, trail.name()));
                }
            }
        }
        List<String> missing = needed.stream().filter(r -> !survey.covered.containsKey(r)).map(Region::id).toList();
        if (missing.isEmpty()) {
            return CheckResult.ok(topic(), c.text(Text.TRAIL_OK_REGIONS, c.join(survey.covered.values().stream().distinct().toList()),
                    c.join(needed.stream().map(Region::id).toList())));
        }
        if (survey.failure != null) {
            // a trail we could not ask about may be the one that logs: not a finding, only unchecked
            throw survey.failure;
        }
        String found = survey.stopped.isEmpty() ? c.text(Text.TRAIL_NOT_FOUND) : c.join(survey.stopped);
        String message = survey.covered.isEmpty()
                ? c.text(Text.TRAIL_NONE, c.join(missing), found)
                : c.text(Text.TRAIL_PARTIAL, c.join(missing), found);
        Trail restart = survey.restartable(missing);
        String advice = restart != null
                ? c.text(Text.TRAIL_ADVICE_START, regionOf(restart, home).id(), restart.name())
                : c.text(Text.TRAIL_ADVICE_CREATE, home.id(), home.id());
        return CheckResult.problem(topic(), message, advice);
    }

    private static Region regionOf(Trail trail, Region fallback) {
        return trail.homeRegion() == null ? fallback : Region.of(trail.homeRegion());
    }

    /** The trails seen so far: which regions logging ones cover, which are stopped. */
    private static final class Survey {
        private final Context c;
        private final Region home;
        private final Set<String> seen = new HashSet<>();
        private final Map<Region, String> covered = new LinkedHashMap<>();
        private final List<String> stopped = new ArrayList<>();
        private final List<Trail> stoppedTrails = new ArrayList<>();
        private SdkException failure;

        Survey(Context c, Region home) {
            this.c = c;
            this.home = home;
        }

        /** True when the trail settles it: multi-region and logging. */
        boolean add(Trail trail) {
            if (!seen.add(trail.trailARN())) {
                return false;
            }
            Region region = regionOf(trail, home);
            boolean logging;
            try {
                // a shadow trail's status is asked by ARN in the region it lives in
                logging = Boolean.TRUE.equals(c.aws().cloudTrail(region).getTrailStatus(b -> b.name(trail.trailARN())).isLogging());
            } catch (SdkException e) {
                failure = failure == null ? e : failure;
                return false;
            }
            if (logging && Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
                return true;
            }
            if (logging) {
                covered.putIfAbsent(region, trail.name());
            } else {
                stopped.add(c.text(Text.TRAIL_STOPPED, trail.name()));
                stoppedTrails.add(trail);
            }
            return false;
        }

        /** A stopped trail that, started again, would cover what is missing: multi-region ones first. */
        Trail restartable(List<String> missing) {
            for (Trail t : stoppedTrails) {
                if (Boolean.TRUE.equals(t.isMultiRegionTrail())) {
                    return t;
                }
            }
            for (Trail t : stoppedTrails) {
                if (missing.contains(regionOf(t, home).id())) {
                    return t;
                }
            }
            return null;
        }
    }
}
