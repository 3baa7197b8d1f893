package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The notice an item page (and its print view) carries on reusing its information, from the tenant's regulation
 * profile ({@code citation}) [001 Đ2.5: "Nguồn: Cổng thông tin điện tử Bộ Nội vụ" or "Theo: https://moha.gov.vn";
 * 002 Đ5.3: with the board's consent]: credit the portal, credit the portal and the item's address, or ask first.
 */
public final class ReuseNotice {

    private ReuseNotice() {
    }

    /** The notice in {@code lang} for the profile's {@code citation} code; none for an unknown or absent code. */
    public static Optional<String> of(@Nullable String citation, String lang, String tenantName, String itemUrl, String homeUrl) {
        if (citation == null) {
            return Optional.empty();
        }
        boolean en = "en".equals(lang);
        String portal = en ? "the " + tenantName + " e-portal" : "Cổng thông tin điện tử " + tenantName;
        return Optional.ofNullable(switch (citation) {
            case "moha" -> en ? "When reusing this information, credit “Source: " + portal + "” or “According to: " + homeUrl + "”."
                    : "Khi sử dụng lại thông tin, ghi rõ «Nguồn: " + portal + "» hoặc «Theo: " + homeUrl + "».";
            case "portal" -> en ? "When reusing this information, credit the source: " + portal + ", " + itemUrl + "."
                    : "Khi sử dụng lại thông tin, ghi rõ nguồn: " + portal + ", " + itemUrl + ".";
            case "consent" -> en ? "Reusing this information requires the prior consent of the editorial board of " + portal
                    + "; credit the source when you do."
                    : "Sử dụng lại thông tin này phải được Ban biên tập " + portal + " đồng ý trước; khi sử dụng, ghi rõ nguồn.";
            default -> null;
        });
    }
}
