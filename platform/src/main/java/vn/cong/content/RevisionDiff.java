package vn.cong.content;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two revisions side by side, line by line, with the changed words marked. Lines are the title, the
 * summary and the body broken after each block (paragraph, heading, list item…): either the words readers
 * see ({@link #betweenTexts}) or the HTML source, so a changed tag shows as well as changed text ({@link #between}). Every line is HTML-escaped before the {@code <del>} and
 * {@code <ins>} marks are added: the result is safe to insert into a page as it is.
 */
public final class RevisionDiff {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)(?<=</(p|h[1-6]|li|ul|ol|blockquote|table|tr|figure|div)>|<br\\s*/?>)");
    private static final Pattern IMAGE = Pattern.compile("(?i)<img\\b[^>]*>");
    private static final Pattern ALT = Pattern.compile("(?i)\\balt=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(RevisionDiff::escape)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private RevisionDiff() {
    }

    /** One row: the old and the new line (escaped, with marks) and whether they differ. */
    public record Row(String oldLine, String newLine, String kind) {
    }

    /** The text of a revision that is compared. */
    public record Text(String title, String summary, String bodyHtml) {
    }

    /** The HTML source of the two revisions compared, a changed tag showing as well as changed text. */
    public static List<Row> between(Text older, Text newer) {
        return rows(lines(older, UnaryOperator.identity()), lines(newer, UnaryOperator.identity()));
    }

    /**
     * The text readers see compared (words added and removed), tags left out: each block of the body is one line of
     * its words, a picture shows as its description ({@code [Ảnh: …]}) so a changed picture still shows.
     */
    public static List<Row> betweenTexts(Text older, Text newer) {
        return rows(lines(older, RevisionDiff::readerText), lines(newer, RevisionDiff::readerText));
    }

    private static List<Row> rows(List<String> older, List<String> newer) {
        return GENERATOR.generateDiffRows(older, newer).stream()
                .map(r -> new Row(r.getOldLine(), r.getNewLine(), kind(r.getTag())))
                .toList();
    }

    private static List<String> lines(Text t, UnaryOperator<String> shown) {
        List<String> lines = new ArrayList<>(List.of(t.title(), t.summary()));
        Arrays.stream(BLOCK_END.split(t.bodyHtml().replace("\r", ""))).map(String::strip).filter(s -> !s.isEmpty())
                .flatMap(s -> Arrays.stream(s.split("\n"))).map(shown).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(lines::add);
        return lines;
    }

    /** A line of sanitised HTML as words: pictures by their description, tags dropped, character references decoded. */
    static String readerText(String html) {
        String pictures = IMAGE.matcher(html).replaceAll(m -> {
            Matcher alt = ALT.matcher(m.group());
            return Matcher.quoteReplacement(" [Ảnh: " + (alt.find() ? alt.group(1) : "") + "] ");
        });
        String words = TAG.matcher(pictures).replaceAll(" ");
        return ENTITY.matcher(words).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1)))).replaceAll("\\s+", " ").strip();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int code = entity.startsWith("#x") || entity.startsWith("#X") ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
            }
        };
    }

    private static String kind(DiffRow.Tag tag) {
        return switch (tag) {
            case EQUAL -> "equal";
            case CHANGE -> "change";
            case DELETE -> "delete";
            case INSERT -> "insert";
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
