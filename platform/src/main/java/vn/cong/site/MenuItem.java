package vn.cong.site;

import java.util.List;

/** A menu entry (a section); {@code active} when the page shows it or one of its subsections. */
public record MenuItem(String title, String url, boolean active, List<MenuItem> children) {
}
