/**
 * Ministry federation (liên thông Bộ): member portals choosing what their root portal may read of them, and the
 * root sizing its news block; the choices themselves are kept by {@code tenancy.MinistryFederation}, the reading
 * is done by {@code site} (ministry-wide search, the news block).
 */
package vn.cong.federation;
