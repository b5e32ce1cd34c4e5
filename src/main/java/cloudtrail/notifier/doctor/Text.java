package cloudtrail.notifier.doctor;

import cloudtrail.notifier.config.Language;

/** Every fixed piece of text the doctor prints, in each language (as render.Msg does for notifications). */
enum Text {
    STATUS_OK("OK", "OK"),
    STATUS_PROBLEM("問題", "PROBLEM"),
    STATUS_UNCHECKED("未確認", "UNCHECKED"),
    ADVICE(" → 対処: %s", " → To do: %s"),
    HEADER("スタック %s（%s）を確認します", "Checking stack %s in %s"),
    SUMMARY_OK("すべて OK です", "All checks passed"),
    SUMMARY("問題 %d 件、未確認 %d 件", "%d problem(s), %d not checked"),
    LIST_SEPARATOR("、", ", "),

    TOPIC_IDENTITY("認証情報", "Identity"),
    TOPIC_TRAIL("CloudTrail 証跡", "CloudTrail trail"),
    TOPIC_SUBSCRIPTION("メール購読", "E-mail subscription"),
    TOPIC_ALIAS("Lambda エイリアス live", "Lambda alias live"),
    TOPIC_RULES("EventBridge ルール", "EventBridge rules"),
    TOPIC_DEAD_LETTERS("デッドレターキュー", "Dead-letter queue"),
    TOPIC_FORWARDER("us-east-1 の転送スタック", "Forwarder stack in us-east-1"),

    // a check that could not look
    NOT_CHECKED("確認できませんでした（%s）", "could not check (%s)"),
    NOT_CHECKED_ADVICE("認証情報と権限（%s）を確かめて、もう一度実行してください",
            "check the credentials and the permissions (%s), then run again"),
    STACK_NOT_FOUND("スタック %s が %s にないため確認できません", "not checked: stack %s does not exist in %s"),
    STACK_NOT_FOUND_ADVICE("スタック名を --stack で、リージョンを --region で指定してください",
            "name the stack with --stack and its region with --region"),
    STACK_UNREADABLE("スタック %s を読めないため確認できません（%s）", "not checked: cannot read stack %s (%s)"),
    NO_OUTPUT("スタック %s に出力 %s がないため確認できません", "not checked: stack %s has no output %s"),
    NO_OUTPUT_ADVICE("template.yaml からデプロイしたスタックを --stack で指定してください",
            "name a stack deployed from template.yaml with --stack"),

    IDENTITY_OK("アカウント %s の %s", "account %s as %s"),
    IDENTITY_FAILED("呼び出し元を確認できません（%s）", "cannot tell who is calling (%s)"),
    IDENTITY_ADVICE("認証情報を用意してください（aws sso login、AWS_PROFILE、aws configure など）",
            "provide credentials (aws sso login, AWS_PROFILE, aws configure, ...)"),

    TRAIL_OK_MULTI_REGION("証跡 %s（マルチリージョン）が記録中です", "trail %s (multi-region) is logging"),
    TRAIL_OK_REGIONS("記録中の証跡 %s が %s を対象にしています", "logging trails %s cover %s"),
    TRAIL_NONE("%s を対象に記録中の証跡がありません（%s）: 届くのは GuardDuty の検出結果だけで、CloudTrail のイベントは通知されません",
            "no logging trail covers %s (%s): only GuardDuty findings arrive, never a CloudTrail event"),
    TRAIL_PARTIAL("%s を対象に記録中の証跡がありません（%s）: そこで起きた操作の CloudTrail イベントは通知されません",
            "no logging trail covers %s (%s): CloudTrail events from there are never notified"),
    TRAIL_STOPPED("%s は停止中", "%s is stopped"),
    TRAIL_NOT_FOUND("証跡なし", "no trail"),
    TRAIL_ADVICE_START("記録を再開してください: aws cloudtrail start-logging --region %s --name %s",
            "start logging again: aws cloudtrail start-logging --region %s --name %s"),
    TRAIL_ADVICE_CREATE("マルチリージョン証跡を作って記録を始めてください: aws cloudtrail create-trail --region %s --name <名前> "
            + "--s3-bucket-name <バケット> --is-multi-region-trail、続けて aws cloudtrail start-logging --region %s --name <名前>",
            "create a multi-region trail and start it: aws cloudtrail create-trail --region %s --name <name> "
            + "--s3-bucket-name <bucket> --is-multi-region-trail, then aws cloudtrail start-logging --region %s --name <name>"),

    SUBSCRIPTION_OK("%s は確認済みです", "%s confirmed"),
    SUBSCRIPTION_NONE("トピック %s にメールの購読がありません: 通知はどこにも届きません",
            "topic %s has no e-mail subscription: notifications reach no one"),
    SUBSCRIPTION_NONE_ADVICE("パラメータ NotificationEmail にアドレスを指定してデプロイし直し、届いたメールで購読を確認してください",
            "deploy again with the NotificationEmail parameter set, then confirm from the mail SNS sends"),
    SUBSCRIPTION_PENDING("%s の購読が確認待ち（PendingConfirmation）です: 確認するまで通知は届きません",
            "%s: the subscription is pending confirmation, nothing is delivered until it is confirmed"),
    SUBSCRIPTION_PENDING_ADVICE("SNS から届いたメール「AWS Notification - Subscription Confirmation」の Confirm subscription を開いてください。"
            + "見つからなければ aws sns subscribe --region %s --topic-arn %s --protocol email --notification-endpoint <アドレス> で送り直せます",
            "open Confirm subscription in the mail \"AWS Notification - Subscription Confirmation\"; if it is lost, send it again with "
            + "aws sns subscribe --region %s --topic-arn %s --protocol email --notification-endpoint <address>"),

    ALIAS_OK("最新の公開バージョン %s を指しています", "points at %s, the newest published version"),
    ALIAS_BEHIND("バージョン %s を指していますが、最新の公開バージョンは %s です: 最新のコードが動いていません",
            "points at version %s, but the newest published version is %s: the latest code is not running"),
    ALIAS_BEHIND_ADVICE("aws lambda update-alias --region %s --function-name %s --name live --function-version %s（意図して戻しているなら不要）",
            "aws lambda update-alias --region %s --function-name %s --name live --function-version %s (unless you rolled back on purpose)"),
    ALIAS_MISSING("関数 %s にエイリアス live がありません: キューのイベントソースマッピングはエイリアスを呼ぶので、通知は届きません",
            "function %s has no alias live: the queue's event source mapping invokes the alias, so nothing is notified"),
    ALIAS_NO_VERSIONS("関数 %s に公開バージョンがありません", "function %s has no published version"),
    ALIAS_MISSING_ADVICE("sam deploy でデプロイし直してください（AutoPublishAlias がバージョンとエイリアスを作ります）",
            "deploy again with sam deploy (AutoPublishAlias publishes a version and points the alias at it)"),

    RULES_OK("%d 個のルールがテンプレートとパラメータのとおりの状態です",
            "all %d rules are in the states the template and the stack's parameters ask for"),
    RULES_WRONG("%s", "%s"),
    RULE_WRONG_STATE("%s は %s（期待される状態は %s）", "%s is %s, expected %s"),
    RULE_NOT_IN_STACK("%s がスタックにありません", "%s is not in the stack"),
    RULES_WRONG_ADVICE("CloudFormation は手で変えた状態を戻さないので、直接戻してください: %s",
            "CloudFormation does not undo a state changed by hand, so set it back: %s"),
    RULES_MISSING_ADVICE("テンプレートでデプロイし直してください（sam deploy）", "deploy the template again (sam deploy)"),
    RULES_UNKNOWN("%s はテンプレート %s にないため、期待される状態がわかりません",
            "%s not in the template %s, so their expected state is unknown"),
    RULES_UNKNOWN_ADVICE("スタックをデプロイしたときの template.yaml を --template で指定してください",
            "give the template.yaml the stack was deployed from with --template"),
    RULES_NO_TEMPLATE("テンプレート %s を読めないため確認できません（%s）", "not checked: cannot read the template %s (%s)"),
    RULES_NO_TEMPLATE_ADVICE("プロジェクトのディレクトリで実行するか、--template で template.yaml を指定してください",
            "run in the project's directory or give template.yaml with --template"),

    DEAD_LETTERS_OK("空です", "empty"),
    DEAD_LETTERS_WAITING("届けられなかったイベントが %d 件残っています", "%d event(s) could not be delivered and are waiting"),
    DEAD_LETTERS_ADVICE("aws sqs receive-message --region %s --queue-url %s --max-number-of-messages 10 --visibility-timeout 0 "
            + "--attribute-names All --message-attribute-names All で中身を見られます（削除はしません）。"
            + "関数が失敗した理由は関数のロググループにあります",
            "look at them with aws sqs receive-message --region %s --queue-url %s --max-number-of-messages 10 --visibility-timeout 0 "
            + "--attribute-names All --message-attribute-names All (it deletes nothing); why the function failed is in its log group"),

    FORWARDER_NOT_NEEDED("不要です（ホームリージョンが us-east-1）", "not needed: the home region is us-east-1"),
    FORWARDER_OK("スタック %s は %s で、%s へ転送しています", "stack %s is %s and forwards to %s"),
    FORWARDER_MISSING("us-east-1 にスタック %s がありません: IAM、コンソールサインイン、Organizations のイベントは %s に届きません",
            "stack %s does not exist in us-east-1: IAM, console sign-in and Organizations events never reach %s"),
    FORWARDER_ADVICE("aws cloudformation deploy --region us-east-1 --template-file forwarder.yaml --stack-name %s "
            + "--capabilities CAPABILITY_IAM --parameter-overrides HomeRegion=%s（別の名前でデプロイしたなら --forwarder-stack で指定）",
            "aws cloudformation deploy --region us-east-1 --template-file forwarder.yaml --stack-name %s "
            + "--capabilities CAPABILITY_IAM --parameter-overrides HomeRegion=%s (if you deployed it under another name, give it with --forwarder-stack)"),
    FORWARDER_BAD_STATUS("スタック %s の状態が %s です: 転送ルールがないか、古いままの可能性があります",
            "stack %s is in state %s: the forwarding rule may be missing or out of date"),
    FORWARDER_BAD_STATUS_ADVICE("us-east-1 の CloudFormation コンソールでスタックのイベントを見て原因を直し、デプロイし直してください"
            + "（ROLLBACK_COMPLETE なら削除してから）",
            "read the stack's events in the CloudFormation console in us-east-1, fix the cause and deploy again "
            + "(delete it first if it is ROLLBACK_COMPLETE)"),
    FORWARDER_WRONG_HOME("スタック %s は %s へ転送していて、ホームリージョン %s には届きません",
            "stack %s forwards to %s, not to the home region %s");

    private final String ja;
    private final String en;

    Text(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    String format(Language language, Object... args) {
        return String.format(language == Language.EN ? en : ja, args);
    }
}
