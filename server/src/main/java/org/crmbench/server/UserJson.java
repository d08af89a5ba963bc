package org.crmbench.server;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.crmbench.query.Count;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRow;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A user row as JSON, nested as Django REST framework would: the user's fields, then "address"
 * and "relationship" objects ({@link #SECTIONS}, which the OpenAPI document describes too).
 * Names come from the generated tables; decimals are strings (as DRF renders them), timestamps
 * ISO-8601 in UTC.
 */
public final class UserJson {
    /**
     * One part of a user's JSON: the top level (name null) or a nested object, with the columns
     * of {@link UserQueries#columns()} it shows, in order. A child table's user_id is left out.
     */
    record Section(String name, Table<?> table, List<Field<?>> fields) {
        private static Section of(String name, Table<?> table) {
            return new Section(
                    name,
                    table,
                    List.of(table.fields()).stream()
                            .filter(f -> name == null || !f.getName().equals("user_id"))
                            .toList());
        }
    }

    static final List<Section> SECTIONS = List.of(
            Section.of(null, APP_USER),
            Section.of("address", ADDRESS),
            Section.of("relationship", CUSTOMER_RELATIONSHIP));

    /** Per section, its fields' names JSON-encoded once and their indexes in a row. */
    private record Encoded(SerializedString name, SerializedString[] names, int[] columns) {}

    private static final List<Encoded> ENCODED = SECTIONS.stream()
            .map(s -> new Encoded(
                    s.name() == null ? null : new SerializedString(s.name()),
                    s.fields().stream()
                            .map(f -> new SerializedString(f.getName()))
                            .toArray(SerializedString[]::new),
                    s.fields().stream()
                            .mapToInt(f -> UserRow.columns().indexOf(f))
                            .toArray()))
            .toList();

    private UserJson() {}

    /** A page in Django REST framework's shape, with count_is_estimate. */
    public static byte[] page(UserPage page, String next, String previous) {
        Count count = page.count()
                .orElseThrow(() -> new IllegalArgumentException("a page past the last one is a 404, not a page"));
        return json(json -> {
            json.writeStartObject();
            json.writeNumberField("count", count.value());
            json.writeBooleanField("count_is_estimate", count.estimate());
            json.writeStringField("next", next);
            json.writeStringField("previous", previous);
            json.writeArrayFieldStart("results");
            for (UserRow row : page.rows()) {
                write(json, row);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** One user. */
    public static byte[] user(UserRow row) {
        return json(json -> write(json, row));
    }

    private static void write(JsonGenerator json, UserRow row) throws IOException {
        json.writeStartObject();
        for (Encoded section : ENCODED) {
            if (section.name() != null) {
                json.writeFieldName(section.name());
                json.writeStartObject();
            }
            for (int f = 0; f < section.names().length; f++) {
                json.writeFieldName(section.names()[f]);
                writeValue(json, row.value(section.columns()[f]));
            }
            if (section.name() != null) {
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Long l -> json.writeNumber(l);
            case Integer n -> json.writeNumber(n);
            case Boolean b -> json.writeBoolean(b);
            case BigDecimal d -> json.writeString(d.toPlainString());
            case OffsetDateTime t -> json.writeString(t.toInstant().toString());
            case LocalDate d -> json.writeString(d.toString());
            default -> json.writeString(value.toString());
        }
    }

    /**
     * Jackson's default buffer recycling is per thread, and every request runs on a new virtual
     * thread: a shared lock-free pool lets buffers be reused across requests.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newLockFreePool())
            .build();

    static byte[] json(JsonWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }
}
