package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
/** What a target resource is, as the reader calls it. */
public enum ResourceKind {
    EC2_INSTANCE("EC2 インスタンス", "EC2 instance"),
    SECURITY_GROUP("セキュリティグループ", "Security group"),
    SECURITY_GROUP_RULE("セキュリティグループルール", "Security group rule"),
    NETWORK_ACL("ネットワーク ACL", "Network ACL"),
    NETWORK_ACL_ENTRY("ネットワーク ACL ルール", "Network ACL rule"),
    VPC("VPC", "VPC"),
    SUBNET("サブネット", "Subnet"),
    ROUTE_TABLE("ルートテーブル", "Route table"),
    ROUTE("ルート（宛先）", "Route (destination)"),
    GATEWAY("ゲートウェイ", "Gateway"),
    IAM_USER("IAM ユーザー", "IAM user"),
    IAM_ROLE("IAM ロール", "IAM role"),
    IAM_GROUP("IAM グループ", "IAM group"),
    IAM_POLICY("IAM ポリシー", "IAM policy"),
    INLINE_POLICY("インラインポリシー", "Inline policy"),
    ACCESS_KEY("アクセスキー", "Access key"),
    MFA_DEVICE("MFA デバイス", "MFA device"),
    S3_BUCKET("S3 バケット", "S3 bucket"),
    S3_OBJECT("S3 オブジェクト", "S3 object"),
    KMS_KEY("KMS キー", "KMS key"),
    SECRET("シークレット", "Secret"),
    SSM_SESSION("Session Manager セッション", "Session Manager session"),
    SSM_DOCUMENT("SSM ドキュメント", "SSM document"),
    SSM_PARAMETER("パラメータストアのパラメータ", "Parameter Store parameter"),
    TRAIL("CloudTrail 証跡", "CloudTrail trail"),
    ORG_ACCOUNT("組織のアカウント", "Organization account"),
    ORG_POLICY("組織ポリシー", "Organization policy"),
    ORG_TARGET("ポリシーの適用先", "Policy target"),
    ORG_UNIT("OU（組織単位）", "Organizational unit"),
    ARN("リソース", "Resource"),
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
