package se.outband;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Outband as the README's first command starts it: dry-run gateways, no fake providers, and no backup
 * secret. One profile for every test of that start, so Quarkus starts it once.
 */
public class FirstStart implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outband.sms.provider", "dry-run", "outband.mail.provider", "dry-run", "outband.backup.passphrase", "");
    }
}
