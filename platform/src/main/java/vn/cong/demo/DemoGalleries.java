package vn.cong.demo;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.gallery.ItemGalleries;
import vn.cong.content.gallery.ItemVideos;
import vn.cong.content.library.MediaLibrary;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's article videos and photo galleries: files of {@code media/} go into the media library and are set on the
 * Vietnamese article of the slug through the platform's own services. An article that has a video or a gallery already
 * is left alone, so a second run adds nothing.
 */
@Singleton
class DemoGalleries {

    private final TenantDatabase db;
    private final MediaLibrary library;
    private final ItemVideos videos;
    private final ItemGalleries galleries;

    DemoGalleries(TenantDatabase db, MediaLibrary library, ItemVideos videos, ItemGalleries galleries) {
        this.db = db;
        this.library = library;
        this.videos = videos;
        this.galleries = galleries;
    }

    Mono<Void> load(Tenant tenant, java.util.List<DemoFile.Gallery> all, Path mediaDir, long actor) {
        return Flux.fromIterable(all).concatMap(g -> bareArticle(tenant, g.article())
                .flatMap(item -> video(tenant, item, g.video(), mediaDir, actor)
                        .then(Flux.fromIterable(g.images()).concatMap(p -> upload(tenant, mediaDir, p.image(), p.alt(), p.caption(), actor)
                                .flatMap(id -> galleries.add(tenant, item, id, p.alt(), p.caption(), actor))).then())))
                .then();
    }

    /** The Vietnamese article of the slug, when it has neither a video nor a gallery. */
    private Mono<Long> bareArticle(Tenant tenant, String slug) {
        return db.mono(tenant, c -> c.one("""
                SELECT id FROM content_items i WHERE kind = 'article' AND language = 'vi' AND slug = $1
                  AND NOT EXISTS (SELECT 1 FROM item_videos v WHERE v.item_id = i.id)
                  AND NOT EXISTS (SELECT 1 FROM item_gallery_images g WHERE g.item_id = i.id)""", r -> r.get(0, Long.class), slug));
    }

    private Mono<Boolean> video(Tenant tenant, long item, @Nullable DemoFile.Video v, Path mediaDir, long actor) {
        if (v == null) {
            return Mono.just(false);
        }
        return upload(tenant, mediaDir, v.file(), "", v.title(), actor).flatMap(video -> Mono.zip(
                        optionalUpload(tenant, mediaDir, v.poster(), v.title(), actor),
                        optionalUpload(tenant, mediaDir, v.captionsVi(), "", actor),
                        optionalUpload(tenant, mediaDir, v.captionsEn(), "", actor))
                .flatMap(t -> videos.set(tenant, item, new ItemVideos.Choice(video, id(t.getT1()), id(t.getT2()), id(t.getT3()), v.title()),
                        actor)));
    }

    private Mono<Long> optionalUpload(Tenant tenant, Path mediaDir, @Nullable String file, String alt, long actor) {
        return file == null ? Mono.just(0L) : upload(tenant, mediaDir, file, alt, "", actor);
    }

    private static @Nullable Long id(long id) {
        return id == 0 ? null : id;
    }

    private Mono<Long> upload(Tenant tenant, Path mediaDir, String file, String alt, String caption, long actor) {
        return Mono.fromCallable(() -> read(mediaDir.resolve(file)))
                .flatMap(bytes -> library.upload(tenant, file, bytes, alt, caption, actor))
                .map(saved -> saved.id());
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo file missing: " + path, e);
        }
    }
}
