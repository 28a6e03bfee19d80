package se.outband.access;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Access as deploy/outband.env.example sets it up: administrators must use a second factor, and
 * passwords are hashed at production's bcrypt cost (the other tests lower it), so what sign-in takes
 * is what a timing check measures.
 */
public class ProductionAccess implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outband.access.totp-required-roles", "admin", "outband.access.password-hash-cost", "10");
    }
}
