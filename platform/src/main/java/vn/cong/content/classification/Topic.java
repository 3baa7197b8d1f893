package vn.cong.content.classification;

import io.micronaut.serde.annotation.Serdeable;

/** A topic of the tenant's list (chủ đề tin/bài); a retired one is no longer offered, items keep it. */
@Serdeable
public record Topic(long id, String name, int position, String nameEn, boolean retired) {

    /** How a picker names it: a retired topic (kept on an item) says so. */
    public String choiceLabel() {
        return retired ? name + " (ngừng sử dụng)" : name;
    }
}
