package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
/** Every fixed piece of text a notification uses, in each language. */
public enum Msg {
    // labels of the five lines a notification opens with, then what follows them
    WHAT("何が", "What"),
    WHO("誰が", "Who"),
    WHERE("どこで", "Where"),
    WHEN("いつ", "When"),
    RESULT("結果", "Result"),
    REASON("理由", "Why"),
    NEXT("次の対応", "What to do"),
    // labels
    ACCOUNT("アカウント", "Account"),
    REGION("リージョン", "Region"),
    EVENT("イベント", "Event"),
    TARGETS("対象", "Targets"),
    SOURCE_IP("送信元 IP", "Source IP"),
    USER_AGENT("ユーザーエージェント", "User agent"),
    MFA("MFA", "MFA"),
    ACCESS("操作種別", "Access"),
    EVENT_ID("イベント ID", "Event ID"),
    CONSOLE_LINK("CloudTrail コンソール", "CloudTrail console"),
    // a chat message names who and the result for every event: for what an AWS service reports, these
    WHO_REPORTED_BY("AWS のサービス %s（報告元）", "the AWS service %s (the reporter)"),
    RESULT_REPORTED("報告（API の呼び出しの成否はありません）", "a report (no call succeeded or failed)"),
    DETAIL_TYPE("種類", "Type"),
    EVENT_SOURCE("送信元", "Source"),
    DESCRIPTION("説明", "Description"),
    FINDING_TYPE("検出タイプ", "Finding type"),
    FINDING_SEVERITY("検出の重要度", "Finding severity"),
    DETAILS("詳細", "Details"),

    // values
    WHERE_ACCOUNT_REGION("アカウント %s、%s", "account %s, %s"),
    WHERE_ACCOUNT("アカウント %s", "account %s"),
    ACCOUNT_NAMED("%s（%s）", "%s (%s)"),
    REGION_NAMED("%s（%s）", "%s (%s)"),
    MFA_AT_IDP("IdP で判断（AWS には記録されない）", "decided at the identity provider (not recorded by AWS)"),
    NOT_AVAILABLE("（情報なし）", "(not available)"),
    WITHHELD("（秘匿のため非表示）", "(withheld: secret)"),
    SUCCESS("成功", "Succeeded"),
    FAILURE("失敗", "Failed"),
    MFA_USED("使用あり", "Used"),
    MFA_NOT_USED("使用なし", "Not used"),
    READ_ONLY("読み取り専用", "Read-only"),
    WRITE("書き込み（変更系）", "Write (changes something)"),
    TIME_UNREADABLE("%s（時刻として解釈できません）", "%s (not a time this notifier can read)"),
    MORE_ITEMS("ほか %d 件", "and %d more"),
    TRUNCATED("…［ここで省略: 全 %d 文字］", "… [truncated: %d characters in all]"),
    BLANKS("[空白 ×%d]", "[%d blanks]"),
    NON_ASCII_LETTERS("（ASCII 以外の文字を含む）", " (contains non-ASCII letters)"),
    MESSAGE_TRUNCATED("［通知の上限 %d バイトを超えるため、ここから先を省略しました］",
            "[The rest is left out: a notification holds at most %d bytes]"),
    MESSAGE_CUT_KEEPING("［通知の上限 %d バイトを超えるため、ここから先はイベント ID とリンクのほかを省略しました］",
            "[The rest but the event ID and the link is left out: a notification holds at most %d bytes]"),
    EVENT_GENERIC("%s のイベント", "%s event"),

    // subject and summary
    SUBJECT("【%s】%s（%s）", "[%s] %s (%s)"),
    SUBJECT_NO_ACCOUNT("【%s】%s", "[%s] %s"),
    SUBJECT_WHO_ACCOUNT("%s・%s", "%s, %s"),
    BY_ROOT("ルートユーザーによる%s", "Root user: %s"),
    FAILED_SUFFIX("（失敗）", " (failed)"),
    SEVERITY_WITH_REASON("%s（%s）", "%s (%s)"),
    ERROR_CODE("（%s）", " (%s)"),

    // digests: a burst by one actor in one notification (render.DigestRenderer)
    DIGEST_SUMMARY("%s による %d 件の%s", "%s: %d %s"),
    DIGEST_CHANGES("変更", "changes"),
    DIGEST_CALLS("操作", "calls"),
    DIGEST_EVENTS("イベント", "events"),
    DIGEST_PART("%s（%d/%d）", "%s (%d/%d)"),
    DIGEST_TOOL("ツール", "Tool"),
    DIGEST_PERIOD("%s 〜 %s", "%s to %s"),
    DIGEST_UNTIL(" 〜 %s", " to %s"),
    DIGEST_COUNTS("重大 %d 件・警告 %d 件・情報 %d 件・失敗 %d 件", "%d critical, %d warning, %d info, %d failed"),
    DIGEST_CRITICAL("重大な操作", "Critical"),
    DIGEST_LIST("一覧（重要度の高い順）", "All of them, most severe first"),
    DIGEST_DETAILS("── 最も重要度の高いイベントの詳細 ──", "── The most severe event in full ──"),
    DIGEST_LINE("【%s】%s %s%s %s %s", "[%s] %s %s%s %s %s"),

    // CloudTrail Insights
    INSIGHT_SUMMARY("CloudTrail Insights: %s%s（%s）", "CloudTrail Insights: %s %s (%s)"),
    INSIGHT_API_CALL_RATE("API 呼び出し量の異常", "unusual API call rate"),
    INSIGHT_API_ERROR_RATE("API エラー率の異常", "unusual API error rate"),
    INSIGHT_START("を検出", "detected"),
    INSIGHT_END("が終息", "ended"),

    // findings, health events and Insights (render.findings)
    MEANING("意味", "What it means"),
    CHECK_FIRST("まず確認すること", "Check first"),
    GUARDDUTY_CONSOLE("GuardDuty コンソール", "GuardDuty console"),
    SECURITY_HUB_CONSOLE("Security Hub コンソール", "Security Hub console"),
    HEALTH_CONSOLE("AWS Health ダッシュボード", "AWS Health Dashboard"),
    INSIGHTS_CONSOLE("CloudTrail Insights コンソール", "CloudTrail Insights console"),
    FINDING_ID("検出 ID", "Finding ID"),
    REMOTE("通信相手", "Remote party"),
    REMOTE_ACCOUNT("相手のアカウント", "Remote account"),
    PORT("ポート", "Port"),
    DIRECTION("方向", "Direction"),
    API_CALL("API", "API"),
    DOMAIN("ドメイン", "Domain"),
    OCCURRENCES("回数", "Count"),
    FIRST_SEEN("初回", "First seen"),
    LAST_SEEN("最終", "Last seen"),
    PUBLIC_IP("パブリック IP", "Public IP"),
    EKS_CLUSTER("EKS クラスター", "EKS cluster"),
    ECS_CLUSTER("ECS クラスター", "ECS cluster"),
    RDS_INSTANCE("RDS DB インスタンス", "RDS DB instance"),
    LAMBDA_FUNCTION("Lambda 関数", "Lambda function"),
    PRINCIPAL("ID（%s）", "Principal (%s)"),
    CONTROL("コントロール", "Control"),
    COMPLIANCE("準拠状況", "Compliance"),
    WORKFLOW("対応状況", "Workflow"),
    RECORD_STATE("記録の状態", "Record state"),
    REMEDIATION("修正方法", "Remediation"),
    PRODUCT("検出元", "Product"),
    MORE_FINDINGS("このイベントにはほかに %d 件の検出があります（コンソールで確認してください）",
            "This event holds %d more findings: see the console"),
    SERVICE("サービス", "Service"),
    HEALTH_EVENT_TYPE("イベントタイプ", "Event type"),
    HEALTH_CATEGORY("分類", "Category"),
    STATUS("状態", "Status"),
    START_TIME("開始", "Start"),
    END_TIME("終了", "End"),
    AFFECTED_RESOURCES("影響を受けるリソース", "Affected resources"),
    AFFECTED_ACCOUNT("影響を受けるアカウント", "Affected account"),
    ENTITY("リソース", "Resource"),
    INSIGHT_STATE("状態", "State"),
    CALL_RATE("呼び出し量", "Call rate"),
    ERROR_RATE("エラー量", "Error rate"),
    INSIGHT_DURATION("継続時間", "Duration"),
    MAIN_CALLERS("主な呼び出し元", "Main callers"),
    MAIN_USER_AGENTS("主なユーザーエージェント", "Main user agents"),
    MAIN_ERROR_CODES("主なエラーコード", "Main error codes"),
    CALLER("呼び出し元", "Caller"),

    // resources
    INBOUND("受信", "inbound"),
    OUTBOUND("送信", "outbound"),
    FROM_PEER("← %s", "from %s"),
    TO_PEER("→ %s", "to %s"),
    ALL_PROTOCOLS("全プロトコル", "all protocols"),
    ALLOW("許可", "allow"),
    DENY("拒否", "deny"),
    NOT_YET_ASSIGNED("（ID 未発行）", "(no ID yet)"),
    ACCOUNT_NAME("名前 %s", "name %s"),
    STATE("状態 %s", "state %s"),
    REQUEST("リクエスト %s", "request %s"),

    // who
    ROOT_USER("ルートユーザー", "Root user"),
    IAM_USER("IAM ユーザー %s", "IAM user %s"),
    ROLE_SESSION("ロール %s（セッション名 %s）", "Role %s (session %s)"),
    ROLE("ロール %s", "Role %s"),
    IDENTITY_CENTER_SESSION("%s（IAM Identity Center、許可セット %s）", "%s (IAM Identity Center, permission set %s)"),
    FEDERATED_USER("フェデレーションユーザー %s（発行元 %s）", "Federated user %s (issued by %s)"),
    FEDERATED_USER_PLAIN("フェデレーションユーザー %s", "Federated user %s"),
    AWS_ACCOUNT("別の AWS アカウント %s", "Another AWS account %s"),
    AWS_SERVICE("AWS サービス %s", "AWS service %s"),
    IDENTITY_CENTER_USER("IAM Identity Center ユーザー %s", "IAM Identity Center user %s"),
    IDENTITY_CENTER_PERSON("IAM Identity Center ユーザー %s（%s）", "IAM Identity Center user %s (%s)"),
    USER_ID("ID %s", "ID %s"),
    USER_NAME_AND_ID("%s、ID %s", "%s, ID %s"),
    WEB_IDENTITY_USER("ウェブ ID フェデレーションユーザー %s（IdP %s）", "Web identity user %s (IdP %s)"),
    SAML_USER("SAML フェデレーションユーザー %s（IdP %s）", "SAML user %s (IdP %s)"),
    UNKNOWN_IDENTITY("種別不明の ID %s", "Unidentified principal %s"),
    IDP_USER("IdP %s のユーザー", "A user of IdP %s"),
    CREDENTIAL("認証情報 %s", "credential %s"),
    OTHER_IDENTITY("%s %s", "%s %s"),
    VIA_SERVICE("%s（%s 経由）", "%s (via %s)"),
    ACCOUNT_OF("アカウント %s", "account %s"),
    SOURCE_IDENTITY("%s［ソース ID %s］", "%s [source identity %s]");

    private final String ja;
    private final String en;

    Msg(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String in(Language language) {
        return language == Language.JA ? ja : en;
    }

    /**
     * The text with %s and %d replaced by the arguments in order. Only those two are used, and a
     * notification formats a few dozen of them: java.util.Formatter parses the pattern each time.
     */
    public String format(Language language, Object... args) {
        String template = in(language);
        StringBuilder b = new StringBuilder(template.length() + 32);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && (template.charAt(i + 1) == 's' || template.charAt(i + 1) == 'd')) {
                b.append(next < args.length ? String.valueOf(args[next++]) : "");
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
