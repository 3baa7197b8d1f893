package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a legal or directive document has beyond an item's title and text: number and symbol (số,
 * ký hiệu), type, issuing body, signer, dates, status, and the document that replaces it.
 */
public record DocumentFields(String number, String typeCode, String issuer, String signer, @Nullable LocalDate issuedOn,
                             @Nullable LocalDate effectiveOn, @Nullable LocalDate expiresOn, DocumentStatus status,
                             @Nullable Long replacedBy) {
}
