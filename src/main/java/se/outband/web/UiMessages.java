package se.outband.web;

import java.time.Instant;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of the crisis leaders' web UI. Swedish first; English in messages/ui_en.properties. */
@MessageBundle(value = "ui", locale = "sv")
public interface UiMessages {

    @Message("Outband")
    String app();

    @Message("Start")
    String navStart();

    @Message("Nytt utskick")
    String navNewBulletin();

    @Message("Kontakter")
    String navContacts();

    @Message("Statussida")
    String navStatus();

    @Message("Administration")
    String navAdmin();

    @Message("Logga ut")
    String logout();

    @Message("In English")
    String otherLanguage();

    @Message("Logga in")
    String login();

    @Message("Användarnamn")
    String username();

    @Message("Lösenord")
    String password();

    @Message("Fel användarnamn eller lösenord. Efter flera misslyckade försök härifrån får du vänta en stund innan nästa försök; en administratör kan sätta ett nytt lösenord.")
    String loginFailed();

    @Message("Kod från appen")
    String codeHeading();

    @Message("Ditt konto använder tvåstegsinloggning. Skriv koden som din autentiseringsapp visar just nu, eller en av dina reservkoder om du inte har telefonen.")
    String codeIntro();

    @Message("Kod (sex siffror) eller reservkod")
    String codeLabel();

    @Message("Börja om med användarnamn och lösenord")
    String codeStartOver();

    @Message("Mitt konto")
    String navAccount();

    @Message("Din roll kräver tvåstegsinloggning. Slå på den här innan du fortsätter; det tar en minut med en autentiseringsapp i telefonen.")
    String mustEnrol();

    @Message("Tvåstegsinloggning")
    String secondFactorHeading();

    @Message("Med tvåstegsinloggning räcker inte lösenordet: du skriver också en kod från en app i telefonen (t.ex. Google Authenticator, Microsoft Authenticator eller FreeOTP). Den fungerar utan organisationens egna system.")
    String secondFactorWhy();

    @Message("på")
    String secondFactorOn();

    @Message("av")
    String secondFactorOff();

    @Message("{count} {#if count == 1}reservkod{#else}reservkoder{/if} kvar.")
    String recoveryCodesLeft(long count);

    @Message("Slå på tvåstegsinloggning")
    String secondFactorStart();

    @Message("Skapa nya reservkoder (de gamla slutar gälla)")
    String renewRecoveryCodes();

    @Message("Öppna autentiseringsappen i telefonen och välj att lägga till ett konto.")
    String enrolStep1();

    @Message("Skanna QR-koden nedan, eller skriv in nyckeln under den.")
    String enrolStep2();

    @Message("Skriv koden som appen visar och ditt lösenord, och tryck Bekräfta.")
    String enrolStep3();

    @Message("Skriv koden som den nya appen visar och ditt lösenord (eller koden som appen du har nu visar), och tryck Bekräfta. Den gamla appen slutar då gälla.")
    String enrolStep3Replacing();

    @Message("Koden som appen visar (sex siffror)")
    String enrolCodeLabel();

    @Message("Ditt lösenord")
    String passwordProofLabel();

    @Message("Ditt lösenord, eller koden som appen du har nu visar")
    String proofLabel();

    @Message("Nya reservkoder och byte av app kräver ditt lösenord eller en kod från appen, och loggar ut dig överallt utom här.")
    String secondFactorChanges();

    @Message("Byt app eller telefon")
    String changeApp();

    @Message("Nyckel att skriva in för hand:")
    String enrolManual();

    @Message("Bekräfta")
    String enrolConfirm();

    @Message("Dina reservkoder")
    String recoveryCodesHeading();

    @Message("Varje kod fungerar en gång, om du inte har telefonen. De visas bara nu: skriv ut sidan eller skriv av dem och förvara dem som en nyckel, till exempel i krispärmen.")
    String recoveryCodesOnce();

    @Message("Skriv ut sidan med webbläsarens utskriftsfunktion; menyer och knappar kommer inte med.")
    String recoveryCodesPrint();

    @Message("Jag har sparat koderna")
    String recoveryCodesDone();

    @Message("Nollställ tvåstegsinloggning för {username} (borttappad telefon)")
    String secondFactorReset(String username);

    @Message("Outband är kommunens reservkanal när de egna IT-systemen ligger nere. Logga in med ditt Outband-konto (inte ditt vanliga jobbkonto).")
    String loginIntro();

    @Message("Läget just nu")
    String currentStatus();

    @Message("Senaste utskicken")
    String recentBulletins();

    @Message("Inga utskick ännu.")
    String noBulletins();

    @Message("Når meddelandena fram?")
    String providersHeading();

    @Message("{#when channel}{#is 'sms'}SMS{#is 'voice'}Samtal{#else}E-post{/when}")
    String channel(String channel);

    @Message("Senast lyckat")
    String lastSuccess();

    @Message("Senaste fel")
    String lastError();

    @Message("inget ännu")
    String nothingYet();

    @Message("provkörning: skickas inte på riktigt")
    String dryRun();

    @Message("{reached} av {total} nådda")
    String reachedOf(long reached, int total);

    @Message("ÖVNING")
    String drill();

    @Message("Mottagare")
    String recipients();

    @Message("Grupper")
    String groups();

    @Message("{members} {#if members == 1}person{#else}personer{/if}")
    String members(long members);

    @Message("Enskilda personer")
    String people();

    @Message("Meddelande")
    String messageLabel();

    @Message("Mall")
    String templates();

    @Message("{characters} tecken · {segments} SMS per person")
    String counter(int characters, int segments);

    @Message("Så skickas det")
    String channels();

    @Message("{#when policy}{#is 'sms-then-email'}SMS, och e-post till dem som inte kan nås med SMS{#is 'sms'}Bara SMS{#is 'email'}Bara e-post{#else}Både SMS och e-post{/when}")
    String policy(String policy);

    @Message("Svarsalternativ (t.ex. JA NEJ, tomt om inget svar behövs)")
    String replyOptions();

    @Message("Svarsalternativ går inte att använda: SMS skickas från avsändarnamnet \"{sender}\", som mottagarna inte kan svara till. Den som driftar Outband kan byta till en Messaging Service med ett nummer eller ett telefonnummer som avsändare.")
    String repliesImpossible(String sender);

    @Message("Detta är en övning (meddelandet börjar med ÖVNING:)")
    String drillOption();

    @Message("Lägg också ut texten på statussidan")
    String statusUpdateOption();

    @Message("Granska")
    String review();

    @Message("Kontrollera innan du skickar")
    String confirmHeading();

    @Message("Så här ser meddelandet ut")
    String preview();

    @Message("{#if count == 1}1 person får{#else}{count} personer får{/if} meddelandet: {sms} med SMS, {email} med e-post{#if calls > 0}, {calls} uppringda (numret tar inte emot SMS){/if}.")
    String confirmCounts(int count, int sms, int email, int calls);

    @Message("{count} av de valda kan inte nås med det kanalval du gjort.")
    String unreachable(int count);

    @Message("Uppskattad kostnad: {cost} {currency} ({segments} SMS per person, {#if encoding == 'UCS2'}70{#else}160{/if} tecken per SMS).")
    String cost(String cost, String currency, int segments, String encoding);

    @Message("Skicka nu")
    String sendNow();

    @Message("Ändra")
    String change();

    @Message("Utskick {id}")
    String bulletinHeading(long id);

    @Message("Skickat {at} av {by}")
    String sentBy(String at, String by);

    @Message("Nådda")
    String reached();

    @Message("På väg")
    String pending();

    @Message("Misslyckade")
    String failed();

    @Message("Fick samtal eller e-post i stället")
    String fellBack();

    @Message("Samtal")
    String calls();

    @Message("{answered} av {total} besvarade")
    String callsAnswered(long answered, long total);

    @Message("Siffrorna uppdateras med {seconds} sekunders mellanrum medan meddelanden är på väg eller svar kan komma. Senast uppdaterade")
    String liveUpdated(long seconds);

    @Message("Uppdateringen är pausad.")
    String livePaused();

    @Message("Pausa uppdateringen")
    String livePause();

    @Message("Fortsätt uppdatera")
    String liveResume();

    @Message("Meddelanden är på väg eller svar kan komma.")
    String liveManual();

    @Message("Uppdatera siffrorna")
    String liveUpdate();

    @Message("Skickat till")
    String sentTo();

    @Message("{#if count == 1}Gruppen{#else}Grupperna{/if}")
    String sentToGroups(int count);

    @Message("{#if count == 1}Personen{#else}Personerna{/if}")
    String sentToPeople(int count);

    @Message("{count} personer valda en och en")
    String sentToPeopleCounted(int count);

    @Message("Svaret från {name} är registrerat som {answer} och räknas nedan.")
    String replyRecorded(String name, String answer);

    @Message("Problem")
    String failures();

    @Message("Svar")
    String replies();

    @Message("Inga svar ännu.")
    String noReplies();

    @Message("Inte besvarat")
    String noReply();

    @Message("Otolkat svar")
    String unrecognised();

    @Message("Skicka igen till dem som inte nåtts")
    String resendUnreached();

    @Message("Påminn dem som inte svarat")
    String remindNoReply();

    @Message("Sök namn, nummer eller adress")
    String search();

    @Message("Alla grupper")
    String allGroups();

    @Message("Sök")
    String searchButton();

    @Message("Namn")
    String name();

    @Message("Mobil")
    String mobile();

    @Message("E-post")
    String email();

    @Message("Titel")
    String title();

    @Message("Enhet")
    String unit();

    @Message("Språk")
    String language();

    @Message("Grupper (åtskilda med komma)")
    String groupsField();

    @Message("Spara")
    String save();

    @Message("Ta bort")
    String delete();

    @Message("Sparat.")
    String saved();

    @Message("Importera personallista")
    String importHeading();

    @Message("CSV-fil från lönesystemet eller Excel, med rubrikerna anstnr, namn, mobil, epost och gärna grupper")
    String importFile();

    @Message("Välj fil")
    String chooseFile();

    @Message("Ersätt hela listan (tar bort dem som inte finns i filen)")
    String importReplace();

    @Message("Förhandsgranska")
    String importPreview();

    @Message("Så här blir det: {created} {#if created == 1}ny{#else}nya{/if}, {updated} {#if updated == 1}ändrad{#else}ändrade{/if}, {unchanged} {#if unchanged == 1}oförändrad{#else}oförändrade{/if}, {removed} tas bort, {rejected} {#if rejected == 1}rad{#else}rader{/if} med fel.")
    String importSummary(int created, int updated, int unchanged, int removed, int rejected);

    @Message("Ytterligare {count} fel och varningar visas inte: rätta dem som visas och förhandsgranska igen.")
    String importUnlisted(int count);

    @Message("Sök person på namn, nummer eller enhet")
    String findPerson();

    @Message("Ingen heter eller har numret \"{find}\".")
    String nobodyFound(String find);

    @Message("Har inte svarat ({count})")
    String notAnswered(long count);

    @Message("Inte nådda ännu ({count})")
    String notReached(long count);

    @Message("… och {count} till.")
    String andMore(int count);

    @Message("simulerat")
    String simulated();

    @Message("Öva svaren (provkörning)")
    String simulateHeading();

    @Message("Inga SMS skickas vid provkörning. Svara här i en mottagares ställe för att öva hur svaren räknas. Svaret märks som simulerat.")
    String simulateHelp();

    @Message("Svara som")
    String simulateWho();

    @Message("Att svara i någons ställe går bara vid provkörning (dry-run), när inga riktiga SMS skickas.")
    String simulationOnlyInDryRun();

    @Message("Sparat. Den publika statussidan är uppdaterad.")
    String statusSaved();

    @Message("Ta bort {name} från statussidan")
    String deleteSystem(String name);

    @Message("En färdig text ersätter texten nedan; mottagare och svarsalternativ som du valt finns kvar.")
    String templateKeeps();

    @Message("Inga API-nycklar ännu.")
    String noTokensYet();

    @Message("Inget i händelseloggen ännu.")
    String noAuditYet();

    @Message("Skriv ut")
    String printNow();

    @Message("Lägg till person")
    String newContact();

    @Message("Lägg till")
    String addContact();

    @Message("Id")
    String contactId();

    @Message("Organisationens id för personen, t.ex. anställningsnummer: samma som i personallistans fil, så att en import känner igen personen.")
    String contactIdHint();

    @Message("Visar {shown} av {total} {#if total == 1}person{#else}personer{/if}")
    String contactsShown(int shown, int total);

    @Message("{total} {#if total == 1}träff{#else}träffar{/if}{#if shown < total}, de {shown} första visas{/if}")
    String contactsFound(int shown, int total);

    @Message("Ingen träff på ”{q}”. Sök på en del av namnet, id, e-post eller mobilnumret.")
    String noContactsFound(String q);

    @Message("Ingen finns i gruppen {group}.")
    String noContactsInGroup(String group);

    @Message("Kontaktlistan är tom. Importera personallistan eller lägg till en person.")
    String noContactsYet();

    @Message("Ta bort {name}?")
    String deleteSystemHeading(String name);

    @Message("{name} försvinner genast från den publika statussidan, och med det systemets läge och anteckning. Händelser som nämner systemet finns kvar.")
    String deleteSystemConsequence(String name);

    @Message("Avbryt och behåll systemet")
    String keepSystem();

    @Message("Lägg till de system som kan drabbas, i den ordning de ska återställas.")
    String addSystemsHint();

    @Message("Berörda system")
    String incidentSystems();

    /** What an audit entry's action means, in a sentence's words; an action not listed shows as recorded. */
    @Message("{#when action}{#is 'backup.created'}gjorde en säkerhetskopia{#is 'backup.downloaded'}laddade ner en säkerhetskopia{#is 'backup.restored'}läste in en säkerhetskopia{#is 'bulletin.sent'}skickade ett utskick{#is 'contact.created'}lade till en kontakt{#is 'contact.deleted'}tog bort en kontakt{#is 'contact.exported'}laddade ner allt om en person{#is 'contact.erased'}raderade en person med leveranser och svar{#is 'retention.deleted'}raderade leveranser och svar som sparats längre än tillåtet{#is 'contact.updated'}ändrade en kontakt{#is 'contacts.imported'}importerade personallistan{#is 'contacts.call-list-printed'}tog fram en ringlista för utskrift{#is 'contacts.vcards-downloaded'}laddade ner kontakter som vCard{#is 'contacts.listed'}läste en lista med kontakter{#is 'contacts.searched'}sökte bland kontakterna{#is 'bulletin.deliveries-read'}läste ett utskicks mottagare och nummer{#is 'bulletin.replies-read'}läste ett utskicks svar och nummer{#is 'bulletin.people-shown'}såg ett utskicks misslyckade, ej nådda och ej svarande{#is 'reply.simulated'}svarade i en mottagares ställe (provkörning){#is 'second-factor.enrolled'}slog på tvåstegsinloggning{#is 'second-factor.recovery-codes-renewed'}tog fram nya reservkoder{#is 'second-factor.reset'}nollställde tvåstegsinloggningen{#is 'second-factor.recovery-code-used'}loggade in med en reservkod{#is 'status.incident-opened'}publicerade en händelse på statussidan{#is 'status.incident-updated'}uppdaterade en händelse på statussidan{#is 'status.system-changed'}ändrade ett system på statussidan{#is 'status.system-created'}lade till ett system på statussidan{#is 'status.system-deleted'}tog bort ett system från statussidan{#is 'template.created'}lade till en färdig text{#is 'template.changed'}ändrade en färdig text{#is 'template.deleted'}tog bort en färdig text{#is 'token.created'}skapade en API-nyckel{#is 'token.revoked'}återkallade en API-nyckel{#is 'user.created'}skapade en användare{#is 'user.deleted'}tog bort en användare{#is 'user.password-changed'}bytte lösenord{#is 'user.roles-changed'}ändrade en användares roller{#is 'user.mobile-changed'}ändrade en användares mobilnummer{#is 'login.failed'}misslyckades att logga in{#is 'login.succeeded'}loggade in{#else}{action}{/when}")
    String auditAction(String action);

    @Message("skicka utskick, följa upp dem och ändra statussidan")
    String roleSender();

    @Message("läsa och ändra kontakter och importera personallistan")
    String roleContacts();

    @Message("allt, även användare, API-nycklar och granskningsloggen")
    String roleAdmin();

    @Message("Rader med fel hoppas över: {#if count == 1}raden med fel ändrar{#else}de {count} raderna med fel ändrar{/if} ingenting, resten importeras.")
    String rejectedSkipped(int count);

    @Message("Ersätt tar bort {count} {#if count == 1}person{#else}personer{/if} som inte finns i filen ur kontaktlistan.")
    String replaceRemoves(int count);

    @Message("Läggs till ({count})")
    String importAdded(int count);

    @Message("Lades till ({count})")
    String importedAdded(int count);

    @Message("Ändrades ({count})")
    String importedChanged(int count);

    @Message("Togs bort ({count})")
    String importedRemoved(int count);

    @Message("Hoppades över: rader med fel")
    String importedRejected();

    @Message("Rader med fel")
    String importRejected();

    @Message("Ändras ({count})")
    String importChanged(int count);

    @Message("Tas bort ({count})")
    String importRemoved(int count);

    @Message("{#when field}{#is 'name'}namn{#is 'mobile'}mobil{#is 'email'}e-post{#is 'groups'}grupper{#is 'language'}språk{#is 'title'}titel{#is 'unit'}enhet{#else}{field}{/when}")
    String fieldName(String field);

    @Message("Färdiga texter")
    String navTemplates();

    @Message("Texter som krisledare utgår från. Skriv uppgifter som ändras mellan gångerna inom hakparentes, t.ex. [datum] eller [telefonnummer]: innan utskicket kan granskas måste de fyllas i.")
    String templatesHelp();

    @Message("Ny färdig text")
    String newTemplate();

    @Message("Ta bort {name}")
    String deleteTemplate(String name);

    @Message("FÖRHANDSGRANSKNING – inte publicerad. Så här ser statussidan ut med ändringen. Gå tillbaka för att publicera eller ändra.")
    String previewBanner();

    @Message("Förhandsgranska")
    String previewButton();

    @Message("Ring")
    String call();

    @Message("Skicka SMS")
    String textMessage();

    @Message("Skriv e-post")
    String writeEmail();

    @Message("Importera nu")
    String importConfirm();

    @Message("Importen är klar: {created} {#if created == 1}ny{#else}nya{/if}, {updated} {#if updated == 1}ändrad{#else}ändrade{/if}, {removed} {#if removed == 1}borttagen{#else}borttagna{/if}.")
    String importDone(int created, int updated, int removed);

    @Message("Rad")
    String line();

    @Message("Kolumn")
    String column();

    @Message("Varför")
    String reason();

    @Message("Varningar")
    String warnings();

    @Message("Förhandsgranskningen har gått ut. Välj filen igen.")
    String importExpired();

    @Message("System")
    String systems();

    @Message("Läge")
    String state();

    @Message("Prioritet (1 återställs först)")
    String priority();

    @Message("Kommentar")
    String note();

    @Message("Lägg till system")
    String addSystem();

    @Message("Händelser")
    String incidents();

    @Message("Ny händelse")
    String newIncident();

    @Message("Rubrik")
    String incidentTitle();

    @Message("På engelska (valfritt)")
    String inEnglish();

    @Message("Visas på statussidans engelska sidor. Utan engelsk text visas den svenska där, markerad som svenska.")
    String inEnglishHint();

    @Message("{#if sms == 0 && email == 0}Ingen prenumererar på driftstatus.{#else}Prenumeranter på driftstatus: {sms} med SMS och {email} med e-post. Var och en får ett meddelande om varje ändring av en störning.{/if}")
    String subscribers(long sms, long email);

    @Message("Skicka inte till prenumeranterna (till exempel ett rättat stavfel)")
    String quiet();

    @Message("Namn på engelska")
    String nameEn();

    @Message("Kommentar på engelska")
    String noteEn();

    @Message("Rubrik på engelska")
    String incidentTitleEn();

    @Message("Vad har hänt, på engelska")
    String incidentTextEn();

    @Message("Uppdateringen på engelska")
    String updateEn();

    @Message("Vad har hänt?")
    String incidentText();

    @Message("Ny uppdatering")
    String postUpdate();

    @Message("Publicera")
    String publish();

    @Message("Visa den publika statussidan")
    String publicPage();

    @Message("Skriv ut affisch")
    String printPoster();

    @Message("Skriv ut ringlista")
    String printCallList();

    @Message("Spara i telefonens kontakter")
    String saveToPhone();

    @Message("Ringlista – {#if group}{group}{#if unit}, {unit}{/if}{#else if unit}{unit}{#else}alla{/if}")
    String callListTitle(String group, String unit);

    @Message("Utskriven {at} av {who}. {count} {#if count == 1}person{#else}personer{/if}.")
    String callListTaken(String at, String who, int count);

    @Message("Innehåller personuppgifter. Förvara listan som krispärmen och förstör gamla utskrifter.")
    String callListPrivate();

    @Message("Skriv ut med webbläsarens utskriftsfunktion (Ctrl+P, på telefonen Dela → Skriv ut). Menyerna kommer inte med; tabellens rubrik upprepas och sidorna numreras.")
    String callListHowTo();

    @Message("Användare")
    String users();

    @Message("Roller")
    String roles();

    @Message("Skapa användare")
    String createUser();

    @Message("Nytt lösenord (lämna tomt för att behålla det)")
    String newPassword();

    @Message("API-nycklar")
    String tokens();

    @Message("Skapa nyckel")
    String createToken();

    @Message("Kopiera nyckeln nu, den visas bara en gång: {token}")
    String tokenShownOnce(String token);

    @Message("Återkalla")
    String revoke();

    @Message("återkallad")
    String revoked();

    @Message("Granskningslogg")
    String audit();

    @Message("Tid")
    String time();

    @Message("Vem")
    String who();

    @Message("Vad")
    String what();

    @Message("Äldre")
    String older();

    @Message("Formuläret kunde inte skickas eftersom det inte kom från Outbands egen sida (skydd mot förfalskade anrop). Ladda om sidan och försök igen.")
    String csrfRejected();

    @Message("Ditt konto har inte behörighet till den här sidan. Be en administratör om rätt roll.")
    String forbidden();

    @Message("Det finns ingen sida på den adressen. Kontrollera adressen, eller gå tillbaka till start.")
    String pageNotFound();

    @Message("Den här sidan öppnas med en knapp i Outband, inte från ett bokmärke eller en länk. Gå tillbaka och använd knappen igen.")
    String pageNotOpenedSo();

    @Message("Något gick inte att göra")
    String errorHeading();

    @Message("Tillbaka till start")
    String backToStart();

    @Message("Säkerhetskopior")
    String backups();

    @Message("Säkerhetskopian {name} är gjord.")
    String backupMade(String name);

    @Message("{#when kind}{#is 'NOT_CONFIGURED'}Inga säkerhetskopior görs: ingen lösenfras eller publik nyckel är inställd. Sätt OUTBAND_BACKUP_PASSPHRASE eller OUTBAND_BACKUP_PUBLIC_KEY och starta om Outband.{#is 'FAILED'}Den senaste säkerhetskopian misslyckades {at.local}: {detail}{#is 'NONE_SINCE_START'}Ingen säkerhetskopia har gjorts sedan Outband startade {at.local}.{#is 'OUTDATED'}Den senaste säkerhetskopian är från {at.local}. Inga nya har gjorts sedan dess.{#is 'COPY_FAILED'}Kopieringen av säkerhetskopian till en annan plats misslyckades {at.local} ({detail}).{#is 'UNSIGNED'}Säkerhetskopiorna signeras inte: sätt OUTBAND_BACKUP_SIGNING_KEY och starta om Outband. En återläsning vägrar en osignerad säkerhetskopia om den inte får OUTBAND_RESTORE_UNSIGNED=true, eftersom vem som helst med den publika nyckeln eller lösenfrasen kan göra en.{/when}")
    String backupProblem(String kind, Instant at, String detail);

    @Message("En säkerhetskopia är en krypterad fil (OpenPGP) med kontaktlistan, användarna, statussidan, de färdiga texterna och utskickens historik. Den öppnas med GnuPG utan Outband och läses in i en ny Outband med OUTBAND_RESTORE_FROM. Ladda ner en och förvara den utanför organisationens nät.")
    String backupExplained();

    @Message("Gör en säkerhetskopia nu")
    String backupNow();

    @Message("Kopia till annan plats")
    String backupCopyHeading();

    @Message("kopierad")
    String backupCopyOk();

    @Message("misslyckades (felkod {exit})")
    String backupCopyFailed(Object exit);

    @Message("Sparade säkerhetskopior")
    String backupFiles();

    @Message("Inga säkerhetskopior ännu.")
    String backupNone();

    @Message("Tagen")
    String backupTaken();

    @Message("Storlek")
    String backupSize();

    @Message("Signering")
    String backupSigningHeading();

    @Message("Varje säkerhetskopia signeras med Outbands signeringsnyckel. Skriv ut fingeravtrycket och lägg det i krispärmen, och spara den publika nyckeln med säkerhetskopiorna: vid en återläsning visar signaturen att filen är gjord av Outband och inte av någon annan som har den publika nyckeln eller lösenfrasen.")
    String backupSignedBy();

    @Message("Fingeravtryck")
    String backupFingerprint();

    @Message("Ladda ner den publika nyckeln (till OUTBAND_RESTORE_SIGNER vid en återläsning)")
    String backupSigningKeyDownload();

    @Message("Säkerhetskopiorna signeras inte. Sätt OUTBAND_BACKUP_SIGNING_KEY och starta om Outband.")
    String backupUnsigned();

    @Message("skickar")
    String providerSending();

    @Message("i reserv")
    String providerStandingBy();

    @Message("fungerar inte sedan {since.local}")
    String providerFailingSince(Instant since);

    @Message("SMS via {provider}")
    String smsVia(String provider);

    @Message("Eget mobilnummer (för SMS-kommandon, valfritt)")
    String userMobile();

    @Message("Sändtiden \"{value}\" går inte att läsa. Skriv den som 2027-03-14T09:00, eller lämna fältet tomt för att skicka nu.")
    String sendAtUnreadable(String value);

    @Message("Skicka vid en senare tid (valfritt)")
    String sendAtLabel();

    @Message("Svensk tid. Lämna tomt för att skicka direkt. Ett planerat utskick kan avbrytas fram till dess.")
    String sendAtHint();

    @Message("Skickas {at}, svensk tid.")
    String sendsAt(String at);

    @Message("Planera utskicket")
    String planSend();

    @Message("Planerade utskick")
    String navPlanned();

    @Message("Telefonmöten")
    String navMeetings();

    @Message("Inga utskick är planerade.")
    String noPlanned();

    @Message("Sändtid")
    String sendAtColumn();

    @Message("Text")
    String textColumn();

    @Message("Läge")
    String stateColumn();

    @Message("{#when state}{#is 'PLANNED'}Planerat{#is 'SENT'}Skickat{#is 'CANCELLED'}Avbrutet{#is 'REFUSED'}Kunde inte skickas{#else}{state}{/when}")
    String plannedState(String state);

    @Message("Avbryt")
    String cancelPlanned();

    @Message("Avbryt utskicket som ska skickas {at}")
    String cancelPlannedLabel(String at);
}
