package se.outband.continuity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignatureList;

import se.outband.continuity.OpenPgp.Unreadable;

/**
 * A backup as it is decrypted: passes the content through and, once it is all read, checks the signature
 * that follows it and the modification detection code that covers the whole decrypted stream.
 */
final class DecryptedBackup extends InputStream {
    private final InputStream content;
    private final PGPEncryptedData data;
    private final InputStream clear;
    private final PGPObjectFactory packets;
    private final SignatureCheck check;
    private BackupSignature signature;

    DecryptedBackup(InputStream content, PGPEncryptedData data, InputStream clear, PGPObjectFactory packets, SignatureCheck check) {
        this.content = content;
        this.data = data;
        this.clear = clear;
        this.packets = packets;
        this.check = check;
    }

    /** Who signed the file; known only once it has been read to its end. */
    BackupSignature signature() {
        if (signature == null) {
            throw new IllegalStateException("The signature is checked at the end of the file: read it all first");
        }
        return signature;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = content.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
        if (n > 0) {
            check.update(b, off, n);
        } else if (n < 0 && signature == null) {
            verify();
        }
        return n;
    }

    /** Damage first: a file whose integrity check fails says nothing about who made it. */
    private void verify() throws IOException {
        PGPSignatureList trailing;
        try {
            Object next = packets.nextObject();
            trailing = next instanceof PGPSignatureList list ? list : null;
            clear.transferTo(OutputStream.nullOutputStream());
            if (!data.isIntegrityProtected() || !data.verify()) {
                throw damaged(null);
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw e instanceof Unreadable unreadable ? unreadable : damaged(e);
        }
        try {
            signature = check.finish(trailing);
        } catch (PGPException | RuntimeException e) {
            // The key's algorithm cannot check it, or the signature packet is malformed: not a signature by that key.
            signature = check.unverifiable();
        }
    }

    /** Reads whatever is left, so the check covers the whole file even if the reader stopped early. */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // reading is the point
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /** What a reader is told when the file fails its integrity check, or breaks off before its end. */
    static Unreadable damaged(Exception cause) {
        return new Unreadable(Unreadable.Reason.DAMAGED,
                "The backup file is damaged or incomplete (its integrity check failed).", cause);
    }

    /** Reads {@code in} to its end, verifying it if it is a decrypted stream. */
    static void readToEnd(InputStream in) throws IOException {
        if (in instanceof DecryptedBackup decrypted) {
            decrypted.drain();
        } else {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
