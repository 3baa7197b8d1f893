package vn.cong.content.attachments;

import vn.cong.media.SizeText;

/**
 * A file attached to a content item, as lists show it. {@code downloadName} is the unaccented ASCII
 * name the file is offered under; {@code originalName} the name it was uploaded with (display only).
 */
public record Attachment(long id, long itemId, int position, String caption, String originalName, String downloadName,
                         String contentType, String typeLabel, long sizeBytes) {

    /** Where the public downloads it (answers only while the item is public, only on the item's tenant's hosts). */
    public String url() {
        return "/tep-dinh-kem/" + id + "/" + downloadName;
    }

    public String sizeText() {
        return SizeText.of(sizeBytes);
    }

    /** The caption, or the original file name when there is none. */
    public String label() {
        return caption.isBlank() ? originalName : caption;
    }
}
