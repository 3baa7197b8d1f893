package vn.cong.site;

/** A member portal in the ministry's directory: hosted here, or an independent site only linked. */
public record MemberLink(String name, String url, String host) {
}
