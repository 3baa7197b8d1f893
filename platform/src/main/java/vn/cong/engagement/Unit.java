package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;

/**
 * A unit of the tenant (phòng, vụ, cục, trường, …): its place in the organisation chart, its head, its focal
 * point (cán bộ đầu mối, a staff account that receives what is routed to the unit), its e-mail, whether it is
 * under the duty to supply items to the portal and whether it is an organisation outside the ministry.
 */
public record Unit(@Nullable Long id, @Nullable Long parentId, String name, String duties, int position, String headName,
                   @Nullable Long focalAccountId, String email, boolean suppliesItems, boolean outside) {

    /** A unit with only a name, under the duty, inside the ministry. */
    public static Unit named(String name) {
        return new Unit(null, null, name, "", 0, "", null, "", true, false);
    }
}
