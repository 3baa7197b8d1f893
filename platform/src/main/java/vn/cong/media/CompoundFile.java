package vn.cong.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the directory of an OLE2 compound file (the container of .doc and .xls, [MS-CFB]) to see
 * which streams it holds: Word keeps its text in {@code WordDocument}, Excel in {@code Workbook}
 * (or {@code Book} before Excel 97). The same eight magic bytes start both, so only the directory
 * tells them apart. Anything malformed is "not recognised", never an exception.
 */
final class CompoundFile {

    private static final int END_OF_CHAIN = -2;
    private static final int MAX_SECTORS_WALKED = 100_000;

    private CompoundFile() {
    }

    static Optional<MediaType> kind(byte[] bytes) {
        Set<String> streams;
        try {
            streams = streamNames(bytes);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (streams.contains("WordDocument")) {
            return Optional.of(MediaType.DOC);
        }
        if (streams.contains("Workbook") || streams.contains("Book")) {
            return Optional.of(MediaType.XLS);
        }
        return Optional.empty();
    }

    private static Set<String> streamNames(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int shift = b.getShort(0x1E) & 0xFFFF;
        if (shift != 9 && shift != 12) {
            throw new IllegalArgumentException("sector shift " + shift);
        }
        int sectorSize = 1 << shift;
        int[] fat = fat(b, sectorSize);
        Set<String> names = new HashSet<>();
        int sector = b.getInt(0x30);
        for (int walked = 0; sector != END_OF_CHAIN && walked < MAX_SECTORS_WALKED; walked++) {
            int start = (sector + 1) * sectorSize;
            for (int entry = start; entry + 128 <= start + sectorSize; entry += 128) {
                int nameBytes = b.getShort(entry + 64) & 0xFFFF;
                int type = b.get(entry + 66);
                if (type == 2 && nameBytes >= 2 && nameBytes <= 64) {
                    names.add(new String(bytes, entry, nameBytes - 2, StandardCharsets.UTF_16LE));
                }
            }
            sector = fat[sector];
        }
        return names;
    }

    /** The sector allocation table: the first 109 FAT sectors are listed in the header, the rest in the DIFAT chain. */
    private static int[] fat(ByteBuffer b, int sectorSize) {
        int fatSectors = b.getInt(0x2C);
        List<Integer> fatSectorIds = new ArrayList<>();
        for (int i = 0; i < 109 && fatSectorIds.size() < fatSectors; i++) {
            fatSectorIds.add(b.getInt(0x4C + 4 * i));
        }
        int difat = b.getInt(0x44);
        int perDifat = sectorSize / 4 - 1;
        for (int walked = 0; difat >= 0 && fatSectorIds.size() < fatSectors && walked < MAX_SECTORS_WALKED; walked++) {
            int start = (difat + 1) * sectorSize;
            for (int i = 0; i < perDifat && fatSectorIds.size() < fatSectors; i++) {
                fatSectorIds.add(b.getInt(start + 4 * i));
            }
            difat = b.getInt(start + 4 * perDifat);
        }
        int perSector = sectorSize / 4;
        int[] fat = new int[fatSectorIds.size() * perSector];
        for (int i = 0; i < fatSectorIds.size(); i++) {
            int start = (fatSectorIds.get(i) + 1) * sectorSize;
            for (int j = 0; j < perSector; j++) {
                fat[i * perSector + j] = b.getInt(start + 4 * j);
            }
        }
        return fat;
    }
}
