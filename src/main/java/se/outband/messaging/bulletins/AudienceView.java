package se.outband.messaging.bulletins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Who a bulletin was addressed to as the leader chose them: the groups by name and the people picked one
 * by one, by the names they had when it was sent. Read back from the bulletin's audience text, which
 * {@link BulletinService} writes as "groups: A, B; contacts: id1, id2" (or "contacts: 34 chosen").
 */
public record AudienceView(List<String> groups, List<String> people, int morePeople) {

    private static final String GROUPS = "groups: ";
    private static final String CONTACTS = "contacts: ";

    public boolean none() {
        return groups.isEmpty() && people.isEmpty() && morePeople == 0;
    }

    /** Reads a bulletin's audience; the people's names come from its recipients, as they were sent. */
    @ApplicationScoped
    public static class Reader {

        @Transactional
        public AudienceView of(long bulletinId) {
            String audience = BulletinQueries.find(bulletinId).audience;
            List<String> groups = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            int counted = 0;
            for (String part : (audience == null ? "" : audience).split("; (?=groups: |contacts: )")) {
                if (part.startsWith(GROUPS)) {
                    groups.addAll(Arrays.asList(part.substring(GROUPS.length()).split(", ")));
                } else if (part.startsWith(CONTACTS)) {
                    String list = part.substring(CONTACTS.length());
                    if (list.matches("\\d+ chosen")) {
                        counted = Integer.parseInt(list.substring(0, list.indexOf(' ')));
                    } else {
                        ids.addAll(Arrays.asList(list.split(", ")));
                    }
                }
            }
            Map<String, String> names = ids.isEmpty() ? Map.of()
                    : Recipient.getEntityManager()
                            .createQuery("select r.contactId, r.name from Recipient r where r.bulletinId = ?1 and r.contactId in ?2",
                                    Object[].class)
                            .setParameter(1, bulletinId).setParameter(2, ids).getResultStream()
                            .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1], (a, b) -> a));
            return new AudienceView(List.copyOf(groups), ids.stream().map(id -> names.getOrDefault(id, id)).toList(), counted);
        }
    }
}
