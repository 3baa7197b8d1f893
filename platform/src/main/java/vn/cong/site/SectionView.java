package vn.cong.site;

import java.util.List;

/** The section a section page lists, with its subsections. */
public record SectionView(String title, String url, String description, List<MenuItem> children) {
}
