package vn.cong.content.attachments;

import vn.cong.content.Slugs;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Names a download is offered under. The stored file name is random; the browser gets an unaccented
 * ASCII slug ("Quyết định số 12.pdf" → "quyet-dinh-so-12.pdf", never a path) as {@code filename} and
 * the Vietnamese name in {@code filename*} (RFC 6266 with RFC 5987 encoding), which browsers prefer.
 */
public final class DownloadNames {

    private static final int MAX_BASE = 80;

    private DownloadNames() {
    }

    /** The ASCII slug of {@code originalName}'s base name with the extension of the file's actual kind. */
    public static String slug(String originalName, String extension) {
        String base = baseName(originalName);
        int dot = base.lastIndexOf('.');
        String stem = Slugs.fromTitle(dot > 0 ? base.substring(0, dot) : base);
        if (stem.length() > MAX_BASE) {
            stem = stem.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        return (stem.isEmpty() ? "tep-dinh-kem" : stem) + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** {@code attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded original>}. */
    public static String contentDisposition(String asciiName, String originalName) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(baseName(originalName));
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, every other UTF-8 byte as {@code %XX}. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** The last path segment, whichever separator the uploading system used. */
    private static String baseName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
