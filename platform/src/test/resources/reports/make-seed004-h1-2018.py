#!/usr/bin/env python3
"""Writes seed004-h1-2018.csv: seed 004's first half of 2018 as item history, built from
/work/shared/notes/seed004-figures.md (the figures are copied below). Deterministic: run it again, get the same file.

Per unit: its total; 52 of the supplied items rejected (counted in their units' totals and in section
"Các mục khác", as the seed counts them); 562 found by the board; 24 from the two named outside units and 4 from
individuals. Items are spread over 01/01–30/06/2018 in Vietnam time, with two on the period's edges (00:30 on 1 January,
23:30 on 30 June) and two just outside it (23:30 on 31 December 2017, 00:30 on 1 July 2018), which a report counting
in UTC would get wrong.
"""
import csv, datetime, io

MEETING = [("Trung tâm Nghiên cứu và Phát triển truyền thông KH&CN", 171), ("Tổng cục Tiêu chuẩn Đo lường Chất lượng", 62),
           ("Vụ Kế hoạch - Tài chính", 48), ("Cục Thông tin KH&CN quốc gia", 47), ("Cục Sở hữu trí tuệ", 41),
           ("Viện Năng lượng nguyên tử Việt Nam", 39), ("Văn phòng Bộ", 28), ("Vụ KH&CN các ngành Kinh tế - kỹ thuật", 22),
           ("Ban quản lý Khu Công nghệ cao Hòa Lạc", 22), ("Vụ Hợp tác quốc tế", 21), ("Cục An toàn bức xạ và hạt nhân", 15),
           ("Vụ Phát triển KH&CN địa phương", 14), ("Quỹ Phát triển KH&CN quốc gia", 13), ("Vụ Thi đua - Khen thưởng", 13),
           ("Vụ Pháp chế", 12), ("Vụ Tổ chức cán bộ", 12), ("Học viện Khoa học, Công nghệ và Đổi mới sáng tạo", 12),
           ("Cục Ứng dụng và Phát triển công nghệ", 12)]
MISSING = [("Viện Nghiên cứu và Phát triển Vùng", 0), ("Cục Công tác phía Nam", 0), ("Viện Khoa học sở hữu trí tuệ", 1),
           ("Viện Đánh giá khoa học và định giá công nghệ", 1), ("Văn phòng Công nhận Chất lượng", 1),
           ("Viện Nghiên cứu sáng chế và khai thác công nghệ", 2), ("Văn phòng các chương trình trọng điểm cấp nhà nước", 3),
           ("Thanh tra Bộ", 3), ("Văn phòng Đăng ký hoạt động KH&CN", 4), ("Viện Ứng dụng công nghệ", 5),
           ("Vụ Khoa học Xã hội, Nhân văn và Tự nhiên", 6), ("Cục Năng lượng nguyên tử", 6),
           ("Cục Phát triển thị trường và doanh nghiệp KH&CN", 7), ("Vụ Công nghệ cao", 7),
           ("Trung tâm Nghiên cứu và Phát triển hội nhập KH&CN quốc tế", 7), ("Vụ Đánh giá, Thẩm định và Giám định công nghệ", 10)]
OUTSIDE = [("Sở KH&CN Hải Phòng", 19), ("Sở KH&CN Đồng Tháp", 5)]
INDIVIDUALS = 4
FOUND = 562
REJECTED = 52
SECTIONS = [("Tin nổi bật", 102), ("Tin trang chủ", 120), ("Tin tổng hợp", 152), ("Điểm báo về KH&CN", 393), ("Thông báo", 162),
            ("Văn bản chỉ đạo điều hành", 30), ("Lấy ý kiến về văn bản KH&CN", 9), ("Hợp tác quốc tế", 72),
            ("Công khai minh bạch", 15), ("Ứng dụng CNTT - CCHC", 18), ("Cơ cấu tổ chức", 19), ("Thủ tục hành chính", 20),
            ("Các mục khác", 145)]
TOPICS = [("Chương trình, đề tài, nhiệm vụ, dự án", 116), ("Tuyên truyền, phổ biến pháp luật", 130),
          ("Giới thiệu doanh nghiệp, sản phẩm, nhà khoa học", 83), ("Nghiên cứu, kết quả, thành tựu KH&CN", 65),
          ("Ứng dụng, đổi mới công nghệ", 33), ("Cách mạng công nghiệp 4.0", 30), ("Khởi nghiệp, đổi mới sáng tạo", 35),
          ("Giải pháp phát triển KH&CN", 52), ("Đoàn thể, lễ kỷ niệm, gặp mặt", 71), ("Ứng dụng CNTT - cải cách hành chính", 77),
          ("Cơ cấu tổ chức, bổ nhiệm, miễn nhiệm", 32), ("Đào tạo, tuyển dụng", 37),
          ("Hướng dẫn, kiểm tra, giám sát, xử lý vi phạm", 48), ("Thi đua khen thưởng", 84),
          ("Tài chính, thống kê, đầu tư đấu thầu, mua sắm công", 36), ("Hợp tác quốc tế", 87)]
TOPICS.append(("Các chủ đề khác", 1257 - sum(n for _, n in TOPICS)))
REASONS = ["duplicate", "Sự kiện đã cũ, không còn tính thời sự", "outside_scope"]
GENRES = ["news", "news", "analysis", "other"]

assert sum(n for _, n in MEETING + MISSING) == 667
assert 667 + sum(n for _, n in OUTSIDE) + INDIVIDUALS == 695 and 695 + FOUND == 1257
assert sum(n for _, n in SECTIONS) == 1257 and TOPICS[-1][1] == 241

supplied = [u for u, n in MEETING + MISSING + OUTSIDE for _ in range(n)] + [None] * INDIVIDUALS
items = [("supplied", u) for u in supplied] + [("found", None)] * FOUND
# rejected: every 13th supplied item, until 52 (all from units, spread over large and small ones)
rejected = set(list(range(0, len(supplied), 13))[:REJECTED])
assert len(rejected) == REJECTED
sections = [s for s, n in SECTIONS for _ in range(n - (REJECTED if s == "Các mục khác" else 0))]
topics = [t for t, n in TOPICS for _ in range(n)]
start = datetime.datetime(2018, 1, 1, 8, 0)
minutes = (datetime.datetime(2018, 6, 30, 17, 0) - start).total_seconds() / 60
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["external_id", "title", "unit", "submitter", "section", "topic", "origin", "genre", "submitted_at", "state",
            "published_at", "reason"])
s_i = 0
for k, (origin, unit) in enumerate(items):
    at = start + datetime.timedelta(minutes=int(minutes * k / len(items)))
    if k == 1:
        at = datetime.datetime(2018, 1, 1, 0, 30)
    if k == len(items) - 1:
        at = datetime.datetime(2018, 6, 30, 23, 30)
    refused = origin == "supplied" and k in rejected
    section = "Các mục khác" if refused else sections[s_i]
    if not refused:
        s_i += 1
    title = ("Tin bài số %d của %s" % (k + 1, unit)) if unit else ("Tin bài số %d" % (k + 1))
    w.writerow(["most-2018-%04d" % (k + 1), title, unit or "", "Nguyễn Văn An" if origin == "supplied" and not unit else "",
                section, topics[k], origin, GENRES[k % 4], at.strftime("%Y-%m-%dT%H:%M:00+07:00"),
                "rejected" if refused else "published",
                "" if refused else (at + datetime.timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:00+07:00"),
                REASONS[k % 3] if refused else ""])
assert s_i == len(sections)
# just outside the period: a report counting in UTC would take the first into June 2018, the second into 2018
w.writerow(["most-2018-h2-0001", "Tin gửi sau nửa đêm 30/6", MEETING[0][0], "", "Tin tổng hợp", topics[0], "supplied", "news",
            "2018-07-01T00:30:00+07:00", "published", "2018-07-01T09:00:00+07:00", ""])
w.writerow(["most-2017-0001", "Tin gửi trước nửa đêm 31/12", MEETING[1][0], "", "Tin tổng hợp", topics[0], "supplied", "news",
            "2017-12-31T23:30:00+07:00", "published", "2018-01-02T09:00:00+07:00", ""])
open("seed004-h1-2018.csv", "w", encoding="utf-8").write(out.getvalue())
