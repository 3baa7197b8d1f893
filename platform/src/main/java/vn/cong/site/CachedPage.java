package vn.cong.site;

import vn.cong.system.Gzip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A rendered page as it is cached and served: the HTML and its gzip form (compressed once, here),
 * an entity tag, the Content-Security-Policy that allows exactly the page's own inline styles, and when it was
 * rendered ({@code renderedAt}, epoch milliseconds), so that a copy taken from Redis lives only what is left of the
 * page's time to live.
 */
public record CachedPage(int status, String lang, byte[] plain, byte[] gzip, String etag, String contentSecurityPolicy,
                         long renderedAt) {

    /** 2: with {@code renderedAt}. Pages another format wrote are not read (rendered again). */
    private static final byte FORMAT = 2;

    public static CachedPage of(int status, String lang, byte[] html) {
        MessageDigest sha = sha256();
        String etag = "\"" + HexFormat.of().formatHex(sha.digest(html), 0, 12) + "\"";
        return new CachedPage(status, lang, html, Gzip.compress(html, Gzip.PAGE_LEVEL), etag, policy(html), System.currentTimeMillis());
    }

    /** The entity tag of the gzip form: a different representation needs a different strong tag. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    public int weight() {
        return plain.length + gzip.length + 256;
    }

    /**
     * Scripts, styles and images from the portal itself only (images also from any https: source).
     * Theme templates may carry inline {@code <style>} blocks (the tenant's colours): each is allowed
     * by its SHA-256 hash, so no other inline style can run.
     */
    static String policy(byte[] html) {
        StringBuilder styles = new StringBuilder("'self'");
        for (String block : inlineStyles(new String(html, StandardCharsets.UTF_8))) {
            styles.append(" 'sha256-")
                    .append(Base64.getEncoder().encodeToString(sha256().digest(block.getBytes(StandardCharsets.UTF_8))))
                    .append('\'');
        }
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' https: data:; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }

    private static List<String> inlineStyles(String html) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = html.indexOf("<style", from);
            if (open < 0) {
                return blocks;
            }
            int start = html.indexOf('>', open);
            int end = start < 0 ? -1 : html.indexOf("</style>", start);
            if (end < 0) {
                return blocks;
            }
            blocks.add(html.substring(start + 1, end));
            from = end + 8;
        }
    }

    public byte[] encode() {
        var bytes = new ByteArrayOutputStream(plain.length + gzip.length + 512);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(status);
            out.writeLong(renderedAt);
            out.writeUTF(lang);
            out.writeUTF(etag);
            out.writeUTF(contentSecurityPolicy);
            out.writeInt(plain.length);
            out.write(plain);
            out.writeInt(gzip.length);
            out.write(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the page, or null when the bytes are not a page of this format (another version wrote them) */
    public static CachedPage decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            int status = in.readShort();
            long renderedAt = in.readLong();
            String lang = in.readUTF();
            String etag = in.readUTF();
            String csp = in.readUTF();
            byte[] plain = in.readNBytes(in.readInt());
            byte[] gzip = in.readNBytes(in.readInt());
            return new CachedPage(status, lang, plain, gzip, etag, csp, renderedAt);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
