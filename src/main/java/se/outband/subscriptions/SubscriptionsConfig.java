package se.outband.subscriptions;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the public's subscriptions are confirmed, paced and held back from abuse. */
@ConfigMapping(prefix = "outband.subscriptions")
public interface SubscriptionsConfig {

    /** How long the link in a confirmation mail works; an address that does not confirm in time is forgotten. */
    @WithDefault("PT48H")
    Duration confirmValidFor();

    /** Confirmation mails one address can be sent in a day, however often the form is posted with it. */
    @WithDefault("3")
    @Min(1)
    int confirmationsPerDay();

    /** Subscription requests one client address (IP) may post in an hour. */
    @WithDefault("20")
    @Min(1)
    int perClientPerHour();

    /** Subscription requests for addresses of one email domain in an hour: a script cycling addresses of one domain is held back. */
    @WithDefault("100")
    @Min(1)
    int perDomainPerHour();

    /**
     * The least time between two notices to one subscriber, on each channel: changes posted meanwhile are merged
     * into the next message (an SMS says the newest; a mail holds them all), so a busy hour is not a stream of texts.
     */
    @WithDefault("PT10M")
    Duration leastBetween();

    /**
     * How long a number whose subscription ended because the provider could not reach it (no such number, not a
     * mobile) has its subscribe words dropped without an answer. Long enough that a script texting from such numbers
     * costs one SMS each, short enough that a number given to someone new can subscribe again before long.
     */
    @WithDefault("P30D")
    Duration unreachableRememberedFor();
}
