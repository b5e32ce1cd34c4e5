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

    /** Set on a priming request (SnsPublisher): answered here, as SNS would answer, and never sent. */
    static final String PRIMING_HEADER = "x-cloudtrail-notifier-priming";
    private static final byte[] PRIMING_ANSWER = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>priming</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
            + "</PublishResponse>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (request.httpRequest().firstMatchingHeader(PRIMING_HEADER).isPresent()) {
            // the whole response side (reading, XML unmarshalling, the SDK's response pipeline) is loaded by
            // SnapStart's priming, and nothing leaves the process
            return new ExecutableHttpRequest() {
                @Override
                public software.amazon.awssdk.http.HttpExecuteResponse call() {
                    return software.amazon.awssdk.http.HttpExecuteResponse.builder()
                            .response(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "text/xml").putHeader("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
                                    .build())
                            .responseBody(software.amazon.awssdk.http.AbortableInputStream.create(
                                    new java.io.ByteArrayInputStream(PRIMING_ANSWER)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }
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
