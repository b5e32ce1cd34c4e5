package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.MotoTopic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `--publish` from a workstation as AWS advises setting one up: no keys in the environment, credentials
 * from a profile in ~/.aws (keys, or a role assumed through STS). The command-line jar runs in a child
 * JVM whose environment holds nothing else, with a home directory of its own.
 */
class ProfileCredentialsIT {
    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("profile-credentials");

    private record Run(int status, String output) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keys-in-credentials-file", "role-from-source-profile"})
    void publishesWithTheProfilesCredentials(String profile) throws Exception {
        Run run = publish(profile, SNS.moto().endpoint().toString());

        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("events/ssm-start-session.json: published as SNS message"), run.output());
        assertEquals(1, SNS.queue().receive(1, Duration.ofSeconds(20)).size());
    }

    @Test
    void aRoleProfileReallyAssumesTheRole() throws Exception {
        // STS answering 500: the role profile's AssumeRole fails, so no publish can happen
        try (FaultyEndpoint sts = FaultyEndpoint.internalError()) {
            Run run = publish("role-from-source-profile", sts.endpoint().toString());

            assertEquals(1, run.status(), run.output());
            assertTrue(sts.requests() > 0, "the role profile did not call STS");
            assertTrue(run.output().contains("profileName=role-from-source-profile"), run.output());
        }
    }

    private static Run publish(String profile, String stsEndpoint) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("workstation-home");
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"), """
                [keys-in-credentials-file]
                aws_access_key_id = AKIAPROFILEKEYS
                aws_secret_access_key = profile-secret
                """, StandardCharsets.UTF_8);
        Files.writeString(aws.resolve("config"), """
                [profile keys-in-credentials-file]
                region = ap-northeast-1

                [profile role-from-source-profile]
                role_arn = arn:aws:iam::123456789012:role/notifier-operator
                source_profile = keys-in-credentials-file
                region = ap-northeast-1
                """, StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", Path.of("target", "cloudtrail-notifier.jar").toString(),
                "--publish", "events/ssm-start-session.json"));
        Path output = Files.createTempFile("publish", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("AWS_PROFILE", profile);
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("TOPIC_ARN", SNS.topicArn());
        env.put("AWS_ENDPOINT_URL_SNS", SNS.moto().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_STS", stsEndpoint);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("--publish did not finish: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
