package cloudtrail.notifier.render;

/** Why an event got its severity; shown beside the severity so the reader can judge the ranking. */
public enum Reason {
    ROOT_ACTIVITY(Severity.CRITICAL, "ルートユーザーによる操作", "root user activity"),
    AUDIT_TAMPERING(Severity.CRITICAL, "監査・検知の停止や変更", "audit or detection tampered with"),
    KEY_DISABLED(Severity.CRITICAL, "KMS キーの無効化・削除予約", "KMS key disabled or scheduled for deletion"),
    FINDING_CRITICAL(Severity.CRITICAL, "検出の重要度が重大", "critical-severity finding"),
    FINDING_HIGH(Severity.CRITICAL, "検出の重要度が高", "high-severity finding"),
    SIGN_IN_FAILED(Severity.WARNING, "サインインの失敗", "failed sign-in"),
    ACCESS_DENIED(Severity.WARNING, "権限のない操作の試み", "denied call"),
    IAM_POLICY_CHANGE(Severity.WARNING, "IAM ポリシーの変更", "IAM policy change"),
    CREDENTIAL_CHANGE(Severity.WARNING, "認証情報・ID の変更", "credential or identity change"),
    SIGN_IN_WITHOUT_MFA(Severity.WARNING, "MFA なしのサインイン", "sign-in without MFA"),
    AUDIT_CHANGE(Severity.WARNING, "監査・検知の設定変更", "audit or detection configuration change"),
    ORGANIZATION_CHANGE(Severity.WARNING, "組織（Organizations）の変更", "organization change"),
    NETWORK_CHANGE(Severity.WARNING, "ネットワークの通信許可・経路の変更", "network access or routing change"),
    RESOURCE_POLICY_CHANGE(Severity.WARNING, "リソースポリシー・暗号化設定の変更", "resource policy or encryption change"),
    UNUSUAL_ACTIVITY(Severity.WARNING, "通常と異なる API の動き（CloudTrail Insights）", "unusual API activity (CloudTrail Insights)"),
    FINDING_MEDIUM(Severity.WARNING, "検出の重要度が中", "medium-severity finding"),
    HEALTH_ISSUE(Severity.WARNING, "AWS の障害・問題（AWS Health）", "AWS service issue (AWS Health)"),
    HEALTH_SCHEDULED_CHANGE(Severity.WARNING, "予定された変更・保守（AWS Health）", "scheduled change or maintenance (AWS Health)"),
    FAILED_CALL(Severity.INFO, "失敗した操作", "failed call"),
    FINDING_LOW(Severity.INFO, "検出の重要度が低", "low-severity finding"),
    FINDING_CLOSED(Severity.INFO, "解決済み・合格の検出", "resolved or passed finding"),
    HEALTH_NOTICE(Severity.INFO, "AWS からのお知らせ・終了した事象（AWS Health）", "AWS notice or closed event (AWS Health)"),
    ROUTINE(Severity.INFO, "通常の操作", "routine activity");

    private final Severity severity;
    private final String ja;
    private final String en;

    Reason(Severity severity, String ja, String en) {
        this.severity = severity;
        this.ja = ja;
        this.en = en;
    }

    public Severity severity() {
        return severity;
    }

    public String label(Language language) {
        return language == Language.JA ? ja : en;
    }
}
