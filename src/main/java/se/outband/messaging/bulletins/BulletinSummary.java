package se.outband.messaging.bulletins;

import java.time.Instant;

/** One line of GET /api/bulletins; drills are marked so nobody mistakes an exercise for the real thing. */
public record BulletinSummary(
        long id,
        Instant createdAt,
        String createdBy,
        String text,
        boolean drill,
        String channels,
        int recipients,
        long reached,
        long failed,
        long pending) {
}
