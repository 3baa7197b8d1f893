package vn.cong.site.feeds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * Conditional GET for what aggregators poll (the JSON feed, the public API): an {@code ETag} from the
 * body's SHA-256 and {@code Last-Modified} from the newest change; {@code If-None-Match} (which wins when
 * both are sent, RFC 9110 §13.2.2) or {@code If-Modified-Since} answered with 304 and no body.
 */
final class ConditionalResponses {

    static final String CACHE_CONTROL = "public, max-age=300";

    private ConditionalResponses() {
    }

    static MutableHttpResponse<?> respond(HttpRequest<?> request, byte[] body, @Nullable OffsetDateTime lastModified, String contentType) {
        String etag = etag(body);
        boolean notModified = request.getHeaders().contains(HttpHeaders.IF_NONE_MATCH)
                ? matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)
                : unchangedSince(request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE), lastModified);
        MutableHttpResponse<?> response = notModified ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(body).contentType(contentType);
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (lastModified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    lastModified.atZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        }
        return response;
    }

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static boolean unchangedSince(@Nullable String ifModifiedSince, @Nullable OffsetDateTime lastModified) {
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !lastModified.toInstant().truncatedTo(ChronoUnit.SECONDS).isAfter(since.toInstant());
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored (RFC 9110 §13.1.3)
        }
    }
}
