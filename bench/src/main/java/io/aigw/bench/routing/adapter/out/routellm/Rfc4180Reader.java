package io.aigw.bench.routing.adapter.out.routellm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 defines it: fields separated by commas, records by CRLF or LF, double-quoted fields may
 * contain commas, line breaks and doubled quotes. The RouteLLM files need all three (a copy of the simulator's reader: no module imports another's packages), which is why a line-based
 * split would not do.
 */
final class Rfc4180Reader {

    private static final int EOF = -1;

    private final Reader in;
    private int pushedBack = Integer.MIN_VALUE;
    private boolean atStart = true;

    Rfc4180Reader(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of input. */
    List<String> next() {
        int c = read();
        if (atStart && c == '\uFEFF') {
            c = read();
        }
        atStart = false;
        if (c == EOF) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == EOF) {
                    throw new IllegalStateException("CSV ends inside a quoted field");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\r' || c == '\n' || c == EOF) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
                fieldStart = false;
            }
            c = read();
        }
    }

    private int read() {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
