package vn.cong.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Citizen text that a spreadsheet would evaluate is neutralised; anything else is left alone. */
class SpreadsheetTextTest {

    @Test
    void formulaStartsGetAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\",\"bấm\")", SpreadsheetText.neutralised("=HYPERLINK(\"http://x\",\"bấm\")"));
        assertEquals("'+1+1", SpreadsheetText.neutralised("+1+1"));
        assertEquals("'-2+3", SpreadsheetText.neutralised("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetText.neutralised("@SUM(A1)"));
        assertEquals("'\t=1", SpreadsheetText.neutralised("\t=1"));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals("Ý kiến: đồng ý = 1", SpreadsheetText.neutralised("Ý kiến: đồng ý = 1"));
        assertEquals("", SpreadsheetText.neutralised(""));
        assertEquals("", SpreadsheetText.neutralised(null));
    }
}
