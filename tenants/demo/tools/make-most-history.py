#!/usr/bin/env python3
"""Writes ../most-history.csv: the MOST demo's classified items from January to November 2026, loaded through the import
of history (vn.cong.reports.imports) so the contribution report (/quan-tri/bao-cao/dong-gop) has a realistic half-year
and more to show. Deterministic (fixed seed): run it again, get the same file."""
import csv, datetime, random

random.seed(2026)
UNITS = {  # unit: (items a month on average, titles)
    "Văn phòng Bộ": (5.2, ["Hội nghị giao ban công tác tháng {m} của Bộ", "Lãnh đạo Bộ làm việc với {p} về chuyển đổi số",
                          "Thông báo kết luận của Bộ trưởng tại cuộc họp {w}", "Bộ KH&CN tổ chức họp báo thường kỳ quý {q}"]),
    "Vụ Kế hoạch - Tài chính": (2.6, ["Hướng dẫn xây dựng dự toán ngân sách KH&CN năm 2027", "Công khai quyết toán ngân sách {w}",
                                     "Tập huấn quản lý tài chính nhiệm vụ KH&CN tại {p}"]),
    "Vụ Pháp chế": (2.3, ["Lấy ý kiến dự thảo Thông tư {w}", "Phổ biến Luật Khoa học, công nghệ và đổi mới sáng tạo tại {p}",
                         "Kiểm tra công tác pháp chế năm 2026 tại {p}"]),
    "Vụ Hợp tác quốc tế": (1.4, ["Đoàn công tác của Bộ làm việc tại {c}", "Ký kết thỏa thuận hợp tác KH&CN với {c}",
                                "Diễn đàn đổi mới sáng tạo Việt Nam – {c}"]),
    "Trung tâm Thông tin và Chuyển đổi số": (4.1, ["Ra mắt tính năng mới của Cổng thông tin điện tử Bộ", "Diễn tập an toàn thông tin {w}",
                                                  "Chuyển đổi số trong quản lý nhiệm vụ KH&CN tại {p}"]),
    "Cục Thông tin khoa học và công nghệ quốc gia": (1.1, ["Cập nhật cơ sở dữ liệu quốc gia về KH&CN {w}",
                                                          "Hội thảo thống kê KH&CN tại {p}"]),
}
OUTSIDE = {"Viện Hàn lâm Khoa học và Công nghệ Việt Nam": (0.9, ["Công bố kết quả nghiên cứu mới về {w}", "Hội nghị khoa học {w} của Viện Hàn lâm"])}
FOUND = (19, ["Điểm báo KH&CN ngày {d}", "Tin KH&CN trong nước: {w}", "{p} đẩy mạnh đổi mới sáng tạo", "Doanh nghiệp KH&CN tại {p} tăng trưởng"])
PLACES = ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Thái Nguyên", "Nghệ An", "Bình Định", "Đồng Tháp", "Lâm Đồng"]
COUNTRIES = ["Hàn Quốc", "Nhật Bản", "Cộng hòa Pháp", "Ô-xtrây-li-a", "Ấn Độ", "Cộng hòa Séc"]
WORDS = ["vật liệu mới", "công nghệ sinh học", "trí tuệ nhân tạo", "năng lượng tái tạo", "nông nghiệp công nghệ cao", "an toàn bức xạ",
         "tiêu chuẩn đo lường", "sở hữu trí tuệ", "khởi nghiệp sáng tạo", "dữ liệu mở"]
SECTIONS = ["tin-noi-bat", "tin-trang-chu", "tin-tong-hop", "tin-tong-hop", "thong-bao", "van-ban-chi-dao-dieu-hanh", "hop-tac-quoc-te",
            "cong-khai-minh-bach", "ung-dung-cntt-cchc", "pho-bien-phap-luat"]
TOPICS = ["Chương trình, đề tài, nhiệm vụ, dự án", "Tuyên truyền, phổ biến pháp luật", "Giới thiệu doanh nghiệp, sản phẩm, nhà khoa học",
          "Nghiên cứu, kết quả, thành tựu KH&CN", "Ứng dụng, đổi mới công nghệ", "Khởi nghiệp, đổi mới sáng tạo", "Giải pháp phát triển KH&CN",
          "Đoàn thể, lễ kỷ niệm, gặp mặt", "Ứng dụng CNTT - cải cách hành chính", "Thi đua khen thưởng", "Hợp tác quốc tế", "Các chủ đề khác"]
REASONS = ["duplicate", "late", "Sự kiện đã diễn ra quá lâu, không còn tính thời sự", "outside_scope"]

def title(t, day):
    return t.format(m=day.month, q=(day.month - 1) // 3 + 1, p=random.choice(PLACES), c=random.choice(COUNTRIES), w=random.choice(WORDS),
                    d=day.strftime("%d/%m/%Y"))

rows = []
for month in range(1, 12):
    first = datetime.date(2026, month, 1)
    days = (datetime.date(2026 + month // 12, month % 12 + 1, 1) - first).days
    for origin, unit, (rate, titles) in ([("supplied", u, v) for u, v in UNITS.items()] + [("supplied", u, v) for u, v in OUTSIDE.items()]
                                         + [("found", "", FOUND)]):
        n = max(0, round(random.gauss(rate, rate * 0.35)))
        for _ in range(n):
            day = first + datetime.timedelta(days=random.randrange(days))
            at = datetime.datetime.combine(day, datetime.time(random.randint(7, 19), random.choice([0, 15, 30, 45])))
            section = "hop-tac-quoc-te" if unit == "Vụ Hợp tác quốc tế" else random.choice(SECTIONS)
            rejected = origin == "supplied" and random.random() < 0.06
            t = title(random.choice(titles), day)
            rows.append(dict(title=t, unit=unit, section=section, topic="Hợp tác quốc tế" if section == "hop-tac-quoc-te" else random.choice(TOPICS),
                             origin=origin, genre=random.choice(["news", "news", "news", "analysis", "other"]), at=at, rejected=rejected))
rows.sort(key=lambda r: r["at"])
with open("../most-history.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["external_id", "title", "unit", "section", "topic", "origin", "genre", "submitted_at", "state", "published_at", "reason", "summary", "body"])
    for i, r in enumerate(rows, 1):
        published = (r["at"] + datetime.timedelta(hours=random.randint(2, 30))).strftime("%Y-%m-%dT%H:%M")
        summary = r["title"] + ("" if not r["unit"] else " (tin do " + r["unit"] + " cung cấp)") + "."
        w.writerow(["most-demo-2026-%04d" % i, r["title"], r["unit"], r["section"], r["topic"], r["origin"], r["genre"],
                    r["at"].strftime("%Y-%m-%dT%H:%M"), "rejected" if r["rejected"] else "published", "" if r["rejected"] else published,
                    random.choice(REASONS) if r["rejected"] else "", summary,
                    "" if r["rejected"] else "<p>" + summary + "</p><p>Ban biên tập Cổng thông tin điện tử Bộ Khoa học và Công nghệ.</p>"])
    # one item past its five-year retention period, which most.yaml's retention: archives (the staff archive's demo)
    w.writerow(["most-demo-2019-0001", "Hội nghị tổng kết công tác khoa học và công nghệ năm 2018", "Văn phòng Bộ", "tin-trang-chu",
                "Chương trình, đề tài, nhiệm vụ, dự án", "supplied", "news", "2019-01-15T09:00", "published", "2019-01-15T16:30", "",
                "Hội nghị tổng kết công tác khoa học và công nghệ năm 2018 và triển khai nhiệm vụ năm 2019.",
                "<p>Sáng 15/01/2019, Bộ Khoa học và Công nghệ tổ chức Hội nghị tổng kết công tác năm 2018 và triển khai nhiệm vụ năm 2019.</p>"
                "<p>Ban biên tập Cổng thông tin điện tử Bộ Khoa học và Công nghệ.</p>"])
print(len(rows) + 1, "items")
