package se.outband.messaging.providers.sms;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's HTTP client with the four things Outband needs that the SDK has no option for:
 * every request goes to the configured base URL (tests use a local fake), the connection pool is as
 * large as the dispatcher's concurrency (the SDK default would cap throughput), neither the SDK
 * (5xx) nor Apache HttpClient (429, 503) retries on its own: the dispatcher retries with backoff and
 * jitter, and counts every attempt, and no cookie is kept: Twilio knows Outband by its account on
 * every request, and the cookie rules cost every message a lookup.
 */
final class BaseUrlHttpClient extends NetworkHttpClient {

    BaseUrlHttpClient(URI baseUrl, int poolSize) {
        super(builder(baseUrl, poolSize));
    }

    private static HttpClientBuilder builder(URI baseUrl, int poolSize) {
        boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : https ? 443 : 80;
        HttpHost base = new HttpHost(baseUrl.getScheme(), baseUrl.getHost(), port);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(poolSize)
                        .setMaxConnPerRoute(poolSize)
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .setRoutePlanner((target, context) -> new HttpRoute(base, null, https))
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(Timeout.of(60, TimeUnit.SECONDS));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }
}
