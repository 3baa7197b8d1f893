package vn.cong.site;

/** One numbered page link. */
public record PageLink(int number, String url, boolean current) {
}
