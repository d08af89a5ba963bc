package org.crmbench.server;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.jooq.Field;

/**
 * A user row as JSON, nested as Django REST framework would: the user's fields, then "address"
 * and "relationship" objects. Names come from the generated tables; decimals are strings (as DRF
 * renders them), timestamps ISO-8601 in UTC.
 */
final class UserJson {
    /** Field names, JSON-encoded once; null marks a column left out (the child tables' user_id). */
    private static final SerializedString[] USER = names(APP_USER.fields(), false);

    private static final SerializedString[] ADDRESS_FIELDS = names(ADDRESS.fields(), true);
    private static final SerializedString[] RELATIONSHIP_FIELDS = names(CUSTOMER_RELATIONSHIP.fields(), true);
    private static final SerializedString ADDRESS_NAME = new SerializedString("address");
    private static final SerializedString RELATIONSHIP_NAME = new SerializedString("relationship");

    private UserJson() {}

    /** {@code row} holds the values of UserQueries.columns(): user, address, relationship. */
    static void write(JsonGenerator json, Object[] row) throws IOException {
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
}
