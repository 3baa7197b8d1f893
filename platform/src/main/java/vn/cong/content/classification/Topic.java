package vn.cong.content.classification;

import io.micronaut.serde.annotation.Serdeable;

/** A topic of the tenant's list (chủ đề tin/bài). */
@Serdeable
public record Topic(long id, String name, int position) {
}
