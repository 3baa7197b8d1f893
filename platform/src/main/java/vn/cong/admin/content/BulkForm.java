package vn.cong.admin.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bulk action as posted from a content list: the button pressed ({@code thaotac}), the rows checked ({@code chon},
 * each "id:version", the version the person saw), and the list to go back to ({@code danhsach}, {@code loc}).
 */
@Serdeable
record BulkForm(@Nullable String csrfToken, @Nullable String thaotac, @Nullable List<String> chon, @Nullable String danhsach,
                @Nullable String loc) implements CsrfForm {

    /** More rows than a page holds are not sent by the list; a longer request is refused whole. */
    static final int MAX_ROWS = 200;
    private static final Pattern SELECTION = Pattern.compile("^([1-9][0-9]{0,17}):([0-9]{1,9})$");

    /** One checked row. */
    record Selection(long id, int version) {
    }

    /** The rows checked, in the order shown; empty when one of them is not "id:version". */
    Optional<List<Selection>> selections() {
        List<Selection> out = new ArrayList<>();
        for (String s : chon == null ? List.<String>of() : chon) {
            Matcher m = SELECTION.matcher(s == null ? "" : s.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            out.add(new Selection(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.of(out);
    }
}
