package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Severity;
import java.time.Instant;

/**
 * One event in a line: what a digest lists for it and groups it by. Every text is already safe to
 * show (one line, bounded); null where the event does not say.
 *
 * @param actorKey whom the event is attributed to, for grouping: the identity's ARN or principal, not its display
 * @param tool what made the call, by name without version (Terraform, CloudFormation, AWS CLI, コンソール)
 * @param reason why the severity is what it is, in words
 * @param next what to do, for a warning or worse
 * @param change whether the call changed something: it succeeded and was not read-only
 */
public record Gist(String eventId, Severity severity, String reason, String next, Instant when, String what, String target,
        boolean failed, boolean change, String account, String actor, String actorKey, String tool) {}
