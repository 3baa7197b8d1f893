package vn.cong.admin.sections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

import java.util.ArrayList;
import java.util.List;

/** A dragged section list: its siblings' ids in their new order ({@code order}, comma-separated) and the one moved. */
@Serdeable
record SectionOrderForm(@Nullable String order, @Nullable String moved, @Nullable String csrfToken) implements CsrfForm {

    /** The ids as sent; anything not a number makes the list empty, which the service refuses. */
    List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (String part : (order == null ? "" : order).split(",")) {
            try {
                ids.add(Long.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return ids;
    }

    @Nullable
    Long movedId() {
        try {
            return moved == null ? null : Long.valueOf(moved.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
