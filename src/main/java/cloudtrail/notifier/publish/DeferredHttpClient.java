package cloudtrail.notifier.publish;

import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that is still being built: the url-connection client spends most of its start-up
 * loading the JDK's TLS trust store, which the SNS client does not need until the first request.
 * Building it on another thread lets the rest of the SNS client (and priming) proceed meanwhile.
 */
final class DeferredHttpClient implements SdkHttpClient {
    private final Supplier<SdkHttpClient> delegate;

    DeferredHttpClient(Supplier<SdkHttpClient> delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return delegate.get().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public void close() {
        delegate.get().close();
    }
}
