package extract

import (
	"fmt"
	"strings"
	"testing"
)

// deadlineDoc wraps a body line in a minimal plan dated 2023-06-02.
func deadlineDoc(body string) string {
	return "THÀNH ỦY HẢI PHÒNG\nSố 256-KH/TU\nHải Phòng, ngày 02 tháng 6 năm 2023\n\nKẾ HOẠCH\ntổng kết công tác\n\nIII. TỔ CHỨC THỰC HIỆN\n" + body + "\n"
}

func deadlineSummary(d *Document) string {
	var b strings.Builder
	for _, x := range d.Deadlines {
		fmt.Fprintf(&b, "%s %s..%s %s | %s\n", x.Text, x.Start, x.End, x.Precision, x.Responsible)
	}
	return b.String()
}

// TestDeadlines: one row per written form of a deadline, and the phrases
// that look like one but are not.
func TestDeadlines(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"trước ngày", "1. Các ban đảng Thành ủy gửi báo cáo trước ngày 30/6/2023.",
			"trước ngày 30/6/2023 2023-06-30..2023-06-30 day | Các ban đảng Thành ủy\n"},
		{"a paragraph numbered with a slash", "3/ Chi cục Kiểm lâm xây dựng phương án phòng cháy rừng, xong trước 15/7/2023; tổ chức kiểm tra trong tháng 8 và tháng 9/2023.",
			"trước 15/7/2023 2023-07-15..2023-07-15 day | Chi cục Kiểm lâm\ntrong tháng 8 và tháng 9/2023 2023-08-01..2023-09-30 range | Chi cục Kiểm lâm\n"},
		{"a Chi cục is a body", "- Chi cục Thuế tổng hợp kết quả gửi về Cục Thuế chậm nhất ngày 05/8/2023.",
			"chậm nhất ngày 05/8/2023 2023-08-05..2023-08-05 day | Chi cục Thuế\n"},
		{"a Chi hội is a body", "- Chi hội Nông dân thôn gửi danh sách trước ngày 10/9/2023.",
			"trước ngày 10/9/2023 2023-09-10..2023-09-10 day | Chi hội Nông dân thôn\n"},
		{"a Đội is a body", "2. Đội Quản lý trật tự đô thị chủ trì kiểm tra các công trình, hoàn thành trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | Đội Quản lý trật tự đô thị\n"},
		{"a lower-case đội names no body", "2. Bồi dưỡng đội ngũ báo cáo viên, hoàn thành trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | \n"},
		{"a date opening a line is no slash number", "20/7/2023: hạn cuối nộp hồ sơ; Sở Tư pháp tổng hợp trước ngày 30/7/2023.",
			"trước ngày 30/7/2023 2023-07-30..2023-07-30 day | Sở Tư pháp\n"},
		{"trước without ngày", "- Ban Tổ chức Tỉnh ủy gửi báo cáo trước 10/10/2023.",
			"trước 10/10/2023 2023-10-10..2023-10-10 day | Ban Tổ chức Tỉnh ủy\n"},
		{"chậm nhất", "2. Sở Nội vụ hoàn thành chậm nhất ngày 15/8/2023.",
			"chậm nhất ngày 15/8/2023 2023-08-15..2023-08-15 day | Sở Nội vụ\n"},
		{"giao … chủ trì, quarter", "3. Giao Ban Dân vận Thành ủy chủ trì, phối hợp các cơ quan tham mưu thực hiện, hoàn thành trong quý III-2023.",
			"trong quý III-2023 2023-07-01..2023-09-30 quarter | Ban Dân vận Thành ủy\n"},
		{"time label", "4. Ban Dân vận Trung ương chủ trì tổng hợp báo cáo. Thời gian hoàn thành: tháng 10/2023.",
			"tháng 10/2023 2023-10-01..2023-10-31 month | Ban Dân vận Trung ương\n"},
		{"vào tháng", "- Cấp tỉnh: Tổ chức Hội nghị sơ kết vào tháng 9/2023.",
			"vào tháng 9/2023 2023-09-01..2023-09-30 month | Cấp tỉnh\n"},
		{"part of month", "5. Giao Ban Dân vận trình Thường trực cho ý kiến vào đầu tháng 11/2023; sau đó, Ban Thường vụ Thành ủy sẽ mở Hội nghị vào cuối tháng 11/2023.",
			"vào đầu tháng 11/2023 2023-11-01..2023-11-10 part-of-month | Ban Dân vận\nvào cuối tháng 11/2023 2023-11-21..2023-11-30 part-of-month | Ban Thường vụ Thành ủy\n"},
		{"month range", "6. Ban Dân vận Thành ủy tổ chức đoàn khảo sát. Thời gian dự kiến từ tháng 9 - 10/2023.",
			"từ tháng 9 - 10/2023 2023-09-01..2023-10-31 range | Ban Dân vận Thành ủy\n"},
		{"quarter range", "3. Phòng Tư pháp các huyện tổ chức tọa đàm trong quý III - IV/2025.",
			"trong quý III - IV/2025 2025-07-01..2025-12-31 range | Phòng Tư pháp các huyện\n"},
		{"day range", "7. Sở Nội vụ tổ chức tập huấn từ ngày 1/7 đến ngày 15/7/2023.",
			"từ ngày 1/7 đến ngày 15/7/2023 2023-07-01..2023-07-15 range | Sở Nội vụ\n"},
		{"year-less date takes the document's year", "8. Văn phòng Thành ủy báo cáo trước ngày 20/9.",
			"trước ngày 20/9 2023-09-20..2023-09-20 day | Văn phòng Thành ủy\n"},
		{"year-less date after the document rolls over", "9. Văn phòng Thành ủy báo cáo trước ngày 15/01.",
			"trước ngày 15/01 2024-01-15..2024-01-15 day | Văn phòng Thành ủy\n"},
		{"early year", "10. Năm 2023, Ban Dân vận hoàn thành khảo sát; đầu năm 2024 tổ chức hội nghị tổng kết.",
			"Năm 2023 2023-01-01..2023-12-31 year | Ban Dân vận\nđầu năm 2024 2024-01-01..2024-03-31 part-of-year | Ban Dân vận\n"},
		{"glued cue", "11. Các sở gửi hồ sơ trướcngày 30/6/2023.",
			"trướcngày 30/6/2023 2023-06-30..2023-06-30 day | Các sở\n"},
		{"date word glued to its number", "11b. Các sở gửi hồ sơ trước ngày15/7/2023.",
			"trước ngày15/7/2023 2023-07-15..2023-07-15 day | Các sở\n"},
		{"a .docx list item: marker, tab, text", "1.\tCác huyện gửi báo cáo trước ngày 30/6/2023.",
			"trước ngày 30/6/2023 2023-06-30..2023-06-30 day | Các huyện\n"},
		{"a table row without a time column is not read as prose", "1.\tCác huyện gửi báo cáo\ttrước ngày 30/6/2023", ""},
		{"cited document's date is not a deadline", "12. Thực hiện Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư.", ""},
		{"statistics period is not a deadline", "13. Số liệu tổng kết tính từ tháng 6/2013 đến tháng 6/2023.", ""},
		{"past period is not a deadline", "14. Báo cáo kết quả (từ năm 2013 đến năm 2023).", ""},
		{"named period is not a deadline", "15. Chỉ đạo xây dựng chương trình phối hợp giai đoạn 2021-2025, nhiệm kỳ 2020-2025.", ""},
		{"recurring date is not a deadline", "16. Hằng năm, các huyện gửi báo cáo chậm nhất ngày 15 tháng 12.", ""},
		{"a year-less date before a next item that recurs", "3. Các xã báo cáo kết quả về Sở **trước ngày 15/9**.\n4. Hằng năm, các xã tổ chức ngày hội đại đoàn kết.",
			"trước ngày 15/9 2023-09-15..2023-09-15 day | Các xã\n"},
		{"a year-less date that recurs on its own line", "3. Các xã gửi báo cáo về Sở trước ngày 15/9 hằng năm.\n4. Sở tổng hợp.", ""},
		{"before a month ends on the day before it", "3. Các xã gửi danh sách về Sở trước tháng 01/2024.",
			"trước tháng 01/2024 2023-12-31..2023-12-31 day | Các xã\n"},
		{"within a month keeps the month", "3. Các xã gửi danh sách về Sở trong tháng 01/2024.",
			"trong tháng 01/2024 2024-01-01..2024-01-31 month | Các xã\n"},
		{"what was done within a period is reported", "3. Dự toán năm 2024 không tính các khoản đã được cấp bổ sung trong năm 2023.", ""},
		{"what was done long before a later trong is no report", "3. Các huyện đã được tập huấn, tổ chức rà soát và gửi báo cáo tổng hợp về Sở Tài chính trong tháng 7/2023.",
			"trong tháng 7/2023 2023-07-01..2023-07-31 month | Các huyện\n"},
		{"occasion in parentheses is not a deadline", "17. Kỷ niệm 95 năm Ngày truyền thống (ngày 15-10-2025).", ""},
		{"an event's own dates are not a deadline", "19. Tham gia Hội chợ nông sản (diễn ra từ ngày 10/9 đến ngày 12/9/2023) tại thành phố.", ""},
		{"an event to organise in a window is a deadline", "20. Sở Công Thương tổ chức hội chợ từ ngày 10/9 đến ngày 12/9/2023.",
			"từ ngày 10/9 đến ngày 12/9/2023 2023-09-10..2023-09-12 range | Sở Công Thương\n"},
		{"the body in charge on the line below", "21. Hoàn thành việc tập huấn trước ngày 15/9/2023.\nĐơn vị chủ trì: Phòng Tư pháp huyện.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Phòng Tư pháp huyện\n"},
		{"a label below the next item is not this one's", "22. Hoàn thành việc tập huấn trước ngày 15/9/2023.\n23. Rà soát hồ sơ.\nĐơn vị chủ trì: Phòng Tư pháp huyện.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | \n"},
		{"a publishing house is a body", "24. Nhà xuất bản Tư pháp phát hành sổ tay hướng dẫn trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Nhà xuất bản Tư pháp\n"},
		{"publishing is a verb ending the subject", "25. Ban Tuyên giáo biên soạn, xuất bản tài liệu trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Ban Tuyên giáo\n"},
		{"a unit's code is a body", "26. PA05 tham mưu tổ chức sơ kết vào tháng 12/2023.",
			"vào tháng 12/2023 2023-12-01..2023-12-31 month | PA05\n"},
		{"a word in capitals is no unit code", "27. COVID tiếp tục diễn biến phức tạp; rà soát xong trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | \n"},
		{"a year's events are not a deadline", "28. Năm 2023, toàn tỉnh xảy ra 35 vụ cháy rừng.", ""},
		{"a year opening a task is a deadline", "29. Năm 2024, các xã hoàn thành việc cắm mốc.", "Năm 2024 2024-01-01..2024-12-31 year | các xã\n"},
		{"a forecast period is not a deadline", "30. Theo dự báo, mùa khô kéo dài từ tháng 11/2023 đến tháng 4/2024.", ""},
		{"a forecasting body's deadline is a deadline", "31. Đài Khí tượng gửi bản tin dự báo trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Đài Khí tượng\n"},
		{"a plan's year is not a deadline", "18. Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2023 như sau.", ""},
	}
	for _, tt := range tests {
		d := Parse(deadlineDoc(tt.body))
		if got := deadlineSummary(d); got != tt.want {
			t.Errorf("%s:\n%s\ngot:\n%swant:\n%s", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestDeadlineTable: a table with a time column gives one deadline per row.
func TestDeadlineTable(t *testing.T) {
	body := "TT\tNội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n1\tRà soát quy hoạch\tĐảng ủy Quân sự tỉnh\tQuý IV/2023\n2\tXây dựng cơ chế\tBan cán sự đảng UBND tỉnh\tNăm 2024"
	want := "Quý IV/2023 2023-10-01..2023-12-31 quarter | Đảng ủy Quân sự tỉnh\nNăm 2024 2024-01-01..2024-12-31 year | Ban cán sự đảng UBND tỉnh\n"
	if got := deadlineSummary(Parse(deadlineDoc(body))); got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
	// the same table in markdown pipes
	pipes := "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Tập huấn cán bộ | Sở Tư pháp | Cuối tháng 9/2023 |\n| 2 | Kiểm tra | Các sở | Thường xuyên |"
	want = "Cuối tháng 9/2023 2023-09-21..2023-09-30 part-of-month | Sở Tư pháp\n"
	if got := deadlineSummary(Parse(deadlineDoc(pipes))); got != want {
		t.Errorf("pipes got:\n%swant:\n%s", got, want)
	}
	// a pandoc table: rules of dashes, wrapped cells, a "Chủ thể thực hiện" column
	pandoc := "  ---------------------------------------------\n  Thời gian        Nội dung        Chủ thể thực hiện\n  ---------------- --------------- ------------------\n  Tháng 7/2023     Kiểm tra tài    Ủy ban Kiểm tra\n                   chính đảng      Thành ủy\n\n  Trước ngày 20/9  Sơ kết          Ban Thường vụ\n  ---------------------------------------------"
	want = "Tháng 7/2023 2023-07-01..2023-07-31 month | Ủy ban Kiểm tra Thành ủy\nTrước ngày 20/9 2023-09-20..2023-09-20 day | Ban Thường vụ\n"
	norm, _ := Normalize([]byte(deadlineDoc(pandoc)))
	if got := deadlineSummary(Parse(norm)); got != want {
		t.Errorf("pandoc got:\n%swant:\n%s", got, want)
	}
	// a .docx table flattened to one cell per line
	flat := "STT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n1\nTập huấn nghiệp vụ\nSở Tư pháp\nCác sở\n6 tháng cuối năm 2023\n2\nTổng kết\nVăn phòng UBND tỉnh\nSở Nội vụ\nNăm 2024\n"
	want = "6 tháng cuối năm 2023 2023-07-01..2023-12-31 part-of-year | Sở Tư pháp\nNăm 2024 2024-01-01..2024-12-31 year | Văn phòng UBND tỉnh\n"
	norm, _ = Normalize([]byte(deadlineDoc(flat)))
	if got := deadlineSummary(Parse(norm)); got != want {
		t.Errorf("flattened got:\n%swant:\n%s", got, want)
	}
	// a pipe table with no time column gives no table deadline
	noTime := "| STT | Đơn vị | Ghi chú |\n|---|---|---|\n| 1 | Sở Tư pháp | Tháng 9/2023 |"
	if got := deadlineSummary(Parse(deadlineDoc(noTime))); got != "" {
		t.Errorf("no time column got:\n%s", got)
	}
}

// TestRelativeDeadlines: limits counted from an event.
func TestRelativeDeadlines(t *testing.T) {
	d := Parse(deadlineDoc("1. Chương trình làm việc sẽ thông báo trước 10 ngày; hồ sơ giải quyết trong thời hạn 07 ngày làm việc.\n2. Báo cáo 6 tháng: gửi trước ngày 20/5 hằng năm."))
	var got []string
	for _, r := range d.RelativeDeadlines {
		got = append(got, r.Text)
	}
	if strings.Join(got, "|") != "trước 10 ngày|trong thời hạn 07 ngày làm việc|trước ngày 20/5" {
		t.Errorf("relative deadlines = %q", got)
	}
}
