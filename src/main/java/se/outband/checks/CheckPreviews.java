package se.outband.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.contacts.FailingNumbers;
import se.outband.contacts.OwnDetails;
import se.outband.messaging.outbox.Channel;

/**
 * A check run as a drill: everything a start would decide (whom, by which channel, who cannot be reached), refused
 * for the same reasons, with nothing stored and nothing sent.
 */
@ApplicationScoped
public class CheckPreviews {

    /** What a check would do: how many people, how each link would go, and who could not be reached at all. */
    public record Preview(LocalDate deadline, int people, int bySms, int byEmail, int byEmailForFailingNumber, List<String> unreachable) {
    }

    private final ContactChecks checks;
    private final FailingNumbers numbers;
    private final AuditLog audit;

    CheckPreviews(ContactChecks checks, FailingNumbers numbers, AuditLog audit) {
        this.checks = checks;
        this.numbers = numbers;
        this.audit = audit;
    }

    @Transactional
    public Preview preview(CheckRequest request) {
        LocalDate deadline = checks.deadline(request.deadline());
        List<OwnDetails.Person> people = checks.chosen(request).people();
        Set<String> failing = numbers.all(Language.SV).keySet();
        int sms = 0;
        int email = 0;
        int insteadOfSms = 0;
        List<String> unreachable = new ArrayList<>();
        for (OwnDetails.Person person : people) {
            Channel channel = ContactChecks.channelFor(person, failing);
            if (channel == Channel.SMS) {
                sms++;
            } else if (channel == Channel.EMAIL) {
                email++;
                if (person.mobile() != null) {
                    insteadOfSms++;
                }
            } else {
                unreachable.add(person.name());
            }
        }
        audit.recordRead("contact-check.previewed", "", unreachable.size());
        return new Preview(deadline, people.size(), sms, email, insteadOfSms, unreachable);
    }
}
