package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.outband.common.SharedBuckets;
import se.outband.common.TestClock;
import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.SendResult.Trouble;
import se.outband.messaging.providers.sms.FailoverSmsGateway.State;

/**
 * Which provider {@link FailoverSmsGateway} asks, in which order, and when it counts one as failing or
 * back: two providers of the test's own, answering what each test tells them, on a clock the test moves.
 */
class FailoverOrderTest {

    private static final String TO = "+46701740605";

    /** Every provider's name as it was asked to send, in order, across both. */
    private final List<String> asked = new ArrayList<>();
    private final TestClock clock = new TestClock();
    private Fake first;
    private Fake second;
    private FailoverSmsGateway failover;

    /** A provider that answers each message with what the test last told it, and is reachable when told so. */
    private final class Fake implements SmsGateway {
        private final String name;
        private Supplier<SendResult> answer = () -> new SendResult.Accepted("id", false);
        private boolean reachable;

        Fake(String name) {
            this.name = name;
        }

        void answers(SendResult result) {
            answer = () -> result;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SendResult send(String to, String body) {
            asked.add(name);
            return answer.get();
        }

        @Override
        public boolean reachable() {
            return reachable;
        }
    }

    @BeforeEach
    void twoProviders() {
        clock.freeze();
        first = new Fake("first");
        second = new Fake("second");
        SharedBuckets buckets = SharedBuckets.inMemory();
        failover = new FailoverSmsGateway(List.of(new FailoverSmsGateway.Provider(first, buckets, 1000, 4),
                new FailoverSmsGateway.Provider(second, buckets, 1000, 4)), clock);
    }

    private static SendResult down() {
        return new SendResult.Retry("503 Service Unavailable", Trouble.PROVIDER_DOWN);
    }

    private static SendResult throttled() {
        return new SendResult.Retry("429 Too Many Requests", Trouble.THROTTLED);
    }

    private SendResult send() {
        return failover.send(TO, "Samling kl 14");
    }

    private List<State> states() {
        return failover.providers().stream().map(FailoverSmsGateway.ProviderView::state).toList();
    }

    /** Sends one message and returns who was asked for it, in order. */
    private List<String> askedFor(Runnable send) {
        asked.clear();
        send.run();
        return List.copyOf(asked);
    }

    @Test
    void healthyProvidersSendInTheConfiguredOrder() {
        SendResult result = send();
        assertEquals(new SendResult.Accepted("id", false, "first"), result);
        assertEquals(List.of("first"), asked);
        assertEquals("first", failover.sending());
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
    }

    @Test
    void aDownProvidersMessageGoesToTheNextAtOnce() {
        first.answers(down());
        assertEquals(List.of("first", "second"), askedFor(this::send));
        assertEquals(new SendResult.Accepted("id", false, "second"), send());
        assertEquals("first", failover.sending(), "once or twice down is no outage yet");
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
    }

    @Test
    void threeDownInARowMarkTheProviderFailingAndTheNextSendsFirst() {
        first.answers(down());
        send();
        send();
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
        send();
        assertEquals(List.of(State.FAILING, State.SENDING), states());
        assertEquals("second", failover.sending());
        assertEquals(List.of("second"), askedFor(this::send), "a failing provider is not asked while another sends");
        assertEquals("503 Service Unavailable", failover.providers().get(0).lastError());
        assertEquals(clock.instant(), failover.providers().get(0).failingSince());
    }

    @Test
    void aMessageSentBetweenStartsTheCountAgain() {
        first.answers(down());
        send();
        send();
        first.answers(new SendResult.Accepted("id", false));
        send();
        first.answers(down());
        send();
        send();
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states(), "two down since the last message sent");
        send();
        assertEquals(List.of(State.FAILING, State.SENDING), states());
    }

    @Test
    void aThrottledMessageWaitsItsTurnUntilThrottlingHasLastedThirtySeconds() {
        first.answers(throttled());
        assertEquals(List.of("first"), askedFor(this::send), "throttling is the provider pacing us, not an outage");
        assertEquals(throttled(), send());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of("first"), askedFor(this::send));
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("first", "second"), askedFor(this::send), "after 30 s of throttling the next provider takes over");
        assertEquals(List.of(State.FAILING, State.SENDING), states());
    }

    @Test
    void aRefusalOfTheNumberNeverMovesOn() {
        first.answers(new SendResult.Failed("21211", "not a valid phone number"));
        for (int i = 0; i < 5; i++) {
            assertEquals(new SendResult.Failed("21211", "not a valid phone number", "first"), send());
        }
        assertEquals(List.of("first", "first", "first", "first", "first"), asked, "another provider would refuse the number too");
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
    }

    @Test
    void outbandsOwnTroubleNeverMovesOn() {
        first.answers(new SendResult.Retry("Outband was stopping"));
        for (int i = 0; i < 5; i++) {
            send();
        }
        assertEquals(List.of("first", "first", "first", "first", "first"), asked);
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
    }

    @Test
    void aProbeBringsAFailingProviderBackOnlyWhenItAnswers() {
        first.answers(down());
        send();
        send();
        send();
        assertEquals(List.of(State.FAILING, State.SENDING), states());
        first.answers(new SendResult.Accepted("id", false));

        failover.probe();
        assertEquals(List.of(State.FAILING, State.SENDING), states(), "not reachable yet");
        assertEquals(List.of("second"), askedFor(this::send));

        first.reachable = true;
        failover.probe();
        assertEquals(List.of(State.SENDING, State.STANDING_BY), states());
        assertEquals("first", failover.sending());
        assertEquals(List.of("first"), askedFor(this::send));
    }

    @Test
    void whenAllAreFailingTheFirstIsStillTriedFirst() {
        first.answers(down());
        second.answers(down());
        send();
        send();
        send();
        assertEquals(List.of(State.FAILING, State.FAILING), states());
        assertEquals("first", failover.sending());

        assertEquals(List.of("first", "second"), askedFor(this::send), "an outage of all still tries each, in order");
        first.answers(new SendResult.Accepted("id", false));
        SendResult result = send();
        assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals("first", ((SendResult.Accepted) result).provider());
        assertEquals(List.of(State.SENDING, State.FAILING), states(), "a message taken is the provider back");
    }
}
