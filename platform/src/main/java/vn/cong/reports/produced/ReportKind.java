package vn.cong.reports.produced;

import vn.cong.system.StoredCode;

/** What a produced report is: the contribution report on the profile's cadence, or the quarterly account report. */
public enum ReportKind implements StoredCode {
    /** Báo cáo tình hình cung cấp thông tin [000 Đ17; 001 Đ19; 003 Đ17]. */
    CONTRIBUTION("Báo cáo tình hình cung cấp thông tin"),
    /** Báo cáo hoạt động tài khoản và giám sát an toàn thông tin, hằng quý [000 Đ7.2d]. */
    ACCOUNTS("Báo cáo hoạt động tài khoản và an toàn thông tin");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
