package se.outband.web;

import java.util.List;

/** Ready texts for what crisis leaders and HR most often have to say; picked and edited before sending. */
final class BulletinTemplates {

    record Template(String key, String name, String text) {
    }

    static final List<Template> ALL = List.of(
            new Template("lon", "Lön som vanligt",
                    "Lön betalas ut som vanligt den 23 december, trots att lönesystemet ligger nere. Frågor: ring HR på 0520-49 70 00."),
            new Template("analogt", "Arbeta analogt",
                    "Kommunens IT-system ligger nere. Arbeta analogt tills vidare: papper och penna, inga egna datorer på nätet. Nästa besked kl 12."),
            new Template("mote", "Samling",
                    "Krisledningen samlas i stadshuset kl 14 i dag. Ta med mobil och laddare. Svara om du kan komma."),
            new Template("epost", "E-post nere",
                    "Kommunens e-post och telefoni ligger nere. Nå kollegor via mobil. Läget: se statussidan."),
            new Template("klart", "Åter i drift",
                    "Systemen är återställda och du kan arbeta som vanligt igen. Tack för ert tålamod."));

    private BulletinTemplates() {
    }

    static Template find(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
}
