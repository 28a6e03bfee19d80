package se.outband.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import se.outband.common.Refused;

/**
 * How a staff list file is written, found by reading it once without keeping it: UTF-8 with or
 * without BOM, UTF-16 with BOM, or Windows-1252 (Excel in Sweden); the delimiter the header uses most.
 */
record CsvEncoding(Charset charset, int bomLength, char delimiter) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t'};

    static CsvEncoding of(Path file) throws IOException {
        byte[] head = new byte[3];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        Scan scan;
        if (startsWith(head, read, 0xEF, 0xBB, 0xBF)) {
            scan = Scan.of(file, StandardCharsets.UTF_8, 3, false);
        } else if (startsWith(head, read, 0xFF, 0xFE)) {
            scan = Scan.of(file, StandardCharsets.UTF_16LE, 2, false);
        } else if (startsWith(head, read, 0xFE, 0xFF)) {
            scan = Scan.of(file, StandardCharsets.UTF_16BE, 2, false);
        } else {
            try {
                scan = Scan.of(file, StandardCharsets.UTF_8, 0, true);
            } catch (CharacterCodingException notUtf8) {
                scan = Scan.of(file, WINDOWS_1252, 0, false);
            }
        }
        if (!scan.looksLikeText()) {
            throw new Refused(new ContactRefusal.FileNotText());
        }
        if (!scan.hasText) {
            throw new Refused(new ContactRefusal.FileEmpty());
        }
        return new CsvEncoding(scan.charset, scan.bomLength, scan.delimiter());
    }

    /** The file's text after the byte order mark. */
    Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        return new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
    }

    /** Counts over the whole text: how many characters, how many look like a binary file's, what the header separates with. */
    private static final class Scan {
        final Charset charset;
        final int bomLength;
        final long[] delimiterCounts = new long[DELIMITERS.length];
        long chars;
        long controls;
        boolean nul;
        boolean hasText;

        private Scan(Charset charset, int bomLength) {
            this.charset = charset;
            this.bomLength = bomLength;
        }

        static Scan of(Path file, Charset charset, int bomLength, boolean strict) throws IOException {
            Scan scan = new Scan(charset, bomLength);
            CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(bomLength);
                Reader reader = new InputStreamReader(in, charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError));
                char[] buffer = new char[16 * 1024];
                boolean inHeader = true;
                for (int n; (n = reader.read(buffer)) >= 0;) {
                    for (int i = 0; i < n; i++) {
                        char c = buffer[i];
                        inHeader = inHeader && c != '\n';
                        scan.count(c, inHeader);
                    }
                }
            }
            return scan;
        }

        private void count(char c, boolean inHeader) {
            chars++;
            nul |= c == 0;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFD) {
                controls++;
            }
            hasText |= !Character.isWhitespace(c);
            if (inHeader) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        delimiterCounts[d]++;
                    }
                }
            }
        }

        /** Text files have no NUL and hardly any other control characters; images, zips and xlsx files do. */
        boolean looksLikeText() {
            return !nul && controls * 100 <= chars;
        }

        /** The delimiter used most on the first line, comma when there is none. */
        char delimiter() {
            int best = 0;
            for (int d = 1; d < DELIMITERS.length; d++) {
                if (delimiterCounts[d] > delimiterCounts[best]) {
                    best = d;
                }
            }
            return DELIMITERS[best];
        }
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
