package se.outband.subscriptions;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The SMS subscribers get: short, one part where it fits (Swedish letters are in the GSM alphabet). English in
 * messages/subscriptions_en.properties. {@code number} is Outband's own number, when configured, since the
 * messages may come from a sender name that cannot take replies.
 */
@MessageBundle(value = "subscriptions", locale = "sv")
public interface SubscriptionMessages {

    @Message("{org}: Du får nu ett SMS när driftstatus ändras: {url} Avsluta med STOPP{#if number} till {number}{/if}.")
    String welcome(String org, String url, String number);

    @Message("{org}: Du får inte längre SMS om driftstatus. Börja igen med PRENUMERERA{#if number} till {number}{/if}.")
    String goodbye(String org, String number);

    @Message("{org}: Ny störning: {title}.")
    String opened(String org, String title);

    @Message("{org}: {title} - {state}:")
    String updated(String org, String title, String state);

    @Message("{org}: Åtgärdat: {title}.")
    String resolved(String org, String title);

    @Message("{org}: bekräfta att du vill få e-post om driftstatus\n\nNågon, förhoppningsvis du, bad på statussidan om e-post från {org} när driftstatus ändras. Bekräfta inom {hours} timmar med länken:\n\n{link}\n\nVar det inte du behöver du inte göra något: utan bekräftelse får du inget mer från oss.")
    String confirmMail(String org, String link, long hours);
}
