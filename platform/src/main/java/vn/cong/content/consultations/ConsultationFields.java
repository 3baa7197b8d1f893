package vn.cong.content.consultations;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/** A draft for public consultation's own fields: the comment window and where comments go. */
public record ConsultationFields(@Nullable OffsetDateTime opensAt, @Nullable OffsetDateTime closesAt, String commentEmail,
                                 String commentAddress) {
}
