package vn.cong.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRulesTest {

    @Test
    void twelveCharactersAreTheMinimumCountedAsCharactersNotBytes() {
        assertEquals("Mật khẩu phải có ít nhất 12 ký tự.", PasswordRules.problem("Ngắn2026!xy").orElseThrow());
        assertTrue(PasswordRules.isAcceptable("Mùa thu Hà Nội"));
        assertTrue(PasswordRules.isAcceptable("MatKhauDung2026"));
    }

    @Test
    void passwordsFromTheShippedListOfCommonOnesAreRefusedWhateverTheirCase() {
        assertTrue(PasswordRules.isCommon("password"), "the list is there");
        assertFalse(PasswordRules.isAcceptable("qwerty123456"));
        assertFalse(PasswordRules.isAcceptable("QWERTY123456"));
        assertFalse(PasswordRules.isAcceptable("1qaz2wsx3edc"));
        assertTrue(PasswordRules.problem("123qweasdzxc").orElseThrow().contains("danh sách mật khẩu phổ biến"));
    }
}
