package vn.cong.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/** A JSON request body read as one object, for APIs that list every field error themselves. */
public final class JsonObjects {

    private JsonObjects() {
    }

    /** The body as a map, or null when it is empty or not a JSON object (the caller answers 400). */
    @Nullable
    public static Map<String, Object> read(JsonMapper json, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
