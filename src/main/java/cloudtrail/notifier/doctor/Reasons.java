package cloudtrail.notifier.doctor;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Why a call failed, in one short line: the service's error code first, since that is what people search for. */
final class Reasons {
    private static final int MAX = 240;

    private Reasons() {}

    static String of(Throwable e) {
        String text;
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null) {
            String message = s.awsErrorDetails().errorMessage();
            text = s.awsErrorDetails().errorCode() + (message == null || message.isBlank() ? "" : ": " + message);
        } else {
            text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    /** CloudFormation answers ValidationError, not a not-found code, for a stack that does not exist. */
    static boolean stackDoesNotExist(Throwable e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && "ValidationError".equals(s.awsErrorDetails().errorCode())
                && String.valueOf(s.awsErrorDetails().errorMessage()).contains("does not exist");
    }
}
