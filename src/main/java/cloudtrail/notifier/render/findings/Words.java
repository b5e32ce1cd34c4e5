package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.config.Language;

/**
 * The fixed phrases the views compose values from, in both languages. Labels live in Msg with the
 * rest of the notification's labels; these are the words inside the values.
 */
enum Words {
    GUARDDUTY_HEADLINE("GuardDuty: %s", "GuardDuty: %s"),
    SECURITY_HUB_HEADLINE("Security Hub: %s", "Security Hub: %s"),
    SECURITY_HUB_CONTROL_HEADLINE("Security Hub: %s が%s（%s）", "Security Hub: %s %s (%s)"),
    HEALTH_HEADLINE("AWS Health: %s の%s（%s）", "AWS Health: %s %s (%s)"),
    WITH_NOTE("%s（%s）", "%s (%s)"),
    LIST_SEPARATOR("、", ", "),
    UNKNOWN("（不明）", "(unknown)"),

    INBOUND("受信（外部 → このリソース）", "inbound (remote → this resource)"),
    OUTBOUND("送信（このリソース → 外部）", "outbound (this resource → remote)"),

    PASSED("合格", "passed"),
    FAILED("不合格", "failed"),
    WARNING("要確認", "warning"),
    NOT_AVAILABLE("判定不能", "not available"),
    WORKFLOW_NEW("新規（未対応）", "new"),
    WORKFLOW_NOTIFIED("通知済み（対応中）", "notified"),
    WORKFLOW_RESOLVED("解決済み", "resolved"),
    WORKFLOW_SUPPRESSED("抑制（対応不要）", "suppressed"),
    RECORD_ACTIVE("有効", "active"),
    RECORD_ARCHIVED("アーカイブ済み", "archived"),
    SECURITY_HUB_CHECK_FAILED("対象リソースの設定をコントロールの要件に合わせる（修正方法のページを参照）。意図した例外なら検出を抑制（SUPPRESSED）にする",
            "Bring the resource in line with the control (see the remediation page); if it is a deliberate exception, suppress the finding"),
    SECURITY_HUB_CHECK_OTHER("検出の詳細と対象リソースを Security Hub コンソールで確認する",
            "Review the finding and its resources in the Security Hub console"),
    SECURITY_HUB_CHECK_CLOSED("対応は不要です（解決済み・合格の記録）", "Nothing to do: the finding is resolved or passed"),

    HEALTH_OPEN("発生中", "open"),
    HEALTH_UPCOMING("予定", "upcoming"),
    HEALTH_CLOSED("終了", "closed"),
    HEALTH_ISSUE("障害・問題", "issue"),
    HEALTH_SCHEDULED_CHANGE("予定された変更・保守", "scheduled change"),
    HEALTH_ACCOUNT_NOTIFICATION("お知らせ", "account notification"),
    HEALTH_INVESTIGATION("調査中の事象", "investigation"),
    HEALTH_CHECK_ISSUE("影響を受けるリソースでサービスが動いているか確認し、必要なら別のアベイラビリティーゾーンやリージョンへ切り替える。最新の状況は AWS Health ダッシュボードで確認する",
            "Check whether the affected resources still work, and fail over to another Availability Zone or Region if needed; follow updates on the AWS Health Dashboard"),
    HEALTH_CHECK_SCHEDULED("予定の日時と影響を受けるリソースを確認し、期限までに必要な対応（停止・起動での移動、再起動、更新など）を計画する",
            "Check the scheduled time and the affected resources, and plan what must be done before then (stop and start, reboot, update…)"),
    HEALTH_CHECK_NOTICE("内容を確認し、必要な対応と期限があれば担当者に伝える", "Read the notice and pass on any action and deadline to whoever owns it"),
    HEALTH_CHECK_CLOSED("事象は終了しました。影響を受けたリソースが正常に戻っているか確認する", "The event is over: check the affected resources are back to normal"),

    INSIGHT_STATE_START("開始（通常と異なる動きが始まりました）", "started (unusual activity began)"),
    INSIGHT_STATE_END("終了（動きが平常に戻りました）", "ended (activity is back to normal)"),
    CALL_RATE_WORDS("平常時は 1 分あたり平均 %sのところ、%s 回（%s 倍）", "usually %s a minute on average; now %s (%s times as many)"),
    CALL_RATE_FROM_ZERO("平常時は 1 分あたり平均 %sのところ、%s 回", "usually %s a minute on average; now %s"),
    ERROR_RATE_WORDS("平常時は 1 分あたり平均 %sのエラーのところ、%s 回（%s 倍）", "usually %s a minute on average; now %s (%s times as many)"),
    ERROR_RATE_FROM_ZERO("平常時は 1 分あたり平均 %sのエラーのところ、%s 回", "usually %s a minute on average; now %s"),
    CALLS("%s 回", "%s calls"),
    ERRORS("%s 回", "%s errors"),
    ERROR_CODE_SUFFIX("。エラーコード: %s", "; error code: %s"),
    LESS_THAN("%s 回未満", "under %s"),
    MINUTES("%s 分間", "%s minutes"),
    SHARE("%s（%s%%）", "%s (%s%%)"),
    NO_ERROR("エラーなし（成功）", "no error (succeeded)"),
    INSIGHT_MEANING_CALL_RATE("%s の呼び出しが、これまでの平常時（ベースライン）より大幅に増えました。一斉の自動処理のこともあれば、漏れた認証情報やスクリプトの暴走のこともあります",
            "Calls to %s rose far above their usual level (the baseline). It can be a burst of automation, or leaked credentials or a runaway script"),
    INSIGHT_MEANING_ERROR_RATE("%s の呼び出しで、エラーがこれまでの平常時（ベースライン）より大幅に増えました。権限のない操作の試行や、設定の誤りの兆候です",
            "Errors from calls to %s rose far above their usual level (the baseline): a sign of calls without permission, or of a misconfiguration"),
    INSIGHT_CHECK("主な呼び出し元とユーザーエージェントに心当たりがあるか確認する。なければ、その ID の操作を CloudTrail で確認し、認証情報を無効化する",
            "Check you recognise the main callers and user agents; if not, review that identity's calls in CloudTrail and disable its credentials"),
    INSIGHT_CHECK_END("動きは平常に戻りました。開始の通知で確認した内容に抜けがないか見直す",
            "Activity is back to normal: make sure what the start notification asked for was checked");

    private final String ja;
    private final String en;

    Words(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    String in(Language language) {
        return language == Language.JA ? ja : en;
    }

    /** %s replaced by the arguments in order; %% is a percent sign. */
    String format(Language language, Object... args) {
        String template = in(language);
        StringBuilder b = new StringBuilder(template.length() + 32);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) == 's') {
                b.append(next < args.length ? String.valueOf(args[next++]) : "");
                i++;
            } else if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) == '%') {
                b.append('%');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
