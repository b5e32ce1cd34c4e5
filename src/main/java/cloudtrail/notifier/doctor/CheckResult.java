package cloudtrail.notifier.doctor;

/**
 * One line of the report: what was found and, unless it is OK, what to do about it. The advice is
 * part of the result rather than of the printer because only the check knows the names to put in it.
 */
public record CheckResult(Topic topic, Status status, String message, String advice) {

    static CheckResult ok(Topic topic, String message) {
        return new CheckResult(topic, Status.OK, message, null);
    }

    static CheckResult problem(Topic topic, String message, String advice) {
        return new CheckResult(topic, Status.PROBLEM, message, advice);
    }

    static CheckResult unchecked(Topic topic, String message, String advice) {
        return new CheckResult(topic, Status.UNCHECKED, message, advice);
    }
}
