package vn.cong.admin.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.kinds.KindForms;
import vn.cong.engagement.Unit;
import vn.cong.web.CsrfForm;

/** The unit form as typed (kept as text, so a bad value comes back as it was typed). */
@Serdeable
record UnitForm(@Nullable String id, @Nullable String parentId, @Nullable String name, @Nullable String duties, @Nullable String position,
                @Nullable String headName, @Nullable String focalAccountId, @Nullable String email, @Nullable String suppliesItems,
                @Nullable String outside, @Nullable String csrfToken) implements CsrfForm {

    static UnitForm empty() {
        return new UnitForm("", "", "", "", "", "", "", "", "on", null, null);
    }

    static UnitForm of(Unit u) {
        return new UnitForm(String.valueOf(u.id()), u.parentId() == null ? "" : u.parentId().toString(), u.name(), u.duties(),
                String.valueOf(u.position()), u.headName(), u.focalAccountId() == null ? "" : u.focalAccountId().toString(), u.email(),
                u.suppliesItems() ? "on" : null, u.outside() ? "on" : null, null);
    }

    Unit unit() {
        return new Unit(number(id), number(parentId), KindForms.orEmpty(name), KindForms.orEmpty(duties), positionNumber(),
                KindForms.orEmpty(headName), number(focalAccountId), KindForms.orEmpty(email), suppliesItems != null, outside != null);
    }

    public boolean supplies() {
        return suppliesItems != null;
    }

    public boolean isOutside() {
        return outside != null;
    }

    private int positionNumber() {
        try {
            return position == null || position.isBlank() ? 0 : Integer.parseInt(position.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Nullable
    private static Long number(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
