package cloudtrail.notifier.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.cli.MainAccess;
import cloudtrail.notifier.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `doctor` against moto, as a user reads it: the line for each check and the exit status, for a
 * healthy deployment, a broken one, calls that are refused, and the real command-line jar.
 * The two deployments live in two moto servers, since a trail's state is the whole account's.
 */
class DoctorIT {
    /** The template's EventBridge rules: the healthy stack has every one of them. */
    private static final int RULES = rules();

    private static int rules() {
        try {
            return cloudtrail.notifier.testing.SamTemplate.load().rules().size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String REGION = NotifierAccount.REGION;
    private static final String EN = "en";
    private static MotoServer healthy;
    private static MotoServer broken;
    private static NotifierAccount healthyAccount;

    record Run(int status, List<String> lines, String stderr) {}

    @BeforeAll
    static void deploy() throws Exception {
        healthy = MotoServer.start();
        healthyAccount = new NotifierAccount(healthy.endpoint());
        healthyAccount.deploy(NotifierAccount.Faults.HEALTHY);
        broken = MotoServer.start();
        // network rules switched off by parameter (so DISABLED is right for them), RootActivity disabled by hand (wrong)
        new NotifierAccount(broken.endpoint()).deploy(new NotifierAccount.Faults(true, true, "RootActivity", 1, true,
                Map.of("EnableNetworkRules", "false")));
    }

    @AfterAll
    static void stop() {
        if (healthy != null) {
            healthy.close();
        }
        if (broken != null) {
            broken.close();
        }
    }

    @AfterEach
    void clearEndpoints() {
        List.of("aws.endpointUrl", "aws.endpointUrlSns", "aws.endpointUrlSqs", "aws.endpointUrlCloudTrail").forEach(System::clearProperty);
    }

    /** Runs `doctor` in this JVM; endpoints through the SDK's own system properties, as AWS_ENDPOINT_URL would. */
    private static Run doctor(MotoServer moto, Map<String, String> env, String... args) {
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> full = new ArrayList<>(List.of("doctor", "--region", REGION));
        full.addAll(List.of(args));
        int status = MainAccess.run(full.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        // in the build's log, what a user would have read
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return new Run(status, normalized(out.toString(StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }

    /** CloudFormation's random suffixes of physical names, made comparable. */
    private static List<String> normalized(String output) {
        return output.replaceAll("-[A-Z0-9]{12}\\b", "-XXXX").lines().toList();
    }

    @Test
    void aHealthyStackPassesEveryCheck() {
        Run run = doctor(healthy, Map.of());

        assertEquals(List.of(
                "スタック cloudtrail-notifier（ap-northeast-1）を確認します",
                "[OK] 認証情報: アカウント 123456789012 の arn:aws:sts::123456789012:user/moto",
                "[OK] CloudTrail 証跡: 証跡 management-events（マルチリージョン）が記録中です",
                "[OK] メール購読: ops@example.com は確認済みです",
                "[OK] Lambda エイリアス live: 最新の公開バージョン 2 を指しています",
                "[OK] EventBridge ルール: " + RULES + " 個のルールがテンプレートとパラメータのとおりの状態です",
                "[OK] デッドレターキュー: 空です",
                "[OK] us-east-1 の転送スタック: スタック cloudtrail-notifier-forwarder は CREATE_COMPLETE で、ap-northeast-1 へ転送しています",
                "すべて OK です"), run.lines(), run.stderr());
        assertEquals(0, run.status());
    }

    @Test
    void aHealthyStackInEnglish() {
        Run run = doctor(healthy, Map.of("NOTIFY_LANGUAGE", EN));

        assertEquals(List.of(
                "Checking stack cloudtrail-notifier in ap-northeast-1",
                "[OK] Identity: account 123456789012 as arn:aws:sts::123456789012:user/moto",
                "[OK] CloudTrail trail: trail management-events (multi-region) is logging",
                "[OK] E-mail subscription: ops@example.com confirmed",
                "[OK] Lambda alias live: points at 2, the newest published version",
                "[OK] EventBridge rules: all " + RULES + " rules are in the states the template and the stack's parameters ask for",
                "[OK] Dead-letter queue: empty",
                "[OK] Forwarder stack in us-east-1: stack cloudtrail-notifier-forwarder is CREATE_COMPLETE and forwards to ap-northeast-1",
                "All checks passed"), run.lines(), run.stderr());
        assertEquals(0, run.status());
    }

    @Test
    void aBrokenStackNamesEachProblemAndWhatToDo() throws IOException {
        Run run;
        try (StandInEndpoint sns = StandInEndpoint.snsWithPendingEmail(broken.endpoint())) {
            System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
            run = doctor(broken, Map.of());
        }

        String rule = "cloudtrail-notifier-RootActivity-XXXX";
        String queue = "https://sqs.ap-northeast-1.amazonaws.com/123456789012/cloudtrail-notifier-DeadLetterQueue-XXXX";
        assertEquals(List.of(
                "スタック cloudtrail-notifier（ap-northeast-1）を確認します",
                "[OK] 認証情報: アカウント 123456789012 の arn:aws:sts::123456789012:user/moto",
                "[問題] CloudTrail 証跡: ap-northeast-1、us-east-1 を対象に記録中の証跡がありません（management-events は停止中）: "
                        + "届くのは GuardDuty の検出結果だけで、CloudTrail のイベントは通知されません"
                        + " → 対処: 記録を再開してください: aws cloudtrail start-logging --region us-east-1 --name management-events",
                "[問題] メール購読: ops@example.com の購読が確認待ち（PendingConfirmation）です: 確認するまで通知は届きません"
                        + " → 対処: SNS から届いたメール「AWS Notification - Subscription Confirmation」の Confirm subscription を開いてください。"
                        + "見つからなければ aws sns subscribe --region ap-northeast-1 --topic-arn "
                        + "arn:aws:sns:ap-northeast-1:123456789012:cloudtrail-notifier-NotificationTopic-XXXX --protocol email "
                        + "--notification-endpoint <アドレス> で送り直せます",
                "[問題] Lambda エイリアス live: バージョン 1 を指していますが、最新の公開バージョンは 2 です: 最新のコードが動いていません"
                        + " → 対処: aws lambda update-alias --region ap-northeast-1 --function-name cloudtrail-notifier-NotifierFunction-XXXX "
                        + "--name live --function-version 2（意図して戻しているなら不要）",
                "[問題] EventBridge ルール: RootActivity は DISABLED（期待される状態は ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS）"
                        + " → 対処: CloudFormation は手で変えた状態を戻さないので、直接戻してください: aws events put-rule --region ap-northeast-1 --name "
                        + rule + " --state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS --event-pattern \"$(aws events describe-rule "
                        + "--region ap-northeast-1 --name " + rule + " --query EventPattern --output text)\"",
                "[問題] デッドレターキュー: 届けられなかったイベントが 1 件残っています → 対処: aws sqs receive-message --region ap-northeast-1 "
                        + "--queue-url " + queue + " --max-number-of-messages 10 --visibility-timeout 0 --attribute-names All "
                        + "--message-attribute-names All で中身を見られます（削除はしません）。関数が失敗した理由は関数のロググループにあります",
                "[問題] us-east-1 の転送スタック: us-east-1 にスタック cloudtrail-notifier-forwarder がありません: "
                        + "IAM、コンソールサインイン、Organizations のイベントは ap-northeast-1 に届きません"
                        + " → 対処: aws cloudformation deploy --region us-east-1 --template-file forwarder.yaml --stack-name cloudtrail-notifier-forwarder "
                        + "--capabilities CAPABILITY_IAM --parameter-overrides HomeRegion=ap-northeast-1（別の名前でデプロイしたなら --forwarder-stack で指定）",
                "問題 6 件、未確認 0 件"), run.lines(), run.stderr());
        assertEquals(1, run.status());
    }

    @Test
    void aBrokenStackInEnglish() throws IOException {
        Run run;
        try (StandInEndpoint sns = StandInEndpoint.snsWithPendingEmail(broken.endpoint())) {
            System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
            run = doctor(broken, Map.of("NOTIFY_LANGUAGE", EN));
        }

        List<String> lines = run.lines();
        assertEquals(9, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).startsWith("[PROBLEM] CloudTrail trail: no logging trail covers ap-northeast-1, us-east-1 "
                + "(management-events is stopped): only GuardDuty findings arrive, never a CloudTrail event → To do: "), lines.get(2));
        assertTrue(lines.get(3).startsWith("[PROBLEM] E-mail subscription: ops@example.com: the subscription is pending confirmation"), lines.get(3));
        assertTrue(lines.get(4).startsWith("[PROBLEM] Lambda alias live: points at version 1, but the newest published version is 2"), lines.get(4));
        assertTrue(lines.get(5).startsWith("[PROBLEM] EventBridge rules: RootActivity is DISABLED, "
                + "expected ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS → To do: "), lines.get(5));
        assertTrue(lines.get(6).startsWith("[PROBLEM] Dead-letter queue: 1 event(s) could not be delivered and are waiting → To do: "
                + "look at them with aws sqs receive-message"), lines.get(6));
        assertTrue(lines.get(7).startsWith("[PROBLEM] Forwarder stack in us-east-1: stack cloudtrail-notifier-forwarder does not exist in us-east-1"),
                lines.get(7));
        assertEquals("6 problem(s), 0 not checked", lines.get(8));
        assertEquals(1, run.status());
    }

    @Test
    void refusedCallsAreNotCheckedNeverOkAndTheOtherChecksStillRun() throws IOException {
        Run run;
        try (StandInEndpoint denied = StandInEndpoint.denying()) {
            System.setProperty("aws.endpointUrlCloudTrail", denied.endpoint().toString());
            System.setProperty("aws.endpointUrlSqs", denied.endpoint().toString());
            run = doctor(healthy, Map.of("NOTIFY_LANGUAGE", EN));
        }

        String refusal = "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform this action";
        List<String> lines = run.lines();
        assertEquals("[UNCHECKED] CloudTrail trail: could not check (AccessDeniedException: " + refusal + ") → To do: check the credentials and the permissions "
                + "(cloudtrail:DescribeTrails, cloudtrail:GetTrailStatus), then run again", lines.get(2));
        // SQS speaks JSON but reports the query API's code (x-amzn-query-error), which the SDK prefers
        assertEquals("[UNCHECKED] Dead-letter queue: could not check (AccessDenied: " + refusal + ") → To do: check the credentials and the permissions "
                + "(cloudformation:DescribeStacks, sqs:GetQueueAttributes), then run again", lines.get(6));
        for (int i : new int[] {1, 3, 4, 5, 7}) {
            assertTrue(lines.get(i).startsWith("[OK] "), lines.get(i));
        }
        assertEquals("0 problem(s), 2 not checked", lines.get(8));
        assertEquals(1, run.status());
    }

    @Test
    void aStackThatIsNotThereLeavesItsChecksUnchecked() {
        Run run = doctor(healthy, Map.of("NOTIFY_LANGUAGE", EN), "--stack", "not-deployed");

        List<String> lines = run.lines();
        for (String topic : List.of("E-mail subscription", "Lambda alias live", "EventBridge rules", "Dead-letter queue")) {
            assertTrue(lines.contains("[UNCHECKED] " + topic + ": not checked: stack not-deployed does not exist in ap-northeast-1"
                    + " → To do: name the stack with --stack and its region with --region"), topic + " in\n" + String.join("\n", lines));
        }
        assertEquals("0 problem(s), 4 not checked", lines.get(8));
        assertEquals(1, run.status());
    }

    @Test
    void singleRegionTrailsCountOnlyWhereTheyLogAndAForwarderMustPointHome() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            NotifierAccount account = new NotifierAccount(moto.endpoint());
            account.trail(REGION, "home-trail", false, true);
            account.trail("us-east-1", "global-trail", false, false);
            account.forwarder("eu-west-1");

            List<String> partial = doctor(moto, Map.of("NOTIFY_LANGUAGE", EN)).lines();
            assertEquals("[PROBLEM] CloudTrail trail: no logging trail covers us-east-1 (global-trail is stopped): CloudTrail events "
                    + "from there are never notified → To do: start logging again: aws cloudtrail start-logging --region us-east-1 "
                    + "--name global-trail", partial.get(2));
            assertEquals("[PROBLEM] Forwarder stack in us-east-1: stack cloudtrail-notifier-forwarder forwards to eu-west-1, not to the "
                    + "home region ap-northeast-1 → To do: aws cloudformation deploy --region us-east-1 --template-file forwarder.yaml "
                    + "--stack-name cloudtrail-notifier-forwarder --capabilities CAPABILITY_IAM --parameter-overrides HomeRegion=ap-northeast-1 "
                    + "(if you deployed it under another name, give it with --forwarder-stack)", partial.get(7));

            account.trail("us-east-1", "global-trail-2", false, true);
            assertEquals("[OK] CloudTrail trail: logging trails home-trail, global-trail-2 cover ap-northeast-1, us-east-1",
                    doctor(moto, Map.of("NOTIFY_LANGUAGE", EN)).lines().get(2));
        }
    }

    /**
     * The command-line jar in its own JVM, with credentials and region only in a profile: no key in
     * the environment, no --region. moto names the IAM user whose key signed the call (or the role
     * assumed), so the identity line shows the profile's credentials were the ones used.
     */
    @Test
    void theCommandLineJarFindsProfileCredentialsThroughTheDefaultChain(@TempDir Path home) throws Exception {
        Map<String, String> key = healthyAccount.operatorKey("doctor-operator");
        Path config = Files.writeString(home.resolve("config"), """
                [profile notifier-ops]
                region = %s

                [profile notifier-role]
                region = %s
                role_arn = arn:aws:iam::123456789012:role/notifier-doctor
                role_session_name = doctor-test
                source_profile = notifier-ops
                """.formatted(REGION, REGION));
        Path credentials = Files.writeString(home.resolve("credentials"),
                "[notifier-ops]\naws_access_key_id = " + key.get("KeyId") + "\naws_secret_access_key = " + key.get("Secret") + "\n");

        List<String> lines = jar(home, config, credentials, "notifier-ops");
        assertEquals("Checking stack cloudtrail-notifier in ap-northeast-1", lines.get(0), String.join("\n", lines));
        assertEquals("[OK] Identity: account 123456789012 as arn:aws:iam::123456789012:user/doctor-operator", lines.get(1));
        assertEquals("All checks passed", lines.get(lines.size() - 1), String.join("\n", lines));

        // a role profile: the chain assumes the role with STS, signed with the source profile's key
        List<String> viaRole = jar(home, config, credentials, "notifier-role");
        assertEquals("[OK] Identity: account 123456789012 as arn:aws:sts::123456789012:assumed-role/notifier-doctor/doctor-test",
                viaRole.get(1), String.join("\n", viaRole));
        assertEquals("All checks passed", viaRole.get(viaRole.size() - 1), String.join("\n", viaRole));
    }

    private static List<String> jar(Path home, Path config, Path credentials, String profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/cloudtrail-notifier.jar", "doctor");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_PROFILE", profile);
        env.put("AWS_ENDPOINT_URL", healthy.endpoint().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("NOTIFY_LANGUAGE", EN);
        env.put("HOME", home.toString());
        Path stderr = home.resolve("stderr-" + profile);
        Process p = pb.redirectError(stderr.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "doctor did not finish");
        System.out.print(out);
        assertEquals(0, p.exitValue(), out + Files.readString(stderr));
        return normalized(out);
    }
}
