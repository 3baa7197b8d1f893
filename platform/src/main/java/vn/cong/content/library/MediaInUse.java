package vn.cong.content.library;

import java.util.List;
import java.util.stream.Collectors;

/** A file the library will not delete because something shows it; the message names where (Vietnamese). */
public class MediaInUse extends RuntimeException {

    private final transient List<MediaUsage.Use> uses;

    MediaInUse(String name, List<MediaUsage.Use> uses) {
        super("Không xoá được «" + name + "» vì tệp đang được dùng ở: "
                + uses.stream().map(MediaUsage.Use::label).collect(Collectors.joining("; ")) + ". Hãy gỡ tệp khỏi những nơi này trước.");
        this.uses = List.copyOf(uses);
    }

    public List<MediaUsage.Use> uses() {
        return uses;
    }
}
