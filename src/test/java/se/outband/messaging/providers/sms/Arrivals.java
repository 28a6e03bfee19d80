package se.outband.messaging.providers.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Message requests counted at a fake provider when they arrive, before its latency: when the SMS
 * "reached" the provider, how many, and how often each number was asked for.
 */
final class Arrivals {

    final AtomicLong first = new AtomicLong();
    final AtomicLong last = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    /** Messages asked for per recipient number: more than one is a duplicate. */
    final Map<String, AtomicInteger> perNumber = new ConcurrentHashMap<>();

    void clear() {
        first.set(0);
        last.set(0);
        requests.set(0);
        perNumber.clear();
    }

    /** A WireMock filter counting requests to {@code path} by the form field that names the recipient. */
    StubRequestFilterV2 counter(String name, String path, String recipientField) {
        return new StubRequestFilterV2() {
            @Override
            public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
                if (request.getUrl().endsWith(path)) {
                    long now = System.nanoTime();
                    first.compareAndSet(0, now);
                    last.accumulateAndGet(now, Math::max);
                    requests.incrementAndGet();
                    perNumber.computeIfAbsent(request.formParameter(recipientField).firstValue(), to -> new AtomicInteger()).incrementAndGet();
                }
                return RequestFilterAction.continueWith(request);
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}
