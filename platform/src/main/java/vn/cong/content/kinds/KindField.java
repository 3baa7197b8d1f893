package vn.cong.content.kinds;

import io.micronaut.core.annotation.Nullable;

/**
 * One field of a content kind's staff form, declared once: its name (the form parameter and the key
 * of its value and error), how it is entered, whether it is required, its label in Vietnamese and
 * English and an optional hint. The item fields every kind shares are the constants below; a kind
 * lists them among its own in the order its form shows them.
 */
public record KindField(String name, Type type, boolean required, String labelVi, String labelEn, @Nullable String hint,
                        int rows, @Nullable String empty, String initial) {

    /** How a field is entered. */
    public enum Type {
        TEXT("text"), DATE("date"), DATE_TIME("datetime-local"), EMAIL("email"), URL("url"),
        /** Several lines of plain text. */
        AREA("textarea"),
        /** A drop-down whose choices the kind gives per tenant ({@link ContentKind#choices}). */
        SELECT("select"),
        /** The item's language: Vietnamese or English. */
        LANGUAGE("radio"),
        /** Rich text (a WYSIWYG editor in the browser), sanitised on save. */
        RICH("textarea");

        private final String input;

        Type(String input) {
            this.input = input;
        }

        /** The {@code type} of the {@code <input>} (or the element) that enters it. */
        public String input() {
            return input;
        }
    }

    public static final KindField TITLE = text("title", "Tiêu đề", "Title").mandatory();
    public static final KindField SLUG = text("slug", "Đường dẫn", "Address")
            .hint("Để trống để tạo từ tiêu đề (chữ thường không dấu, nối bằng dấu gạch ngang).");
    public static final KindField LANGUAGE = new KindField("language", Type.LANGUAGE, false, "Ngôn ngữ", "Language", null, 0, null, "vi");
    public static final KindField SUMMARY = area("summary", "Tóm tắt", "Summary", 3);
    public static final KindField BODY = new KindField("body", Type.RICH, false, "Nội dung", "Text", null, 14, null, "");

    public static KindField text(String name, String labelVi, String labelEn) {
        return new KindField(name, Type.TEXT, false, labelVi, labelEn, null, 0, null, "");
    }

    public static KindField area(String name, String labelVi, String labelEn, int rows) {
        return new KindField(name, Type.AREA, false, labelVi, labelEn, null, rows, null, "");
    }

    /** A drop-down; {@code empty} is the label of its "nothing chosen" entry, null for none. */
    public static KindField select(String name, String labelVi, String labelEn, @Nullable String empty) {
        return new KindField(name, Type.SELECT, false, labelVi, labelEn, null, 0, empty, "");
    }

    public KindField as(Type newType) {
        return new KindField(name, newType, required, labelVi, labelEn, hint, rows, empty, initial);
    }

    public KindField mandatory() {
        return new KindField(name, type, true, labelVi, labelEn, hint, rows, empty, initial);
    }

    public KindField hint(String text) {
        return new KindField(name, type, required, labelVi, labelEn, text, rows, empty, initial);
    }

    public KindField label(String vi, String en) {
        return new KindField(name, type, required, vi, en, hint, rows, empty, initial);
    }

    /** The value a new item's form starts with. */
    public KindField initially(String value) {
        return new KindField(name, type, required, labelVi, labelEn, hint, rows, empty, value);
    }

    public boolean rich() {
        return type == Type.RICH;
    }
}
