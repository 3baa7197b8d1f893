package vn.cong.admin.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.library.PictureFraming;
import vn.cong.web.CsrfForm;

/** A picture's crop as typed, in % of the uncropped picture (the whole picture when it has none). */
@Serdeable
record CropForm(@Nullable String cropX, @Nullable String cropY, @Nullable String cropWidth, @Nullable String cropHeight,
                @Nullable String csrfToken) implements CsrfForm {

    static CropForm of(@Nullable PictureFraming.Crop crop) {
        return crop == null ? new CropForm("0", "0", "100", "100", null)
                : new CropForm(crop.xPercent(), crop.yPercent(), crop.widthPercent(), crop.heightPercent(), null);
    }

    PictureFraming.CropInput input() {
        return new PictureFraming.CropInput(cropX, cropY, cropWidth, cropHeight);
    }
}
