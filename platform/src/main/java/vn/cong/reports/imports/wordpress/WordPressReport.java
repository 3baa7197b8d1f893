package vn.cong.reports.imports.wordpress;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a WordPress import did, or (dry run) would do: the counts, and one entry for every thing in the file that
 * was imported, left as it was, skipped or could not be done, with the line of the file it starts on. A refused
 * file has one entry: the line where it is broken; nothing was written.
 */
@Serdeable
public record WordPressReport(boolean dryRun, boolean refused, String site, String version, Counts counts, List<Entry> entries) {

    /** {@code outcome}: imported, unchanged, skipped, failed or refused. */
    @Serdeable
    public record Entry(int line, String subject, String outcome, String note) {

        public String outcomeLabel() {
            return switch (outcome) {
                case "imported" -> "nhập";
                case "unchanged" -> "đã có, giữ nguyên";
                case "skipped" -> "bỏ qua";
                case "failed" -> "không được";
                default -> "từ chối";
            };
        }
    }

    /**
     * @param posts      posts imported as articles (published or kept as drafts)
     * @param drafts     of those, the ones not public (draft, pending, private or scheduled in WordPress)
     * @param pages      pages imported as about pages
     * @param unchanged  posts and pages imported before, left as they are
     * @param skipped    entries not imported (pages no slug table line names, menus, revisions, trash, …)
     * @param sections   sections created from categories
     * @param authors    inactive accounts created for authors
     * @param media      files downloaded into the media library
     * @param mediaFailed files that could not be downloaded
     * @param redirects  old addresses added as redirects
     */
    @Serdeable
    public record Counts(int posts, int drafts, int pages, int unchanged, int skipped, int sections, int authors, int media,
                         int mediaFailed, int redirects) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static WordPressReport refused(boolean dryRun, int line, String message) {
        return new WordPressReport(dryRun, true, "", "", Counts.NONE, List.of(new Entry(line, "Tệp", "refused", message)));
    }

    /** Whether the import changed (or, dry run, would change) anything in the tenant. */
    public boolean changed() {
        Counts c = counts;
        return !refused && c.posts() + c.pages() + c.sections() + c.authors() + c.media() + c.redirects() > 0;
    }

    /** One Vietnamese sentence for the console and the command line. */
    public String summary() {
        if (refused) {
            return "Tệp bị từ chối, không có gì được ghi.";
        }
        Counts c = counts;
        if (!changed()) {
            return (dryRun ? "Chạy thử: " : "") + "Không có gì thay đổi: mọi nội dung của tệp đã được nhập trước đây (" + c.unchanged()
                    + " bài và trang giữ nguyên, " + c.skipped() + " mục bỏ qua" + (c.mediaFailed() > 0 ? ", " + c.mediaFailed() + " tệp không tải được" : "") + ").";
        }
        return (dryRun ? "Chạy thử (chưa ghi gì): sẽ nhập " : "Đã nhập ") + c.posts() + " bài viết (" + c.drafts() + " chưa công khai), "
                + c.pages() + " trang giới thiệu, " + c.sections() + " chuyên mục mới, " + c.authors() + " tài khoản tác giả (chưa kích hoạt), "
                + c.media() + " tệp ảnh, " + c.redirects() + " địa chỉ cũ chuyển hướng; " + c.unchanged() + " giữ nguyên, "
                + c.skipped() + " bỏ qua, " + c.mediaFailed() + " tệp không tải được.";
    }
}
