/**
 * Royalties (chế độ nhuận bút) [001 Đ7.3; 003 Đ10]: the tenant's rate table (units per genre, the value of a unit),
 * each published item's genre and quality coefficient as the head (Tổng biên tập) decides them, and the statement per
 * author and per unit for a period.
 */
package vn.cong.reports.royalties;
