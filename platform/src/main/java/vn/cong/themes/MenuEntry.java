package vn.cong.themes;

/** A top-level section's place in the portal's main menu, as a theme version arranges it. */
public record MenuEntry(long sectionId, boolean shown) {
}
