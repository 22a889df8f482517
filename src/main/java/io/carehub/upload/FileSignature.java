package io.carehub.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * R16: the file types the upload accepts, recognized from the file's own first bytes (its magic number), never from
 * the name or the Content-Type the client sends.
 */
enum FileSignature {
    /** {@code %PDF-} at the start (ISO 32000). */
    PDF("application/pdf", "document", "pdf"),
    /** SOI marker and the first segment's marker: {@code FF D8 FF}. */
    JPEG("image/jpeg", "image", "jpg"),
    /** The eight-byte PNG signature. */
    PNG("image/png", "image", "png"),
    /** ISO base media file ({@code ftyp} box) of the HEIF family with an HEVC-coded image brand. */
    HEIC("image/heic", "image", "heic");

    /** Bytes enough for every signature, the HEIF {@code ftyp} box's brands included. */
    static final int HEAD_BYTES = 64;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** Major brands that name an HEVC-coded HEIF image themselves. */
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix");
    /** Generic HEIF brands (also used by AVIF): accepted only with an HEVC brand among the compatible ones. */
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

    private static final Set<String> HEVC_BRANDS = Set.of("heic", "heix", "hevc", "hevx");

    private final String mimeType;
    private final String messageType;
    private final String extension;

    FileSignature(String mimeType, String messageType, String extension) {
        this.mimeType = mimeType;
        this.messageType = messageType;
        this.extension = extension;
    }

    /** The attachment's mime type. */
    String mimeType() {
        return mimeType;
    }

    /** The type the upload's message is documented as, like a WhatsApp media message. */
    String messageType() {
        return messageType;
    }

    /** The extension of the name the hub gives the file. */
    String extension() {
        return extension;
    }

    /** The type whose signature {@code head} (the file's first bytes, up to {@link #HEAD_BYTES}) starts with. */
    static Optional<FileSignature> of(byte[] head, int length) {
        byte[] bytes = Arrays.copyOf(head, length);
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        return heif(bytes) ? Optional.of(HEIC) : Optional.empty();
    }

    /** ISO-BMFF: box size (4 bytes), {@code ftyp}, major brand, minor version, then compatible brands to the box end. */
    private static boolean heif(byte[] bytes) {
        if (bytes.length < 16 || !"ftyp".equals(ascii(bytes, 4))) {
            return false;
        }
        String major = ascii(bytes, 8);
        if (HEIC_BRANDS.contains(major)) {
            return true;
        }
        if (!HEIF_BRANDS.contains(major)) {
            return false;
        }
        long boxSize =
                ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        int end = (int) Math.min(boxSize, bytes.length);
        for (int at = 16; at + 4 <= end; at += 4) {
            if (HEVC_BRANDS.contains(ascii(bytes, at))) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
