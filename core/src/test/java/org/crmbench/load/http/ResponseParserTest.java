package org.crmbench.load.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses framed every way HTTP/1.1 allows, fed whole and a byte at a time. */
class ResponseParserTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100_000})
    void contentLengthAndTheBytesOfTheNextResponseLeftOver(int piece) throws Exception {
        String two =
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nCONTENT-LENGTH: 5\r\n\r\nhelloHTTP/1.1 201 Created";
        ResponseParser parser = new ResponseParser();
        parser.reset(false);

        int used = feed(parser, two, piece);

        assertThat(parser.done()).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(body(parser)).isEqualTo("hello");
        assertThat(two.substring(used)).isEqualTo("HTTP/1.1 201 Created");
        assertThat(parser.closeAfter()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void aLongChunkedBodyWithExtensionsAndTrailers(int piece) throws Exception {
        StringBuilder wire = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String chunk = ("chunk " + i + " ").repeat(10);
            expected.append(chunk);
            wire.append(Integer.toHexString(chunk.length()))
                    .append(i % 2 == 0 ? ";ext=1" : "")
                    .append("\r\n");
            wire.append(chunk).append("\r\n");
        }
        wire.append("0\r\nX-Trailer: yes\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        parser.reset(false);

        int used = feed(parser, wire.toString(), piece);

        assertThat(parser.done()).isTrue();
        assertThat(used).isEqualTo(wire.length());
        assertThat(body(parser)).isEqualTo(expected.toString());
    }

    @Test
    void noBodyAfter204Or304OrAHeadRequestAndInterim1xxIsSkipped() throws Exception {
        for (String head : new String[] {
            "HTTP/1.1 204 No Content\r\n\r\n", "HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n"
        }) {
            ResponseParser parser = new ResponseParser();
            parser.reset(false);
            feed(parser, head, 1000);
            assertThat(parser.done()).as(head).isTrue();
            assertThat(parser.bodyLength()).isZero();
        }
        ResponseParser headRequest = new ResponseParser();
        headRequest.reset(true);
        feed(headRequest, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", 1000);
        assertThat(headRequest.done()).isTrue();

        ResponseParser interim = new ResponseParser();
        interim.reset(false);
        feed(
                interim,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno",
                5);
        assertThat(interim.status()).isEqualTo(404);
        assertThat(body(interim)).isEqualTo("no");
    }

    @Test
    void withoutLengthTheBodyRunsUntilTheServerCloses() throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.reset(false);
        feed(parser, "HTTP/1.0 200 OK\r\n\r\nall of it", 4);
        assertThat(parser.done()).isFalse();

        parser.endOfInput();

        assertThat(parser.done()).isTrue();
        assertThat(body(parser)).isEqualTo("all of it");
        assertThat(parser.closeAfter()).isTrue();
    }

    @Test
    void connectionCloseAndBrokenResponses() throws Exception {
        ResponseParser close = new ResponseParser();
        close.reset(false);
        feed(close, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 100);
        assertThat(close.closeAfter()).isTrue();

        ResponseParser garbage = new ResponseParser();
        garbage.reset(false);
        assertThatThrownBy(() -> feed(garbage, "SSH-2.0-OpenSSH\r\n", 100))
                .isInstanceOf(ResponseParser.MalformedResponse.class)
                .hasMessageContaining("not an HTTP/1.x response");

        ResponseParser twoLengths = new ResponseParser();
        twoLengths.reset(false);
        assertThatThrownBy(() ->
                        feed(twoLengths, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nbody", 100))
                .hasMessageContaining("two different Content-Length values, 4 and 40");
        ResponseParser sameTwice = new ResponseParser();
        sameTwice.reset(false);
        feed(sameTwice, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 4\r\n\r\nbody", 100);
        assertThat(body(sameTwice)).isEqualTo("body");

        ResponseParser cut = new ResponseParser();
        cut.reset(false);
        feed(cut, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", 100);
        assertThatThrownBy(cut::endOfInput).hasMessageContaining("in the middle of a response");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 100_000})
    void headerLinesUpTo64KbAreReadAndLongerOnesRefused(int piece) throws Exception {
        // the parser's line buffer starts small and grows: a cookie of 60,000 bytes, then the length after it
        String cookie = "Set-Cookie: " + "c".repeat(60_000) + "\r\n";
        ResponseParser parser = new ResponseParser();
        parser.reset(false);
        feed(parser, "HTTP/1.1 200 OK\r\n" + cookie + "Content-Length: 2\r\n\r\nok", piece);
        assertThat(parser.done()).isTrue();
        assertThat(body(parser)).isEqualTo("ok");

        parser.reset(false);
        feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes", piece); // the grown buffer, reused
        assertThat(body(parser)).isEqualTo("yes");

        ResponseParser tooLong = new ResponseParser();
        tooLong.reset(false);
        String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "x".repeat(70_000) + "\r\n\r\n";
        assertThatThrownBy(() -> feed(tooLong, huge, piece))
                .isInstanceOf(ResponseParser.MalformedResponse.class)
                .hasMessageContaining("a response line longer than 65536 bytes");
    }

    private static int feed(ResponseParser parser, String wire, int piece) throws Exception {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        int used = 0;
        for (int at = 0; at < bytes.length && !parser.done(); at += piece) {
            used += parser.feed(bytes, at, Math.min(bytes.length, at + piece));
        }
        return used;
    }

    private static String body(ResponseParser parser) {
        return new String(parser.body(), 0, parser.bodyLength(), StandardCharsets.ISO_8859_1);
    }
}
