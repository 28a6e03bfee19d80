package se.outband.statuspage;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The status page's words, and the API's answers about it. Swedish first; English in messages/sp_en.properties. */
@MessageBundle(value = "sp", locale = "sv")
public interface StatusPageMessages {

    @Message("Driftstatus")
    String title();

    @Message("{#when state}{#is 'operational'}Fungerar{#is 'degraded'}Begränsad funktion{#is 'down'}Ligger nere"
            + "{#is 'restoring'}Återställs{#else}Okänt läge{/when}")
    String systemState(String state);

    @Message("{#when state}{#is 'investigating'}Undersöks{#is 'identified'}Orsaken är känd{#is 'monitoring'}Bevakas"
            + "{#else}Åtgärdat{/when}")
    String incidentState(String state);

    @Message("{#when state}{#is 'operational'}Alla system fungerar{#is 'unknown'}Läget för vissa system är okänt"
            + "{#is 'degraded'}Vissa system fungerar med begränsningar{#is 'restoring'}System återställs"
            + "{#else}Störning: system ligger nere{/when}")
    String banner(String state);

    /** Said instead of the banner while no system is listed: "all systems operational" would claim what nobody checked. */
    @Message("Inga system är listade ännu")
    String noSystemsYet();

    @Message("Senast uppdaterad")
    String updatedAt();

    @Message("System i återställningsordning")
    String systemsHeading();

    @Message("Prioritet {priority}")
    String priority(int priority);

    @Message("Pågående händelser")
    String openIncidents();

    @Message("Inga pågående händelser.")
    String noOpenIncidents();

    @Message("Berörda system")
    String affected();

    @Message("Hela förloppet")
    String wholeTimeline();

    @Message("Så når du oss")
    String contactHeading();

    @Message("Telefon")
    String hotline();

    @Message("SMS")
    String sms();

    @Message("Besöksadress")
    String address();

    @Message("Tidigare händelser")
    String history();

    @Message("Inga tidigare händelser.")
    String noHistory();

    @Message("Öppnad {at}")
    String opened(String at);

    @Message("Åtgärdad {at}")
    String resolved(String at);

    @Message("Till statussidan")
    String backToStatus();

    @Message("In English")
    String otherLanguage();

    @Message("Prenumerera (Atom)")
    String feed();

    /** The CAP index as the page's head offers it to feed readers and alerting systems that look for one. */
    @Message("Varningar i CAP-format, för varningssystem")
    String capFeed();

    /** What kind of event every CAP alert of the status page is about (CAP's {@code event}). */
    @Message("Driftstörning i IT-system")
    String capEvent();

    @Message("{organisation}: driftstatus som CAP-meddelanden")
    String capIndexTitle(String organisation);

    @Message("Sidan uppdateras av krisledningen. Den fungerar även om organisationens egna system ligger nere.")
    String footer();

    @Message("Inloggning för krisledningen")
    String signIn();

    @Message("Läget just nu")
    String posterHeading();

    @Message("Skanna koden med mobilens kamera eller skriv in adressen: där ser du vilka system som fungerar och vad som händer.")
    String posterScan();

    @Message("QR-kod till statussidan, {url}")
    String posterQr(String url);

    @Message("Skriv ut och sätt upp affischen där personal och besökare ser den.")
    String posterPrint();

    @Message("Sidan finns inte")
    String notFoundHeading();

    @Message("Det finns ingen sida på den här adressen. Kontrollera att adressen är rätt skriven, eller gå till statussidan.")
    String notFoundText();

    @Message("Gå till statussidan")
    String goToStatus();

    @Message("Tillgänglighetsredogörelse")
    String accessibility();

    @Message("{organisation} står bakom statussidan på {url}. Vi vill att alla ska kunna ta del av den, också när organisationens"
            + " egna system ligger nere. Här beskriver vi hur statussidan uppfyller lagen (2018:1937) om tillgänglighet till digital"
            + " offentlig service, vilka brister vi känner till och hur du kan rapportera problem till oss.")
    String accessibilityIntro(String organisation, String url);

    @Message("Hur tillgänglig är statussidan?")
    String accessibilityStandardHeading();

    @Message("Statussidan är delvis förenlig med lagen om tillgänglighet till digital offentlig service, som kräver att"
            + " standarden EN 301 549 följs, det vill säga nivå AA i WCAG 2.1. Bristerna beskrivs nedan.")
    String accessibilityStandard();

    @Message("Innehåll som inte är tillgängligt")
    String accessibilityShortcomingsHeading();

    @Message("Texter som krisledningen inte har skrivit på engelska visas på svenska på de engelska sidorna. De är markerade som"
            + " svenska, så att skärmläsare läser dem med svenskt uttal.")
    String accessibilityShortcomingSwedish();

    @Message("På en engelsk sida om en händelse som saknar engelsk rubrik är sidans titel (den som syns i webbläsarens flik)"
            + " svensk utan att vara markerad som svensk (WCAG 3.1.2).")
    String accessibilityShortcomingTitle();

    @Message("Prenumerationsflödet (Atom), CAP-meddelandena (cap.xml) och status.json är dataformat för program, inte sidor att"
            + " läsa, och omfattas inte av den här redogörelsen.")
    String accessibilityShortcomingData();

    @Message("Hur vi har testat statussidan")
    String accessibilityTestedHeading();

    @Message("Varje sida kontrolleras automatiskt mot WCAG 2.1 nivå A och AA med verktyget axe-core, och med W3C:s Nu Html"
            + " Checker, varje gång programmet som gör statussidan (Outband) testas. Sidorna fungerar utan JavaScript, går att"
            + " använda med enbart tangentbord och går att läsa på en mobil som är 360 pixlar bred.")
    String accessibilityTested();

    @Message("Rapportera brister")
    String accessibilityReportHeading();

    @Message("Om du upptäcker problem som inte beskrivs här, eller om du behöver innehållet i ett annat format, vill vi veta det."
            + " Kontakta oss:")
    String accessibilityReport();

    @Message("Kontakta {organisation}.")
    String accessibilityAskOrganisation(String organisation);

    @Message("Tillsyn")
    String accessibilitySupervisionHeading();

    @Message("Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service."
            + " Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.")
    String accessibilitySupervision();

    @Message("Anmäl bristande tillgänglighet till Digg")
    String accessibilityDiggLink();

    @Message("Ange ett namn på systemet.")
    String nameMissing();

    @Message("Okänt läge \"{value}\". Välj operational, degraded, down, restoring eller unknown.")
    String systemStateUnknown(String value);

    @Message("Okänt läge \"{value}\". Välj investigating, identified, monitoring eller resolved.")
    String incidentStateUnknown(String value);

    @Message("Ange en rubrik för händelsen.")
    String titleMissing();

    @Message("Skriv vad som har hänt.")
    String textMissing();

    @Message("Det finns inget system med nummer {id}.")
    String systemNotFound(long id);

    @Message("Det finns ingen händelse med nummer {id}.")
    String incidentNotFound(long id);

    @Message("Innehållet saknas: skicka det som JSON.")
    String bodyMissing();

    @Message("E-post när läget ändras")
    String subscribeHeading();

    @Message("Skriv din e-postadress så skickar vi en länk att bekräfta med. Sedan får du e-post när en störning börjar, ändras och är åtgärdad, tills du avslutar med länken i varje mejl.")
    String subscribeIntro();

    @Message("E-postadress")
    String subscribeEmail();

    @Message("Prenumerera")
    String subscribeButton();

    @Message("Tjänsten för prenumerationer går inte att nå just nu. Den här sidan gäller ändå; försök igen senare.")
    String subscribeUnreachable();
}
