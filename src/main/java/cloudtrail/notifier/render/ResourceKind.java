package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
/** What a target resource is, as the reader calls it. */
public enum ResourceKind {
    EC2_INSTANCE("EC2 インスタンス", "EC2 instance"),
    SECURITY_GROUP("セキュリティグループ", "Security group"),
    NETWORK_ACL("ネットワーク ACL", "Network ACL"),
    VPC("VPC", "VPC"),
    SUBNET("サブネット", "Subnet"),
    IAM_USER("IAM ユーザー", "IAM user"),
    IAM_ROLE("IAM ロール", "IAM role"),
    IAM_GROUP("IAM グループ", "IAM group"),
    IAM_POLICY("IAM ポリシー", "IAM policy"),
    ACCESS_KEY("アクセスキー", "Access key"),
    S3_BUCKET("S3 バケット", "S3 bucket"),
    KMS_KEY("KMS キー", "KMS key"),
    SECRET("シークレット", "Secret"),
    TRAIL("CloudTrail 証跡", "CloudTrail trail"),
    /** A request parameter shown by its own name: the generic fallback. */
    FIELD(null, null);

    private final String ja;
    private final String en;

    ResourceKind(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String label(Language language) {
        return language == Language.JA ? ja : en;
    }
}
