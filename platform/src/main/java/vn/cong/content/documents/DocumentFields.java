package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a legal or directive document has beyond an item's title and text: number and symbol (số,
 * ký hiệu), type, issuing body, signer, dates, status, the document that replaces it, and its entry in
 * the national legal database (Cơ sở dữ liệu quốc gia về văn bản pháp luật): identifier and link.
 */
public record DocumentFields(String number, String typeCode, String issuer, String signer, @Nullable LocalDate issuedOn,
                             @Nullable LocalDate effectiveOn, @Nullable LocalDate expiresOn, DocumentStatus status,
                             @Nullable Long replacedBy, @Nullable String nationalId, @Nullable String nationalUrl) {

    /** A document not (yet) linked to the national legal database. */
    public DocumentFields(String number, String typeCode, String issuer, String signer, @Nullable LocalDate issuedOn,
                          @Nullable LocalDate effectiveOn, @Nullable LocalDate expiresOn, DocumentStatus status,
                          @Nullable Long replacedBy) {
        this(number, typeCode, issuer, signer, issuedOn, effectiveOn, expiresOn, status, replacedBy, null, null);
    }
}
