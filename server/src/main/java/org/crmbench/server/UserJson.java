package org.crmbench.server;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.jooq.Field;

/**
 * A user row as JSON, nested as Django REST framework would: the user's fields, then "address"
 * and "relationship" objects. Names come from the generated tables; decimals are strings (as DRF
 * renders them), timestamps ISO-8601 in UTC.
 */
final class UserJson {
    private static final List<Field<?>> USER = List.of(APP_USER.fields());
    private static final List<Field<?>> ADDRESS_FIELDS = List.of(ADDRESS.fields());
    private static final List<Field<?>> RELATIONSHIP_FIELDS = List.of(CUSTOMER_RELATIONSHIP.fields());

    private UserJson() {}

    /** {@code row} holds the values of UserQueries.columns(): user, address, relationship. */
    static void write(JsonGenerator json, Object[] row) throws IOException {
        json.writeStartObject();
        int i = writeFields(json, USER, row, 0);
        json.writeFieldName("address");
        json.writeStartObject();
        i = writeFields(json, ADDRESS_FIELDS, row, i);
        json.writeEndObject();
        json.writeFieldName("relationship");
        json.writeStartObject();
        writeFields(json, RELATIONSHIP_FIELDS, row, i);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes the fields (but the child tables' user_id, the parent's id already) and returns the next index. */
    private static int writeFields(JsonGenerator json, List<Field<?>> fields, Object[] row, int from)
            throws IOException {
        for (int f = 0; f < fields.size(); f++) {
            String name = fields.get(f).getName();
            if (from > 0 && name.equals("user_id")) {
                continue;
            }
            json.writeFieldName(name);
            writeValue(json, row[from + f]);
        }
        return from + fields.size();
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
