package se.outband.statuspage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.common.Language;
import se.outband.common.PhoneNumbers;
import se.outband.common.QrCodes;
import se.outband.statuspage.SiteModel.Contact;
import se.outband.statuspage.SiteModel.Poster;

/**
 * The A4 poster for notice boards and doors, as Kalix put up by hand: where the status page is (a QR
 * code and the address) and how to reach the crisis team. Swedish and English on one sheet, since
 * nobody reading it on a wall has a language link to press. It is part of the site, so it can be
 * printed from any copy of it while Outband is down.
 */
@ApplicationScoped
class StatusPoster {

    @CheckedTemplate(basePath = "statuspage")
    static class Templates {
        static native TemplateInstance poster(Poster poster, StatusPageMessages sv, StatusPageMessages en);
    }

    private final StatusConfig config;
    private final StatusPageAddress address;
    private final PhoneNumbers phones;

    StatusPoster(StatusConfig config, StatusPageAddress address, PhoneNumbers phones) {
        this.config = config;
        this.address = address;
        this.phones = phones;
    }

    String render() {
        StatusPageMessages sv = Language.SV.messages(StatusPageMessages.class);
        String url = address.url();
        Poster poster = new Poster(config.organisation(), url, QrCodes.svg(url, sv.posterQr(url)), Contact.of(config.contact(), phones));
        return Templates.poster(poster, sv, Language.EN.messages(StatusPageMessages.class)).render();
    }
}
