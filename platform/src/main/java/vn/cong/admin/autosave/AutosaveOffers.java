package vn.cong.admin.autosave;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.content.autosave.Autosave;
import vn.cong.content.autosave.ItemAutosaves;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What an item's edit form needs for the server autosave: where its script sends the fields (not for a locked
 * item, which is shown read-only) and, when the editor's own autosave is newer than the item's last save, the
 * offer to restore it ("Khôi phục bản tự lưu lúc 10:42" / "Bỏ qua").
 */
@Singleton
public class AutosaveOffers {

    /** How often the form sends its fields, in milliseconds (a browser test may shorten it on the page). */
    static final int INTERVAL_MS = 60_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ItemAutosaves autosaves;

    AutosaveOffers(ItemAutosaves autosaves) {
        this.autosaves = autosaves;
    }

    /** The autosave address of item {@code itemId}. */
    static String url(long itemId) {
        return "/quan-tri/noi-dung/" + itemId + "/tu-luu";
    }

    /** The model entries {@code autosave} and, when there is one to offer, {@code autosaveOffer}. */
    public Mono<Map<String, Object>> model(Tenant tenant, StaffAccount me, long itemId, boolean locked) {
        if (locked) {
            return Mono.just(Map.of());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("autosave", Map.of("url", url(itemId), "interval", INTERVAL_MS));
        return autosaves.offer(tenant, itemId, me.id())
                .map(offer -> {
                    model.put("autosaveOffer", offer(offer));
                    return model;
                })
                .defaultIfEmpty(model);
    }

    private Map<String, Object> offer(Autosave a) {
        return Map.of("at", when(a.savedAt()), "fields", autosaves.json(a.fields()), "baseVersion", a.baseVersion(),
                "changedSince", a.changedSince(), "discardUrl", url(a.itemId()) + "/bo-qua");
    }

    /** "10:42" today, "10:42 ngày 03/12/2026" on another day (Vietnam time). */
    static String when(OffsetDateTime t) {
        var local = t.atZoneSameInstant(VietnamTime.ZONE);
        return local.toLocalDate().equals(LocalDate.now(VietnamTime.ZONE)) ? local.format(TIME)
                : local.format(TIME) + " ngày " + local.format(DAY);
    }
}
