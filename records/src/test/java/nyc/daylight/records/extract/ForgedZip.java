package nyc.daylight.records.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP files byte by byte, so a test can make one say whatever an attacker's tool would:
 * sizes in the local headers and in the central directory chosen freely (and falsely), sizes left
 * to a data descriptor, or no central directory at all. The same deflated block may be repeated
 * in many entries, so a 9 MB file that expands to gigabytes costs the test only one small deflate.
 */
final class ForgedZip {
    /** One entry: its deflated data, what it really expands to, and what the headers claim. */
    record Entry(String name, byte[] deflated, long crc, long realSize, long localSize, long centralSize, boolean dataDescriptor) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Raw-deflated {@code size} zero bytes, with their CRC: a block to repeat. */
    record Block(byte[] deflated, long crc, long size) {}

    static Block zeros(int size) {
        byte[] plain = new byte[size];
        CRC32 crc = new CRC32();
        crc.update(plain);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
        deflater.end();
        return new Block(out.toByteArray(), crc.getValue(), size);
    }

    ForgedZip add(String name, Block block, long localSize, long centralSize, boolean dataDescriptor) {
        entries.add(new Entry(name, block.deflated(), block.crc(), block.size(), localSize, centralSize, dataDescriptor));
        return this;
    }

    /** The whole archive; without {@code directory}, only local entries (as a truncated download). */
    byte[] bytes(boolean directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            long offset = out.size();
            int flags = e.dataDescriptor() ? 0x08 : 0;
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) flags).putShort((short) 8).putInt(0)
                    .putInt(e.dataDescriptor() ? 0 : (int) e.crc()).putInt(e.dataDescriptor() ? 0 : e.deflated().length)
                    .putInt(e.dataDescriptor() ? 0 : (int) e.localSize()).putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(e.deflated());
            if (e.dataDescriptor()) {
                out.writeBytes(le(16).putInt(0x08074b50).putInt((int) e.crc()).putInt(e.deflated().length).putInt((int) e.realSize()).array());
            }
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) flags).putShort((short) 8).putInt(0)
                    .putInt((int) e.crc()).putInt(e.deflated().length).putInt((int) e.centralSize()).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(name);
            central.writeBytes(c.array());
        }
        if (!directory) return out.toByteArray();
        long start = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt((int) start).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
