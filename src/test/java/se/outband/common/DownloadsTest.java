package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void aValueFromOutsideCannotEndOrExtendTheFilesName() {
        assertEquals("attachment; filename=\"person-a_b___x_.json\"",
                Downloads.attachment("{}", "person-a\"b\r\n;x=.json").getHeaderString("Content-Disposition"));
        assertEquals("attachment; filename=\"outband-report-12.csv\"",
                Downloads.attachment("", "text/csv", "outband-report-12.csv").getHeaderString("Content-Disposition"));
    }
}
