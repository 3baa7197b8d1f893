package vn.cong.content;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two revisions side by side, line by line, with the changed words marked. Lines are the title, the
 * summary and the body's HTML source broken after each block (paragraph, heading, list item…), so a
 * changed tag shows as well as changed text. Every line is HTML-escaped before the {@code <del>} and
 * {@code <ins>} marks are added: the result is safe to insert into a page as it is.
 */
public final class RevisionDiff {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)(?<=</(p|h[1-6]|li|ul|ol|blockquote|table|tr|figure|div)>|<br\\s*/?>)");
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

    public static List<Row> between(Text older, Text newer) {
        return GENERATOR.generateDiffRows(lines(older), lines(newer)).stream()
                .map(r -> new Row(r.getOldLine(), r.getNewLine(), kind(r.getTag())))
                .toList();
    }

    private static List<String> lines(Text t) {
        List<String> lines = new ArrayList<>(List.of(t.title(), t.summary()));
        Arrays.stream(BLOCK_END.split(t.bodyHtml().replace("\r", ""))).map(String::strip).filter(s -> !s.isEmpty())
                .flatMap(s -> Arrays.stream(s.split("\n"))).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(lines::add);
        return lines;
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
