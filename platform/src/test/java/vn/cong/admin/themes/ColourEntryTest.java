package vn.cong.admin.themes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of a colour's two entries (typed text, picker) the server takes, and what the picker shows. */
class ColourEntryTest {

    @Test
    void pickerShowsSixDigitLowerCaseAndSpellsOutThreeDigitColours() {
        assertEquals("#0b4f8a", ColourEntry.pickerValue("#0B4F8A"));
        assertEquals("#aabbcc", ColourEntry.pickerValue(" #abc "));
        assertEquals("#000000", ColourEntry.pickerValue("đỏ"), "a value the picker cannot show");
        assertEquals("#000000", ColourEntry.pickerValue(null));
    }

    @Test
    void typedTextWinsUnlessItIsUnchangedAndThePickerMoved() {
        assertEquals("#224466", ColourEntry.chosen("#0b4f8a", "#0b4f8a", "#224466"), "text untouched, picker moved");
        assertEquals("#0B4F8A", ColourEntry.chosen("#0B4F8A", "#0B4F8A", "#0b4f8a"), "picker only shows the text's colour: text kept as typed");
        assertEquals("#abc", ColourEntry.chosen("#abc", "#abc", "#aabbcc"), "a short colour is not replaced by its long form");
        assertEquals("#123456", ColourEntry.chosen("#123456", "#0b4f8a", "#224466"), "both changed: the text");
        assertEquals("đỏ", ColourEntry.chosen("đỏ", "đỏ", "#000000"), "an unshowable value resent unchanged stays (and is refused as typed)");
        assertEquals("#0b4f8a", ColourEntry.chosen("#0b4f8a", null, null), "a form without the picker (older page, script)");
        assertEquals("#0b4f8a", ColourEntry.chosen("#0b4f8a", "#0b4f8a", "javascript:x"), "a picker value that is no colour is ignored");
    }
}
