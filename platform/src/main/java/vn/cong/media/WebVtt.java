package vn.cong.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells a WebVTT captions file (phụ đề) by its bytes: UTF-8 text whose first line is {@code WEBVTT}, alone or followed by
 * a space or tab and a description (W3C WebVTT §4.1), with no NUL byte (what a renamed binary file would have).
 */
final class WebVtt {

    private WebVtt() {
    }

    static boolean isHeader(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("WEBVTT") || text.indexOf('\0') >= 0) {
            return false;
        }
        return text.length() == 6 || " \t\r\n".indexOf(text.charAt(6)) >= 0;
    }
}
