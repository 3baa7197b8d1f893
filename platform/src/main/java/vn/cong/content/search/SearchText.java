package vn.cong.content.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader's words as search handles them, in Java as the database does in SQL
 * ({@code extensions.search_text}): lower case, without diacritics, "đ" as "d". Also cuts a result's
 * snippet around the words found, as segments a template prints with their marks (never as HTML).
 */
public final class SearchText {

    /** Longer queries are cut here: no reader types more, and the database never sees more. */
    public static final int MAX_QUERY = 200;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SearchText() {
    }

    /** A piece of a snippet; {@code mark} when it is one of the words searched for. */
    public record Segment(String text, boolean mark) {
    }

    /** The query as it is searched: NFC, spaces collapsed, at most {@link #MAX_QUERY} characters. */
    public static String bounded(String typed) {
        if (typed == null) {
            return "";
        }
        String s = SPACE.matcher(Normalizer.normalize(typed, Normalizer.Form.NFC)).replaceAll(" ").strip();
        if (s.length() > MAX_QUERY) {
            s = s.substring(0, MAX_QUERY);
            if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** Whether the query has anything to search for (a letter or a digit). */
    public static boolean hasWords(String query) {
        return WORD.matcher(query).find();
    }

    /**
     * The query's words of at least two letters or digits, longest first, at most eight: what the typo
     * fallback compares one by one.
     */
    static String[] words(String query) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            if (m.group().length() >= 2) {
                words.add(m.group());
            }
        }
        return words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(8).toArray(String[]::new);
    }

    /** "Đào TẠO" → "dao tao". */
    public static String fold(String s) {
        String noMarks = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return noMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** The folded words a snippet marks: the query's words, except those it excludes ({@code -word}). */
    static Set<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String part : query.split("\\s+")) {
            if (part.startsWith("-")) {
                continue;
            }
            Matcher m = WORD.matcher(part);
            while (m.find()) {
                String w = fold(m.group());
                if (!w.equals("or")) {
                    terms.add(w);
                }
            }
        }
        return terms;
    }

    /**
     * About {@code length} characters of {@code text} around the first word of {@code terms}, cut at
     * word boundaries with "…" where text was left out, the words of {@code terms} marked.
     */
    static List<Segment> snippet(String text, Set<String> terms, int length) {
        String t = SPACE.matcher(text).replaceAll(" ").strip();
        int first = -1;
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            if (terms.contains(fold(m.group()))) {
                first = m.start();
                break;
            }
        }
        int start = first <= length / 4 ? 0 : wordStart(t, first - length / 4);
        int end = Math.min(t.length(), start + length);
        if (end < t.length()) {
            int space = t.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        List<Segment> out = new ArrayList<>();
        if (start > 0) {
            out.add(new Segment("… ", false));
        }
        String window = t.substring(start, end);
        Matcher w = WORD.matcher(window);
        int at = 0;
        while (w.find()) {
            if (terms.contains(fold(w.group()))) {
                if (w.start() > at) {
                    out.add(new Segment(window.substring(at, w.start()), false));
                }
                out.add(new Segment(w.group(), true));
                at = w.end();
            }
        }
        if (at < window.length()) {
            out.add(new Segment(window.substring(at), false));
        }
        if (end < t.length()) {
            out.add(new Segment(" …", false));
        }
        return out;
    }

    private static int wordStart(String t, int from) {
        int space = t.indexOf(' ', from);
        return space < 0 ? from : space + 1;
    }
}
