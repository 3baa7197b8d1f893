package vn.cong.themes;

/** A theme's static file held in memory, with its gzip form when compressing pays off. */
public record StaticAsset(String contentType, byte[] plain, byte[] gzip) {
}
