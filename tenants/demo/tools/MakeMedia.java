import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.font.*;
import javax.imageio.*;
import javax.imageio.stream.*;
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import java.util.zip.*;

/** Makes the demo's cover images (abstract drawings) and its PDF/DOCX attachments. */
public class MakeMedia {
    static Path out;
    public static void main(String[] a) throws Exception {
        out = Path.of(a[0]);
        Files.createDirectories(out);
        image("techfest.jpg", new Color(0x0b4f8a), new Color(0x2aa198), 1);
        image("ban-dan.jpg", new Color(0x2b2b52), new Color(0x9b59b6), 3);
        image("doanh-nghiep.jpg", new Color(0x7a3e0d), new Color(0xe0a030), 4);
        image("hoi-thao.jpg", new Color(0x15503a), new Color(0x52c47f), 5);
        image("giai-thuong.jpg", new Color(0x8a1c1c), new Color(0xf1c40f), 6);
        image("nafosted-tai-tro.jpg", new Color(0x1d3557), new Color(0xa8dadc), 7);
        diagram("so-do-ket-noi-du-lieu.tif");
        String[][] docs = {
            {"12-2026-TT-BKHCN", "THÔNG TƯ số 12/2026/TT-BKHCN", "Quy định quản lý nhiệm vụ khoa học và công nghệ cấp quốc gia sử dụng ngân sách nhà nước"},
            {"2815-QD-BKHCN", "QUYẾT ĐỊNH số 2815/QĐ-BKHCN", "Ban hành Kế hoạch chuyển đổi số của Bộ Khoa học và Công nghệ năm 2027"},
            {"05-CT-BKHCN", "CHỈ THỊ số 05/CT-BKHCN", "Về tăng cường bảo đảm an toàn thông tin mạng trong các đơn vị thuộc Bộ"},
            {"08-2019-TT-BKHCN", "THÔNG TƯ số 08/2019/TT-BKHCN", "Hướng dẫn đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp quốc gia"},
            {"1120-KH-BKHCN", "KẾ HOẠCH số 1120/KH-BKHCN", "Cung cấp thông tin trên Cổng thông tin điện tử của Bộ năm 2026"},
            {"3456-BKHCN-KHTC", "CÔNG VĂN số 3456/BKHCN-KHTC", "Hướng dẫn báo cáo thống kê khoa học và công nghệ năm 2026"},
            {"du-thao-thong-tu-ptntd", "DỰ THẢO THÔNG TƯ", "Quy định quản lý phòng thí nghiệm trọng điểm quốc gia"},
            {"du-thao-nghi-dinh-quy-khcn", "DỰ THẢO NGHỊ ĐỊNH", "Cơ chế khuyến khích doanh nghiệp đầu tư cho khoa học và công nghệ"},
            {"quy-dinh-tai-tro-nafosted-2026", "QUYẾT ĐỊNH số 45/QĐ-NAFOSTED", "Ban hành Quy định tài trợ nghiên cứu cơ bản năm 2026"},
        };
        for (String[] d : docs) {
            pdf(d[0] + ".pdf", d[1], d[2]);
            docx(d[0] + ".docx", d[1], d[2]);
        }
    }

    static void image(String name, Color a, Color b, int seed) throws IOException {
        int w = 1200, h = 675;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, a, w, h, b));
        g.fillRect(0, 0, w, h);
        Random r = new Random(seed);
        for (int i = 0; i < 28; i++) {
            g.setColor(new Color(255, 255, 255, 18 + r.nextInt(40)));
            int s = 40 + r.nextInt(260);
            int x = r.nextInt(w), y = r.nextInt(h);
            switch ((seed + i) % 3) {
                case 0 -> g.fill(new Ellipse2D.Double(x - s / 2.0, y - s / 2.0, s, s));
                case 1 -> g.fill(new RoundRectangle2D.Double(x, y, s * 1.4, s * 0.6, 24, 24));
                default -> { g.setStroke(new BasicStroke(3 + r.nextInt(6))); g.draw(new Line2D.Double(x, y, x + s * 2, y - s)); }
            }
        }
        g.setColor(new Color(255, 255, 255, 60));
        for (int i = 0; i < 12; i++) {
            int x = 80 + i * 90;
            g.fill(new Ellipse2D.Double(x, h - 140 - (i * 37 % 90), 18, 18));
            if (i > 0) { g.setStroke(new BasicStroke(2)); g.draw(new Line2D.Double(x - 81, h - 131 - ((i - 1) * 37 % 90), x + 9, h - 131 - (i * 37 % 90))); }
        }
        g.dispose();
        ImageWriter wr = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam p = wr.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.82f);
        try (ImageOutputStream os = ImageIO.createImageOutputStream(out.resolve(name).toFile())) {
            wr.setOutput(os);
            wr.write(null, new IIOImage(img, null, null), p);
        }
    }

    /**
     * A flat-coloured diagram saved as a two-page TIFF (the second page a smaller sketch), as a scanner or an office
     * drawing tool would: the platform converts it on upload (to PNG, few colours) and keeps the first page.
     */
    static void diagram(String name) throws IOException {
        BufferedImage first = diagramPage(1200, 675);
        BufferedImage second = diagramPage(400, 300);
        ImageWriter wr = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam p = wr.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("Deflate");
        Files.deleteIfExists(out.resolve(name));
        try (ImageOutputStream os = ImageIO.createImageOutputStream(out.resolve(name).toFile())) {
            wr.setOutput(os);
            wr.prepareWriteSequence(null);
            wr.writeToSequence(new IIOImage(first, null, null), p);
            wr.writeToSequence(new IIOImage(second, null, null), p);
            wr.endWriteSequence();
        }
    }

    static BufferedImage diagramPage(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xf4f7fb));
        g.fillRect(0, 0, w, h);
        Color[] boxes = {new Color(0x123456), new Color(0x1f6fb2), new Color(0x2aa198), new Color(0xc0392b), new Color(0xe0a030)};
        int cx = w * 7 / 10, cy = h / 3, r = h / 8;   // the shared data hub sits right of centre: the focal point's business
        g.setStroke(new BasicStroke(Math.max(2, w / 300f)));
        for (int i = 0; i < boxes.length; i++) {
            int bx = w / 20 + i * (w / 6), by = h * 3 / 4;
            g.setColor(new Color(0x7f8c9d));
            g.drawLine(bx + w / 20, by, cx, cy);
            g.setColor(boxes[i]);
            g.fillRect(bx, by, w / 10, h / 10);
        }
        g.setColor(new Color(0x123456));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.dispose();
        return img;
    }

    static void pdf(String name, String heading, String title) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font regular = PDType0Font.load(doc, new File("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"));
            PDType0Font bold = PDType0Font.load(doc, new File("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                line(cs, bold, 11, 60, 790, "BỘ KHOA HỌC VÀ CÔNG NGHỆ");
                line(cs, bold, 11, 320, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                line(cs, regular, 11, 350, 774, "Độc lập - Tự do - Hạnh phúc");
                line(cs, bold, 14, 60, 700, heading);
                int y = 676;
                for (String part : wrap(title, 70)) { line(cs, bold, 12, 60, y, part); y -= 18; }
                y -= 20;
                String[] body = {
                    "Văn bản mẫu dùng cho bản trình diễn của nền tảng Cổng.",
                    "Nội dung, số hiệu và người ký là hư cấu, không có giá trị pháp lý.",
                    "Tệp này được tạo tự động để minh họa tệp đính kèm của văn bản."};
                for (String s : body) { line(cs, regular, 11, 60, y, s); y -= 16; }
            }
            doc.getDocumentInformation().setTitle(heading);
            doc.save(out.resolve(name).toFile());
        }
    }

    static void line(PDPageContentStream cs, PDFont f, float size, float x, float y, String s) throws IOException {
        cs.beginText(); cs.setFont(f, size); cs.newLineAtOffset(x, y); cs.showText(s); cs.endText();
    }

    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : s.split(" ")) {
            if (cur.length() + w.length() + 1 > width && cur.length() > 0) { lines.add(cur.toString()); cur.setLength(0); }
            if (cur.length() > 0) cur.append(' ');
            cur.append(w);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }

    static void docx(String name, String heading, String title) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        parts.put("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
        parts.put("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>%s</w:t></w:r></w:p>
            <w:p><w:r><w:t>%s</w:t></w:r></w:p>
            <w:p><w:r><w:t>Văn bản mẫu dùng cho bản trình diễn của nền tảng Cổng; nội dung là hư cấu.</w:t></w:r></w:p>
            </w:body></w:document>""".formatted(heading, title));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out.resolve(name)))) {
            for (var e : parts.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }
}
