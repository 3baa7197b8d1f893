package vn.cong.reports.royalties;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * A genre of the tenant's rate table (thể loại: tin, bài, ảnh, …) and its royalty units; {@code usualFor} is the
 * classification genre (news, analysis, other) an item of this genre usually has.
 */
public record RoyaltyGenre(long id, String name, BigDecimal units, @Nullable String usualFor, int position) {

    public String unitsText() {
        return Vnd.decimal(units);
    }
}
