package se.outband.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.common.TestClock;

/** Previewed staff lists are personal data: a few at a time, never past the hour. */
@QuarkusTest
class PreviewedUploadsTest {

    @Inject
    TestClock clock;

    @Inject
    PreviewedUploads uploads;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void previewedUploadsAreCappedAndForgottenWithinTheHour() throws Exception {
        Path file = Files.createTempFile("staff", ".csv");
        Files.writeString(file, "id,name,mobile\n1,A,0701740605\n");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < PreviewedUploads.MAX_FILES + 5; i++) {
            keys.add(uploads.keep(file).orElseThrow());
        }
        assertEquals(PreviewedUploads.MAX_FILES, keys.stream().filter(k -> uploads.find(k).isPresent()).count(),
                "only the newest are kept");
        assertTrue(uploads.find(keys.get(keys.size() - 1)).isPresent());
        assertTrue(uploads.find("../../db/outband").isEmpty(), "a key is never a path");

        clock.advance(Duration.ofMinutes(61));
        uploads.forgetAbandoned();
        assertEquals(0, keys.stream().filter(k -> uploads.find(k).isPresent()).count(), "none kept past the hour");
    }
}
