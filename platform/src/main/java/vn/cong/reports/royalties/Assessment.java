package vn.cong.reports.royalties;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.VietnamTime;
import vn.cong.workflow.ItemState;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A published item with its royalty, as the assessment screen and the statement read it. {@code author} and
 * {@code unit} are who the royalty goes to: the outside author and unit when the head named them, otherwise the
 * account that wrote the item (or the submitter of an imported one) and the submitting unit (or the author's own).
 * {@code genreId} is null while the item has not been assessed.
 */
public record Assessment(long itemId, String title, String state, OffsetDateTime publishedAt, @Nullable String origin,
                         @Nullable String classificationGenre, String author, String unit, @Nullable Long genreId,
                         @Nullable String genreName, @Nullable BigDecimal units, @Nullable BigDecimal coefficient, long amountVnd,
                         String authorName, String authorUnit) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public boolean assessed() {
        return genreId != null;
    }

    public boolean takenDown() {
        return !ItemState.PUBLISHED.db().equals(state);
    }

    public String stateLabel() {
        return ItemState.labelOf(state);
    }

    public String publishedText() {
        return DAY.format(publishedAt.atZoneSameInstant(VietnamTime.ZONE));
    }

    public String unitsText() {
        return units == null ? "" : Vnd.decimal(units);
    }

    public String coefficientText() {
        return coefficient == null ? "" : Vnd.decimal(coefficient);
    }

    /** Who the statement pays for this work. */
    public String payee() {
        return RoyaltyStatement.author(this);
    }

    /** The unit the statement counts this work under. */
    public String payeeUnit() {
        return RoyaltyStatement.unit(this);
    }

    public String amountText() {
        return Vnd.format(amountVnd);
    }
}
