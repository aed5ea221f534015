package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// plan is the identity of one generated document.
type plan struct {
	r                *rand.Rand
	org              organ
	province         string
	kind             docKind
	number           int
	day, month, year int
	main, basis      ref
	local            string // a local plan it implements
	verb             string
}

func newPlan(r *rand.Rand, i int) *plan {
	p := &plan{r: r, org: pick(r, organs), province: pick(r, provinces), kind: pick(r, kinds)}
	p.number = 1 + i%97*4 + r.IntN(4)
	p.year = 2008 + r.IntN(18)
	p.month, p.day = 1+r.IntN(12), 1+r.IntN(28)
	p.main, p.basis = p.pickRef(), p.pickRef()
	p.local = fmt.Sprintf("Kế hoạch số %d-KH/%s, ngày %s của Ban Thường vụ %s", 1+r.IntN(300), p.org.code,
		date(1+r.IntN(28), 1+r.IntN(12), p.year-1-r.IntN(3)), p.org.name(p.province))
	years := p.year - p.main.year
	switch r.IntN(4) {
	case 0:
		p.verb = fmt.Sprintf("sơ kết %d năm thực hiện", max(1, years))
	case 1:
		p.verb = fmt.Sprintf("tổng kết %d năm thực hiện", max(1, years))
	case 2:
		p.verb = "tiếp tục thực hiện"
	default:
		p.verb = "triển khai thực hiện"
	}
	return p
}

// pickRef picks a cited document issued before the plan.
func (p *plan) pickRef() ref {
	for range 20 {
		if c := pick(p.r, refs); c.year < p.year {
			return c
		}
	}
	return refs[0]
}

func (p *plan) symbol() string {
	if p.org.state {
		return fmt.Sprintf("%d/%s-%s", p.number, p.kind.code, p.org.code)
	}
	return fmt.Sprintf("%d-%s/%s", p.number, p.kind.code, p.org.code)
}

// header writes the two-column header block, kind, title and the
// introduction.
func (p *plan) header(b *strings.Builder) {
	org := strings.ToUpper(p.org.name(p.province))
	fmt.Fprintf(b, "%s\t%s\n", org, p.org.motto)
	if !p.org.state {
		b.WriteString("*\n")
	}
	fmt.Fprintf(b, "Số %s\t%s, ngày %02d tháng %d năm %d\n\n", p.symbol(), p.province, p.day, p.month, p.year)
	fmt.Fprintf(b, "%s\n%s %s\n\n", strings.ToUpper(p.kind.name), p.verb, p.main.cite())
	fmt.Fprintf(b, "Thực hiện %s; căn cứ %s, Ban Thường vụ %s xây dựng %s %s %s, như sau:\n\n",
		p.local, p.basis.cite(), p.org.name(p.province), p.kind.name, p.verb, p.main.short())
}

// closing writes a dated task, the signature and the recipients.
func (p *plan) closing(b *strings.Builder) {
	m := p.month%12 + 1
	y := p.year
	if m < p.month {
		y++
	}
	fmt.Fprintf(b, "%s báo cáo kết quả %s về Ban Thường vụ %s (qua %s) trước ngày %s.\n\n",
		pick(p.r, bodies), p.main.short(), p.org.name(p.province), pick(p.r, bodies), date(1+p.r.IntN(28), m, y))
	fmt.Fprintf(b, "Nơi nhận:\n- %s,\n- Thường trực %s,\n- %s,\n- Lưu Văn phòng.\n\n", pick(p.r, bodies), p.org.name(p.province), pick(p.r, bodies))
	fmt.Fprintf(b, "T/M BAN THƯỜNG VỤ\n%s\n\n%s\n", pick(p.r, []string{"BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"}), name(p.r))
}

// ref is a real document that plans cite.
type ref struct {
	kind, symbol, date, issuer, about string
	year                              int
}

func (r ref) cite() string {
	return fmt.Sprintf("%s số %s, ngày %s của %s %s", r.kind, r.symbol, r.date, r.issuer, r.about)
}

func (r ref) short() string { return r.kind + " số " + r.symbol }

var refs = []ref{
	{"Chỉ thị", "30-CT/TW", "18/02/1998", "Bộ Chính trị (khóa VIII)", "về xây dựng và thực hiện Quy chế dân chủ ở cơ sở", 1998},
	{"Nghị quyết", "25-NQ/TW", "25/7/2008", "Ban Chấp hành Trung ương Đảng (khóa X)", "về tăng cường sự lãnh đạo của Đảng đối với công tác thanh niên thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa", 2008},
	{"Kết luận", "62-KL/TW", "08/12/2009", "Bộ Chính trị (khóa X)", "về tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội", 2009},
	{"Chỉ thị", "43-CT/TW", "08/6/2010", "Ban Bí thư", "về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam", 2010},
	{"Nghị quyết", "25-NQ/TW", "03/6/2013", "Ban Chấp hành Trung ương Đảng (khóa XI)", "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", 2013},
	{"Quyết định", "217-QĐ/TW", "12/12/2013", "Bộ Chính trị", "ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội", 2013},
	{"Kết luận", "120-KL/TW", "07/01/2016", "Bộ Chính trị", "về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ ở cơ sở", 2016},
	{"Chỉ thị", "05-CT/TW", "15/5/2016", "Bộ Chính trị", "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 2016},
	{"Quy định", "124-QĐ/TW", "02/02/2018", "Ban Bí thư", "về giám sát của Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và Nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu", 2018},
	{"Nghị quyết", "35-NQ/TW", "22/10/2018", "Bộ Chính trị", "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới", 2018},
	{"Kết luận", "43-KL/TW", "07/01/2019", "Ban Bí thư", "về tiếp tục thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI)", 2019},
	{"Nghị quyết", "57-NQ/TW", "22/12/2024", "Bộ Chính trị", "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", 2024},
}

// organ is an issuing body.
type organ struct {
	prefix, code, motto string
	state               bool
}

func (o organ) name(province string) string { return o.prefix + " " + province }

var organs = []organ{
	{"Tỉnh ủy", "TU", "ĐẢNG CỘNG SẢN VIỆT NAM", false},
	{"Thành ủy", "TU", "ĐẢNG CỘNG SẢN VIỆT NAM", false},
	{"Ban Dân vận Tỉnh ủy", "BDVTU", "ĐẢNG CỘNG SẢN VIỆT NAM", false},
	{"Đảng ủy Khối các cơ quan tỉnh", "ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM", false},
	{"Ủy ban nhân dân tỉnh", "UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
}

type docKind struct{ name, code string }

var kinds = []docKind{
	{"Kế hoạch", "KH"}, {"Kế hoạch", "KH"}, {"Kế hoạch", "KH"}, {"Kế hoạch", "KH"},
	{"Chương trình hành động", "CTr"}, {"Hướng dẫn", "HD"},
}

var provinces = []string{
	"Hà Giang", "Cao Bằng", "Lào Cai", "Tuyên Quang", "Lạng Sơn", "Thái Nguyên", "Phú Thọ", "Bắc Giang",
	"Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
	"Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên",
	"Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
	"Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
	"Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
}

var bodies = []string{
	"Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Văn phòng Tỉnh ủy",
	"Ủy ban Kiểm tra Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh",
	"Đảng đoàn Hội Nông dân tỉnh", "Đảng đoàn Liên đoàn Lao động tỉnh", "Ban Thường vụ Tỉnh đoàn",
	"Các huyện ủy, thị ủy, thành ủy", "Đảng ủy Khối Doanh nghiệp tỉnh",
}

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles  = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Hồng", "Công", "Đình"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt"}
)
