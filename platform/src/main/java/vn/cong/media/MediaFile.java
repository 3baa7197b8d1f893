package vn.cong.media;

/** A stored upload: where the public can fetch it and what it is. */
public record MediaFile(long id, String url, String originalName, String contentType, long sizeBytes, String sha256) {
}
