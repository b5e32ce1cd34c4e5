package cloudtrail.notifier.event;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an event's bytes as strict UTF-8, the only encoding EventBridge and CloudTrail write.
 * Bytes that are not well-formed UTF-8 (overlong forms, UTF-16 surrogates written as CESU-8, code
 * points above U+10FFFF, stray or missing continuation bytes) are rejected rather than read one way
 * here and another way by EventBridge's matcher; so is a NUL byte, which JSON text never holds and
 * which made Jackson guess UTF-16 or UTF-32. A UTF-8 byte order mark is skipped.
 */
public final class Utf8 {
    private Utf8() {}

    /** The bytes are not one UTF-8 JSON text: the message says where and why. */
    public static final class MalformedException extends java.io.IOException {
        private final int offset;

        MalformedException(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        /** The offset of the first offending byte. */
        public int offset() {
            return offset;
        }
    }

    /** @return the text, without a leading UTF-8 byte order mark */
    public static String decode(byte[] bytes) throws MalformedException {
        int start = 0;
        String bom = foreignByteOrderMark(bytes);
        if (bom != null) {
            throw new MalformedException(0, "not well-formed UTF-8 at byte 0 (" + hex(bytes, 0, bom.startsWith("UTF-32") ? 4 : 2)
                    + "): a " + bom + " byte order mark; events are UTF-8");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        int nul = -1;
        for (int i = start; i < bytes.length && nul < 0; i++) {
            if (bytes[i] == 0) {
                nul = i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start); // never more UTF-16 units than UTF-8 bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError() && (nul < 0 || in.position() < nul)) {
            int at = in.position();
            throw new MalformedException(at, "not well-formed UTF-8 at byte " + at + " (" + hex(bytes, at, sequenceLength(bytes, at))
                    + "): " + problem(bytes, at));
        }
        if (nul >= 0) {
            throw new MalformedException(nul, "NUL byte at byte " + nul
                    + ": JSON text never holds one (is this UTF-16 or UTF-32? events are UTF-8)");
        }
        out.flip();
        return out.toString();
    }

    private static String foreignByteOrderMark(byte[] b) {
        int b0 = b.length > 0 ? b[0] & 0xFF : -1;
        int b1 = b.length > 1 ? b[1] & 0xFF : -1;
        boolean nul23 = b.length > 3 && b[2] == 0 && b[3] == 0;
        if (b0 == 0xFF && b1 == 0xFE) {
            return nul23 ? "UTF-32LE" : "UTF-16LE";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16BE";
        }
        if (b0 == 0 && b1 == 0 && b.length > 3 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32BE";
        }
        return null;
    }

    /** What is wrong with the sequence that starts at {@code at}, which the decoder refused. */
    static String problem(byte[] b, int at) {
        int lead = b[at] & 0xFF;
        if (lead >= 0x80 && lead <= 0xBF) {
            return "a continuation byte with no lead byte";
        }
        if (lead == 0xC0 || lead == 0xC1) {
            return "an overlong encoding";
        }
        if (lead >= 0xF5 && lead <= 0xF7) {
            return "a code point above U+10FFFF";
        }
        if (lead >= 0xF8) {
            return "a byte that never occurs in UTF-8";
        }
        int next = at + 1 < b.length ? b[at + 1] & 0xFF : -1;
        if (next < 0x80 || next > 0xBF) {
            return "a truncated sequence";
        }
        if ((lead == 0xE0 && next < 0xA0) || (lead == 0xF0 && next < 0x90)) {
            return "an overlong encoding";
        }
        if (lead == 0xED && next >= 0xA0) {
            return "a UTF-16 surrogate encoded as UTF-8 (CESU-8)";
        }
        if (lead == 0xF4 && next >= 0x90) {
            return "a code point above U+10FFFF";
        }
        return "a truncated sequence";
    }

    /** The bytes the lead byte at {@code at} claims, as far as they are there: what the message shows. */
    private static int sequenceLength(byte[] b, int at) {
        int lead = b[at] & 0xFF;
        int claimed = lead >= 0xF8 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        int n = 1;
        while (n < claimed && at + n < b.length && (b[at + n] & 0xC0) == 0x80) {
            n++;
        }
        return n;
    }

    private static String hex(byte[] b, int from, int count) {
        StringBuilder s = new StringBuilder(count * 3);
        for (int i = from; i < Math.min(b.length, from + count); i++) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(String.format("%02X", b[i] & 0xFF));
        }
        return s.toString();
    }
}
