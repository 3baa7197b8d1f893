package vn.cong.content;

/** An item after a save or a state change: the version to send with the next edit. */
public record SavedItem(long id, int version, String state) {
}
