package vn.cong.system;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header for the one coding the platform stores: gzip. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** True when the client accepts gzip (named, or by {@code *}) with a non-zero quality. */
    public static boolean allowsGzip(String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        boolean gzip = false;
        boolean star = false;
        boolean gzipNamed = false;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean allowed = quality(pieces) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzipNamed = true;
                gzip = allowed;
            } else if (coding.equals("*")) {
                star = allowed;
            }
        }
        return gzipNamed ? gzip : star;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
