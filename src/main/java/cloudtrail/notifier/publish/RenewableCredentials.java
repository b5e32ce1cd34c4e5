package cloudtrail.notifier.publish;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's default credentials chain, which can be started afresh.
 *
 * <p>The chain is what makes the same code work everywhere it runs: Lambda without SnapStart passes
 * the execution role's keys in AWS_ACCESS_KEY_ID and friends; a SnapStart version gets them only from
 * the container endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN);
 * on a workstation they come from a profile, SSO or a role in ~/.aws/config.
 *
 * <p>Under SnapStart, whatever a provider cached before the snapshot is shared by every environment
 * restored from it, so {@link #renew()} drops the cache after a restore and the next call fetches
 * credentials issued to this environment.
 */
public final class RenewableCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private volatile DefaultCredentialsProvider chain = newChain();

    @Override
    public AwsCredentials resolveCredentials() {
        return chain.resolveCredentials();
    }

    /** Forgets the resolved provider and its cached credentials. */
    public void renew() {
        DefaultCredentialsProvider old = chain;
        chain = newChain();
        old.close();
    }

    @Override
    public void close() {
        chain.close();
    }

    private static DefaultCredentialsProvider newChain() {
        return DefaultCredentialsProvider.builder().build();
    }
}
