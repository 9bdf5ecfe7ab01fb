package org.iago.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.Resource;

/**
 * An input file with the facts that are checked independently of the reader: its SHA-256 and its number of physical
 * lines, counted as {@link java.io.BufferedReader#readLine()} counts them ({@code \n}, {@code \r\n} or a lone
 * {@code \r} ends a line; a last line without terminator counts). Reconciliation compares this count with what the
 * step read, so a line that the reader drops silently is caught.
 */
public record InputFile(String name, Resource resource, long physicalLines, String sha256) {

    public static InputFile scan(String name, Resource resource) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        long lines = 0;
        boolean pendingLine = false;
        boolean afterCr = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = resource.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!afterCr) {
                            lines++;
                        }
                        pendingLine = false;
                        afterCr = false;
                    } else if (b == '\r') {
                        lines++;
                        pendingLine = false;
                        afterCr = true;
                    } else {
                        pendingLine = true;
                        afterCr = false;
                    }
                }
            }
        }
        if (pendingLine) {
            lines++;
        }
        return new InputFile(name, resource, lines, HexFormat.of().formatHex(digest.digest()));
    }
}
