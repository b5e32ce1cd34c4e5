package cloudtrail.notifier.event;

/** An entry of the CloudTrail record's own resources list (KMS, STS and data events fill it). */
public record ResourceRef(String arn, String type, String accountId) {}
