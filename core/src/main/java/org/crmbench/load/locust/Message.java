package org.crmbench.load.locust;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * One message of Locust's master/worker protocol: a msgpack array {@code [type, data, node_id]}
 * ({@code locust/rpc/protocol.py}). Data is plain values: maps, lists, strings, whole and decimal
 * numbers, booleans and nil, as Python's msgpack writes and reads them.
 */
public record Message(String type, Object data, String nodeId) {

    public byte[] encode() {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packArrayHeader(3);
            out.packString(type);
            pack(out, data);
            pack(out, nodeId);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + type + " message", e);
        }
    }

    /** A message from bytes; anything that is not {@code [type, data, node_id]} is an IllegalArgumentException. */
    public static Message decode(byte[] bytes) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            if (in.getNextFormat().getValueType() != ValueType.ARRAY || in.unpackArrayHeader() != 3) {
                throw new IllegalArgumentException("not a Locust message: not a [type, data, node_id] array");
            }
            Object type = unpack(in);
            Object data = unpack(in);
            Object node = unpack(in);
            if (!(type instanceof String t)) {
                throw new IllegalArgumentException("not a Locust message: its type is not a string");
            }
            return new Message(t, data, node == null ? null : node.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Locust message: " + e.getMessage(), e);
        }
    }

    private static void pack(MessageBufferPacker out, Object value) throws IOException {
        switch (value) {
            case null -> out.packNil();
            case String s -> out.packString(s);
            case Boolean b -> out.packBoolean(b);
            case Integer i -> out.packInt(i);
            case Long l -> out.packLong(l);
            case Double d -> out.packDouble(d);
            case Float f -> out.packDouble(f);
            case Map<?, ?> map -> {
                out.packMapHeader(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    pack(out, e.getKey());
                    pack(out, e.getValue());
                }
            }
            case List<?> list -> {
                out.packArrayHeader(list.size());
                for (Object item : list) {
                    pack(out, item);
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "cannot send a " + value.getClass().getSimpleName());
        }
    }

    private static Object unpack(MessageUnpacker in) throws IOException {
        return switch (in.getNextFormat().getValueType()) {
            case NIL -> {
                in.unpackNil();
                yield null;
            }
            case BOOLEAN -> in.unpackBoolean();
            case INTEGER -> in.unpackLong();
            case FLOAT -> in.unpackDouble();
            case STRING -> in.unpackString();
            case BINARY -> new String(in.readPayload(in.unpackBinaryHeader()), java.nio.charset.StandardCharsets.UTF_8);
            case ARRAY -> {
                int n = in.unpackArrayHeader();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(unpack(in));
                }
                yield list;
            }
            case MAP -> {
                int n = in.unpackMapHeader();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object key = unpack(in);
                    map.put(key, unpack(in));
                }
                yield map;
            }
            case EXTENSION -> {
                var ext = in.unpackExtensionTypeHeader();
                in.readPayload(ext.getLength());
                yield null;
            }
        };
    }
}
