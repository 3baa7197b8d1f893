package vn.cong.content.documents;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The national legal database (Cơ sở dữ liệu quốc gia về văn bản pháp luật) a document may link to: its host
 * ({@code vbpl.vn} by default; its subdomains count too, e.g. {@code www.vbpl.vn}). A link must be https on that
 * host; the identifier is the document's id there (letters, digits, {@code - _ / .}).
 */
@ConfigurationProperties("cong.national-legal-database")
public record NationalLegalDatabase(@Bindable(defaultValue = "vbpl.vn") String host) {

    private static final Pattern ID = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}$");
    static final int MAX_URL = 500;

    /** Why {@code url} is not a link to the database, or empty when it is one (or is blank). */
    Optional<String> urlProblem(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String problem = "Đường dẫn phải là địa chỉ https trên " + host + ", ví dụ: https://" + host + "/…";
        if (url.length() > MAX_URL) {
            return Optional.of("Đường dẫn dài quá " + MAX_URL + " ký tự.");
        }
        try {
            URI uri = new URI(url.strip());
            String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String wanted = host.toLowerCase(Locale.ROOT);
            boolean onHost = h.equals(wanted) || h.endsWith("." + wanted);
            return "https".equalsIgnoreCase(uri.getScheme()) && onHost && uri.getUserInfo() == null && uri.getPort() == -1
                    ? Optional.empty() : Optional.of(problem);
        } catch (URISyntaxException e) {
            return Optional.of(problem);
        }
    }

    /** Why {@code id} is not an identifier, or empty when it is one (or is blank). */
    static Optional<String> idProblem(@Nullable String id) {
        if (id == null || id.isBlank() || ID.matcher(id.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of("Mã trên Cơ sở dữ liệu quốc gia chỉ gồm chữ, số và các dấu - _ / . (tối đa 64 ký tự), ví dụ: 158765.");
    }
}
