package org.iago.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.core.io.AbstractResource;

/**
 * One entry of a zip archive, read in place: a quarterly extract is never unpacked to disk.
 * <p>
 * {@link ZipFile}'s entry streams check nothing, so this one does: an entry larger than {@link #MAX_ENTRY_BYTES} is
 * refused before a byte of it is read, and a stream read to its end throws {@link ZipException} when the bytes do not
 * have the size and CRC-32 that the zip's central directory records. Every load step reads its whole entry (to count
 * its lines) before it writes a row, so a corrupt entry fails its step, and a failed step never lets the publish step
 * run.
 */
public final class ZipEntryResource extends AbstractResource {

    /**
     * The largest entry read: 1 GiB. The largest file of a real FDA quarter is a few hundred megabytes (DRUG), so this
     * leaves room for growth, and it stops a zip bomb (a small zip that inflates to far more) from filling the staging
     * disk.
     */
    public static final long MAX_ENTRY_BYTES = 1L << 30;

    private final Path zip;
    private final String entryName;
    private final long maxEntryBytes;

    public ZipEntryResource(Path zip, String entryName) {
        this(zip, entryName, MAX_ENTRY_BYTES);
    }

    ZipEntryResource(Path zip, String entryName, long maxEntryBytes) {
        this.zip = zip;
        this.entryName = entryName;
        this.maxEntryBytes = maxEntryBytes;
    }

    @Override
    public String getDescription() {
        return zip + "!" + entryName;
    }

    @Override
    public String getFilename() {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    @Override
    public boolean exists() {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.getEntry(entryName) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @throws ZipException when the entry is larger than the limit; reading the stream throws it when the entry is
     *                      corrupt
     */
    @Override
    public InputStream getInputStream() throws IOException {
        ZipFile file = new ZipFile(zip.toFile());
        try {
            ZipEntry entry = file.getEntry(entryName);
            if (entry == null) {
                throw new IOException("no entry " + entryName + " in " + zip);
            }
            if (entry.getSize() < 0 || entry.getSize() > maxEntryBytes) {
                throw new ZipException(getDescription() + ": the entry's size, " + entry.getSize() + " bytes, is above"
                        + " the limit of " + maxEntryBytes + " bytes for one file of an extract; it is not read");
            }
            return new VerifiedEntryStream(file, entry);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** An entry's bytes, checked against the size and CRC-32 of the central directory; closing it closes the zip. */
    private final class VerifiedEntryStream extends FilterInputStream {

        private final ZipFile file;
        private final ZipEntry entry;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean verified;

        VerifiedEntryStream(ZipFile file, ZipEntry entry) throws IOException {
            super(file.getInputStream(entry));
            this.file = file;
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (ZipException e) {
                throw corrupt(e);
            }
            if (b < 0) {
                verify();
            } else {
                crc.update(b);
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (ZipException e) {
                throw corrupt(e);
            }
            if (n < 0) {
                verify();
            } else {
                crc.update(buffer, offset, n);
                counted(n);
            }
            return n;
        }

        /** Skipped bytes are read, so that the checksum covers them. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The inflater's own error ("invalid distance too far back") says neither which entry nor what to do. */
        private ZipException corrupt(ZipException e) {
            ZipException named = new ZipException(getDescription() + ": " + e.getMessage() + ": the archive is"
                    + " corrupt; download it again");
            named.initCause(e);
            return named;
        }

        private void counted(int n) throws ZipException {
            count += n;
            if (count > entry.getSize()) {
                throw new ZipException(getDescription() + ": more bytes than the " + entry.getSize()
                        + " the zip records for the entry: the archive is corrupt; download it again");
            }
        }

        private void verify() throws ZipException {
            if (verified) {
                return;
            }
            if (count != entry.getSize()) {
                throw new ZipException(getDescription() + ": " + count + " bytes where the zip records "
                        + entry.getSize() + ": the archive is corrupt; download it again");
            }
            if (crc.getValue() != entry.getCrc()) {
                throw new ZipException(String.format("%s: CRC-32 mismatch (stored %08x, computed %08x): the archive"
                        + " is corrupt; download it again", getDescription(), entry.getCrc(), crc.getValue()));
            }
            verified = true;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                file.close();
            }
        }
    }
}
