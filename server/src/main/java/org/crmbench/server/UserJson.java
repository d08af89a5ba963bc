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
import java.sql.Timestamp;
import org.crmbench.query.UserPage;
import org.jooq.Field;

/**
 * A user row as JSON, nested as Django REST framework would: the user's fields, then "address"
 * and "relationship" objects. Names come from the generated tables; decimals are strings (as DRF
 * renders them), timestamps ISO-8601 in UTC.
 */
public final class UserJson {
    /** Field names, JSON-encoded once; null marks a column left out (the child tables' user_id). */
    private static final SerializedString[] USER = names(APP_USER.fields(), false);

    private static final SerializedString[] ADDRESS_FIELDS = names(ADDRESS.fields(), true);
    private static final SerializedString[] RELATIONSHIP_FIELDS = names(CUSTOMER_RELATIONSHIP.fields(), true);
    private static final SerializedString ADDRESS_NAME = new SerializedString("address");
    private static final SerializedString RELATIONSHIP_NAME = new SerializedString("relationship");

    private UserJson() {}

    /** A page in Django REST framework's shape, with count_is_estimate. */
    public static byte[] page(UserPage page, String next, String previous) {
        return json(json -> {
            json.writeStartObject();
            json.writeNumberField("count", page.count().value());
            json.writeBooleanField("count_is_estimate", page.count().estimate());
            json.writeStringField("next", next);
            json.writeStringField("previous", previous);
            json.writeArrayFieldStart("results");
            for (Object[] row : page.rows()) {
                write(json, row);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** One user. */
    public static byte[] user(Object[] row) {
        return json(json -> write(json, row));
    }

    /** {@code row} holds the values of UserQueries.columns(): user, address, relationship. */
    private static void write(JsonGenerator json, Object[] row) throws IOException {
        json.writeStartObject();
        int i = writeFields(json, USER, row, 0);
        json.writeFieldName(ADDRESS_NAME);
        json.writeStartObject();
        i = writeFields(json, ADDRESS_FIELDS, row, i);
        json.writeEndObject();
        json.writeFieldName(RELATIONSHIP_NAME);
        json.writeStartObject();
        writeFields(json, RELATIONSHIP_FIELDS, row, i);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes the named fields of {@code row} from index {@code from}; returns the next index. */
    private static int writeFields(JsonGenerator json, SerializedString[] names, Object[] row, int from)
            throws IOException {
        for (int f = 0; f < names.length; f++) {
            if (names[f] != null) {
                json.writeFieldName(names[f]);
                writeValue(json, row[from + f]);
            }
        }
        return from + names.length;
    }

    private static SerializedString[] names(Field<?>[] fields, boolean child) {
        SerializedString[] names = new SerializedString[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].getName();
            names[i] = child && name.equals("user_id") ? null : new SerializedString(name);
        }
        return names;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Long l -> json.writeNumber(l);
            case Integer n -> json.writeNumber(n);
            case Boolean b -> json.writeBoolean(b);
            case BigDecimal d -> json.writeString(d.toPlainString());
            case Timestamp t -> json.writeString(t.toInstant().toString());
            case java.sql.Date d -> json.writeString(d.toLocalDate().toString());
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
