package vn.cong.reports.royalties;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The tenant's rate table: the value of one royalty unit in đồng and the units of each genre. */
public record RateTable(long unitValueVnd, boolean preset, List<RoyaltyGenre> genres, @Nullable String updatedBy,
                        @Nullable OffsetDateTime updatedAt) {

    public RateTable {
        genres = List.copyOf(genres);
    }

    public String unitValueText() {
        return Vnd.format(unitValueVnd);
    }

    /** When the table was last changed, Vietnam time ("14:05 03/12/2026"); empty for the preset. */
    public String updatedAtText() {
        return updatedAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                .format(updatedAt.atZoneSameInstant(vn.cong.system.VietnamTime.ZONE));
    }

    public Optional<RoyaltyGenre> genre(long id) {
        return genres.stream().filter(g -> g.id() == id).findFirst();
    }

    /** The genre an item of this classification genre is first offered (the first of the table when none matches). */
    public Optional<RoyaltyGenre> usualFor(@Nullable String classificationGenre) {
        return genres.stream().filter(g -> classificationGenre != null && classificationGenre.equals(g.usualFor())).findFirst()
                .or(() -> genres.stream().findFirst());
    }
}
