package extract

import (
	"strings"
	"testing"
)

// outline renders a section tree as indented "number|title|kind" lines.
func outline(secs []*Section, depth int) string {
	var b strings.Builder
	for _, s := range secs {
		b.WriteString(strings.Repeat("  ", depth) + s.Number + "|" + s.Title + "|" + s.Kind + "\n")
		b.WriteString(outline(s.Children, depth+1))
	}
	return b.String()
}

// TestSections: one row per numbering style.
func TestSections(t *testing.T) {
	head := "KẾ HOẠCH\ntriển khai công tác\n\n"
	tests := []struct{ name, body, want string }{
		{"roman with dot", "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích: đánh giá.\n2. Yêu cầu\nII. TỔ CHỨC THỰC HIỆN\n",
			"I|MỤC ĐÍCH, YÊU CẦU|purpose\n  1|Mục đích|purpose\n  2|Yêu cầu|other\nII|TỔ CHỨC THỰC HIỆN|organization\n"},
		{"roman with hyphen", "I- MỤC ĐÍCH, YÊU CẦU\nII- NỘI DUNG CHƯƠNG TRÌNH\nIII- THỜI GIAN THỰC HIỆN\n",
			"I|MỤC ĐÍCH, YÊU CẦU|purpose\nII|NỘI DUNG CHƯƠNG TRÌNH|content\nIII|THỜI GIAN THỰC HIỆN|timeline\n"},
		{"roman and arabic with spaced hyphens", "I - MỤC ĐÍCH, YÊU CẦU\n1 - Quán triệt đầy đủ\nII - TỔ CHỨC THỰC HIỆN\n",
			"I|MỤC ĐÍCH, YÊU CẦU|purpose\n  1|Quán triệt đầy đủ|other\nII|TỔ CHỨC THỰC HIỆN|organization\n"},
		{"letters", "A- ĐÁNH GIÁ TÌNH HÌNH\nI. Công tác quán triệt\nB- NHIỆM VỤ VÀ GIẢI PHÁP\nC- KIẾN NGHỊ, ĐỀ XUẤT\n",
			"A|ĐÁNH GIÁ TÌNH HÌNH|other\n  I|Công tác quán triệt|other\nB|NHIỆM VỤ VÀ GIẢI PHÁP|content\nC|KIẾN NGHỊ, ĐỀ XUẤT|recommendation\n"},
		{"starts at 1.", "1. Mục đích, yêu cầu\n1.1. Mục đích\n2. Hình thức tổng kết\n",
			"1|Mục đích, yêu cầu|purpose\n  1.1|Mục đích|purpose\n2|Hình thức tổng kết|form\n"},
		{"arabic with hyphen", "1- Công tác tuyên truyền\n2- Công tác kiểm tra\n",
			"1|Công tác tuyên truyền|other\n2|Công tác kiểm tra|other\n"},
		{"parts with title below", "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\nI. ĐẶC ĐIỂM\nPhần thứ hai\nNHIỆM VỤ VÀ GIẢI PHÁP\n",
			"nhất|KẾT QUẢ THỰC HIỆN|other\n  I|ĐẶC ĐIỂM|other\nhai|NHIỆM VỤ VÀ GIẢI PHÁP|content\n"},
		{"chapters and articles", "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Quy chế này áp dụng đối với các cơ quan, đơn vị thuộc huyện và các tổ chức có liên quan.\nChương II\nNỘI DUNG PHỐI HỢP\n",
			"I|NHỮNG QUY ĐỊNH CHUNG|other\n  1|Phạm vi điều chỉnh|other\n  2||other\nII|NỘI DUNG PHỐI HỢP|content\n"},
		{"titled article ending in a term", "Điều 1. Phê duyệt kế hoạch phát triển nông nghiệp dài hạn\nGiao Ủy ban nhân dân xã tổ chức thực hiện.\nĐiều 2. Hiệu lực thi hành\n",
			"1|Phê duyệt kế hoạch phát triển nông nghiệp dài hạn|other\n2|Hiệu lực thi hành|other\n"},
		{"article sentence ending in a term", "Điều 1. Phê duyệt kế hoạch đầu tư công trung hạn của xã giai đoạn 2021 - 2025 kèm theo Nghị quyết này.\nĐiều 2. Hiệu lực thi hành\n",
			"1||other\n2|Hiệu lực thi hành|other\n"},
		{"heading split over two upper-case lines", "I. NHIỆM VỤ VÀ GIẢI PHÁP\nTRONG THỜI GIAN TỚI\n- Tăng cường công tác\n",
			"I|NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI|content\n  -|Tăng cường công tác|other\n"},
		{"paren and letter items", "1. Nội dung\n(1) Thanh tra thành phố chủ trì\na) Sở Nội vụ\n",
			"1|Nội dung|content\n  1|Thanh tra thành phố chủ trì|other\n    a|Sở Nội vụ|other\n"},
		{"paragraph list is not sections", "1. Cơ bản thống nhất với dự thảo Đề án. Giao Ban Tổ chức hoàn chỉnh.\n2. Ban cán sự đảng chỉ đạo rà soát các đơn vị.\n", ""},
		{"markdown heading marks", "## I. MỤC TIÊU\n1. Nâng cao nhận thức\n## II. GIẢI PHÁP\n",
			"I|MỤC TIÊU|other\n  1|Nâng cao nhận thức|other\nII|GIẢI PHÁP|content\n"},
		{"a hash without a space is no heading mark", "#I. Ghi chú\n", ""},
		{"a heading ending in a dangling word, then a Căn cứ paragraph", "2. Về kế hoạch đầu tư công trung hạn 05 năm\nCăn cứ Luật Đầu tư công, các sở lập kế hoạch.\n3. Tổ chức thực hiện\n",
			"2|Về kế hoạch đầu tư công trung hạn 05 năm|other\n3|Tổ chức thực hiện|organization\n"},
		{"table rows are not sections", "I\tVề tổ chức\t\n1.\tTổ chức quán triệt\t\n", ""},
	}
	for _, tt := range tests {
		d := Parse(head + tt.body)
		if got := outline(d.Sections, 0); got != tt.want {
			t.Errorf("%s:\ngot:\n%swant:\n%s", tt.name, got, tt.want)
		}
	}
}

// TestDanglingTerm: "hạn" cut by a wrap joins the next line after "thời",
// but ends its phrase after a term adjective ("trung hạn", "đúng hạn").
func TestDanglingTerm(t *testing.T) {
	tests := []struct {
		prev string
		want bool
	}{
		{"Giao các phòng, ban hoàn thành báo cáo kết quả trong thời hạn", true},
		{"Điều 2. Điều chỉnh kế hoạch đầu tư công trung hạn", false},
		{"Các đơn vị nộp báo cáo sơ kết công tác quý III đúng hạn", false},
	}
	for _, tt := range tests {
		if got := dangling(tt.prev); got != tt.want {
			t.Errorf("dangling(%q) = %v, want %v", tt.prev, got, tt.want)
		}
	}
}

// TestContinuesAfterDangling: a line cut after a dangling word joins the
// next one, unless that one opens a paragraph of its own ("Thực hiện …").
func TestContinuesAfterDangling(t *testing.T) {
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"Các phòng, ban chuyên môn hoàn thành báo cáo kết quả trước ngày", "15/12/2024.", true},
		{"3. Về kế hoạch tài chính - ngân sách nhà nước 03 năm", "Thực hiện Điều 43 Luật Ngân sách nhà nước năm 2015, các Bộ lập kế hoạch.", false},
		{"2. Về kế hoạch đầu tư công trung hạn của các xã giai đoạn 05 năm", "Căn cứ Luật Đầu tư công, các sở lập kế hoạch.", false},
	}
	for _, tt := range tests {
		if got := continues(tt.prev, tt.next, 0); got != tt.want {
			t.Errorf("continues(%q, %q) = %v, want %v", tt.prev, tt.next, got, tt.want)
		}
	}
}

// TestMarkerLabels: the label of each written marker, whole even when it
// is a multi-byte bullet.
func TestMarkerLabels(t *testing.T) {
	for _, tt := range []struct{ line, label string }{
		{"- Tuyên truyền", "-"}, {"+ Tuyên truyền", "+"}, {"• Tuyên truyền", "•"}, {"– Tuyên truyền", "–"},
		{"1. Mục đích", "1"}, {"a) Nội dung", "a"},
	} {
		if _, label, _ := parseMarker(tt.line); label != tt.label {
			t.Errorf("%q: label %q, want %q", tt.line, label, tt.label)
		}
	}
}
