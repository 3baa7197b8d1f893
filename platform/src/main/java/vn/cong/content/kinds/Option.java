package vn.cong.content.kinds;

/** One choice of a drop-down in a staff form. */
public record Option(String value, String label) {
}
