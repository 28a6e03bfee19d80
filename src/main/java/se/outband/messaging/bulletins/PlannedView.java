package se.outband.messaging.bulletins;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A planned bulletin as the API lists it; {@code id} is null for a dry run. {@code smsSegments}, {@code estimatedCost} and {@code currency}
 * are given when it is planned (the answer to the POST); {@code bulletinId} once it is sent; {@code problem}
 * says why it could not be sent when it was due.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedView(Long id, Instant sendAt, String state, String text, boolean drill, int recipients, Instant createdAt,
        String createdBy, Long bulletinId, String problem, Integer smsSegments, BigDecimal estimatedCost, String currency) {

    static PlannedView of(PlannedBulletin planned) {
        return new PlannedView(planned.id, planned.sendAt, planned.state.name(), planned.text, planned.drill, planned.recipients,
                planned.createdAt, planned.createdBy, planned.bulletinId, planned.problem, null, null, null);
    }

    PlannedView priced(BulletinPreview preview) {
        return new PlannedView(id, sendAt, state, text, drill, recipients, createdAt, createdBy, bulletinId, problem,
                preview.smsSegments(), preview.estimatedCost(), preview.currency());
    }
}
