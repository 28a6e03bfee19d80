package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void theLoggedAddressLeavesOutParametersThatMayHoldAPassword() {
        assertEquals("jdbc:postgresql://db.example.org:5432/outband?…",
                Database.withoutParameters("jdbc:postgresql://db.example.org:5432/outband?user=outband&password=secret"));
        assertEquals("jdbc:postgresql://db.example.org:5432/outband", Database.withoutParameters("jdbc:postgresql://db.example.org:5432/outband"));
    }
}
