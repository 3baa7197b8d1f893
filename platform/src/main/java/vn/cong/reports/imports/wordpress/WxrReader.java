package vn.cong.reports.imports.wordpress;

import vn.cong.system.VietnamTime;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a WordPress export file as a stream (StAX), one element at a time, so a large site never sits in memory as a
 * tree. DTDs and external entities are switched off, and a file that declares a DTD is refused outright: a WordPress
 * export never has one, and one is how an XML file reaches for local files or the network (XXE). Any malformed
 * XML is refused with the line the parser stopped at.
 */
final class WxrReader {

    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final DateTimeFormatter WP_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private WxrReader() {
    }

    static WxrExport read(InputStream in) throws WxrRefused {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            return channel(r);
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : r == null ? 1 : r.getLocation().getLineNumber();
            throw new WxrRefused(Math.max(1, line), "Tệp XML hỏng: " + parserMessage(e) + " Không có gì được ghi.");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the file is read to its end or refused already; closing only frees the parser
                }
            }
        }
    }

    private static WxrExport channel(XMLStreamReader r) throws XMLStreamException, WxrRefused {
        String version = "";
        String siteUrl = "";
        String blogUrl = "";
        String title = "";
        int versionLine = 1;
        boolean root = false;
        List<WxrExport.Author> authors = new ArrayList<>();
        List<WxrExport.Category> categories = new ArrayList<>();
        List<WxrExport.Entry> entries = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new WxrRefused(line(r), "Tệp có khai báo DTD (<!DOCTYPE …>): bản xuất của WordPress không có, nên cổng không đọc tệp này.");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new WxrRefused(line(r), "Tệp dùng thực thể «&" + r.getLocalName() + ";» không được khai báo.");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            boolean wp = wp(r);
            if (!root) {
                if (!name.equals("rss")) {
                    throw new WxrRefused(line(r), "Không phải tệp xuất của WordPress (WXR): phần tử gốc là <" + name + ">, cần <rss>.");
                }
                root = true;
            } else if (name.equals("channel")) {
                continue;
            } else if (wp && name.equals("wxr_version")) {
                versionLine = line(r);
                version = r.getElementText().strip();
            } else if (wp && name.equals("base_site_url")) {
                siteUrl = r.getElementText().strip();
            } else if (wp && name.equals("base_blog_url")) {
                blogUrl = r.getElementText().strip();
            } else if (!wp && name.equals("title")) {
                title = r.getElementText().strip();
            } else if (wp && name.equals("author")) {
                authors.add(author(r));
            } else if (wp && name.equals("category")) {
                categories.add(category(r));
            } else if (name.equals("item")) {
                entries.add(item(r));
            } else {
                skip(r);
            }
        }
        if (version.isEmpty()) {
            throw new WxrRefused(1, "Không thấy <wp:wxr_version>: tệp không phải bản xuất của WordPress (Công cụ → Xuất).");
        }
        if (!VERSIONS.contains(version)) {
            throw new WxrRefused(versionLine, "Phiên bản WXR «" + version + "» chưa được hỗ trợ (cổng đọc WXR 1.0, 1.1 và 1.2).");
        }
        return new WxrExport(version, blogUrl.isEmpty() ? siteUrl : blogUrl, title, authors, categories, entries);
    }

    private static WxrExport.Author author(XMLStreamReader r) throws XMLStreamException {
        int line = line(r);
        Map<String, String> f = leaves(r);
        return new WxrExport.Author(line, f.getOrDefault("author_login", ""), f.getOrDefault("author_email", ""),
                f.getOrDefault("author_display_name", ""));
    }

    private static WxrExport.Category category(XMLStreamReader r) throws XMLStreamException {
        int line = line(r);
        Map<String, String> f = leaves(r);
        return new WxrExport.Category(line, number(f.get("term_id")), decode(f.getOrDefault("category_nicename", "")),
                f.getOrDefault("cat_name", ""), decode(f.getOrDefault("category_parent", "")));
    }

    /** The text of each child element of a flat element ({@code <wp:author>}, {@code <wp:category>}), by local name. */
    private static Map<String, String> leaves(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            fields.put(r.getLocalName(), r.getElementText().strip());
        }
        return fields;
    }

    private static WxrExport.Entry item(XMLStreamReader r) throws XMLStreamException {
        int line = line(r);
        Map<String, String> f = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (name.equals("category")) {
                String domain = r.getAttributeValue(null, "domain");
                String nicename = r.getAttributeValue(null, "nicename");
                String text = r.getElementText().strip();
                if (domain == null || domain.equals("category")) {
                    categories.add(nicename == null ? text : decode(nicename));
                }
            } else if (name.equals("postmeta")) {
                Map<String, String> m = leaves(r);
                meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else if (name.equals("comment")) {
                skip(r);
            } else if (name.equals("encoded")) {
                f.put(ns.contains("excerpt") ? "excerpt" : "content", r.getElementText());
            } else {
                f.put(name, r.getElementText());
            }
        }
        return new WxrExport.Entry(line, number(f.get("post_id")), text(f, "post_type", "post"), text(f, "status", "publish"),
                text(f, "title", ""), text(f, "link", ""), decode(text(f, "post_name", "")), text(f, "creator", ""),
                f.getOrDefault("content", ""), f.getOrDefault("excerpt", ""), date(f), number(f.get("post_parent")),
                f.containsKey("attachment_url") ? f.get("attachment_url").strip() : null, categories, meta);
    }

    private static String text(Map<String, String> f, String key, String otherwise) {
        String v = f.get(key);
        return v == null || v.isBlank() ? otherwise : v.strip();
    }

    /** The entry's time: GMT when WordPress recorded it, else the local time read as Vietnam time. */
    private static OffsetDateTime date(Map<String, String> f) {
        OffsetDateTime gmt = time(f.get("post_date_gmt"), ZoneOffset.UTC);
        return gmt != null ? gmt : time(f.get("post_date"), null);
    }

    private static OffsetDateTime time(String text, ZoneOffset offset) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.strip(), WP_TIME);
            return offset != null ? local.atOffset(offset) : local.atZone(VietnamTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Skips the element the reader is on, with everything inside it. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean wp(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns != null && ns.startsWith("http://wordpress.org/export/") && !ns.contains("excerpt");
    }

    private static int line(XMLStreamReader r) {
        return r.getLocation().getLineNumber();
    }

    /** WordPress keeps non-ASCII slugs percent-encoded ({@code tin-t%e1%bb%a9c}); {@code +} stays a plus. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String parserMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("Message:");
        String text = (at >= 0 ? m.substring(at + "Message:".length()) : m).strip();
        return text.isEmpty() ? "không đọc được." : text.endsWith(".") ? text : text + ".";
    }
}
